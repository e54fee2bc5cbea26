import type { Core } from '@strapi/strapi';
import { ACCOUNT_ONLY_HANDLERS, PLUGIN_ID } from '../constants';

const actionOf = (handler: string) => `plugin::${PLUGIN_ID}.${handler}`;

/** The plugin's content-API handlers, as Strapi registered its routes. */
const contentApiHandlers = (strapi: Core.Strapi): string[] => {
  const routers = strapi.plugin(PLUGIN_ID).routes as Record<string, { routes: { handler: unknown }[] }>;
  return (routers['content-api']?.routes ?? []).map((route) => route.handler).filter((h): h is string => typeof h === 'string');
};

/** Routes of the plugin each users-permissions role may call. */
export const actionsByRole = (handlers: string[]): Record<'public' | 'authenticated', string[]> => ({
  public: handlers.filter((h) => !ACCOUNT_ONLY_HANDLERS.includes(h)).map(actionOf),
  authenticated: handlers.map(actionOf),
});

/**
 * Lets anonymous visitors (and signed-in residents) call the public routes without an editor ticking boxes in the admin
 * panel. Idempotent: only missing grants are added. Apps without users-permissions are left alone.
 */
export const grantPublicPermissions = async (strapi: Core.Strapi): Promise<void> => {
  const usersPermissions = strapi.plugin('users-permissions');
  if (!usersPermissions) return;
  // Plugins bootstrap in name order, so on a fresh database users-permissions has not made its
  // roles yet. Its initialize() is idempotent (roles and default grants only when none exist).
  await usersPermissions.service('users-permissions').initialize();
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const [type, actions] of Object.entries(actionsByRole(contentApiHandlers(strapi)))) {
    const role = await roles.findOne({ where: { type } });
    if (!role) continue;
    for (const action of actions) {
      const granted = await permissions.findOne({ where: { action, role: role.id } });
      if (!granted) await permissions.create({ data: { action, role: role.id } });
    }
  }
};
