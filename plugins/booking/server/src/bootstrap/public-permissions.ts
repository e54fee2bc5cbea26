import type { Core } from '@strapi/strapi';
import { ACCOUNT_ONLY_HANDLERS, PLUGIN_ID } from '../constants';

type RoleType = 'public' | 'authenticated';

const actionOf = (handler: string) => `plugin::${PLUGIN_ID}.${handler}`;

/** The plugin's content-API handlers, as Strapi registered its routes. */
const contentApiHandlers = (strapi: Core.Strapi): string[] => {
  const routers = strapi.plugin(PLUGIN_ID).routes as Record<string, { routes: { handler: unknown }[] }>;
  return (routers['content-api']?.routes ?? []).map((route) => route.handler).filter((h): h is string => typeof h === 'string');
};

/** Routes of the plugin each users-permissions role may call. */
export const actionsByRole = (handlers: string[]): Record<RoleType, string[]> => ({
  public: handlers.filter((h) => !ACCOUNT_ONLY_HANDLERS.includes(h)).map(actionOf),
  authenticated: handlers.map(actionOf),
});

/**
 * What to grant a role on this start, and what to remember as offered: each action once, ever. An
 * action granted before and missing now was taken away by staff (say, public booking switched off
 * during an incident) and stays away; one a newer version of the plugin added is granted once.
 * With no record yet but some of the plugin's actions held, the database predates the record
 * (earlier versions granted everything on every start): what it holds is staff's choice, and
 * nothing is added.
 */
export const grantsToMake = (wanted: string[], offered: string[] | undefined, held: string[]): { grant: string[]; offered: string[] } => {
  if (offered === undefined && wanted.some((action) => held.includes(action))) return { grant: [], offered: wanted };
  const before = offered ?? [];
  return {
    grant: wanted.filter((action) => !before.includes(action) && !held.includes(action)),
    offered: [...before, ...wanted.filter((action) => !before.includes(action))],
  };
};

const offeredStore = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'content-api-actions-offered' });

/**
 * Lets anonymous visitors (and signed-in residents) call the public routes without an editor
 * ticking boxes in the admin panel, on the first start (and for routes added later), never against
 * a choice staff made since. Apps without users-permissions are left alone.
 */
export const grantPublicPermissions = async (strapi: Core.Strapi): Promise<void> => {
  const usersPermissions = strapi.plugin('users-permissions');
  if (!usersPermissions) return;
  // Plugins bootstrap in name order, so on a fresh database users-permissions has not made its
  // roles yet. Its initialize() is idempotent (roles and default grants only when none exist).
  await usersPermissions.service('users-permissions').initialize();
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const store = offeredStore(strapi);
  const record = ((await store.get({})) ?? {}) as Partial<Record<RoleType, string[]>>;
  for (const [type, wanted] of Object.entries(actionsByRole(contentApiHandlers(strapi))) as [RoleType, string[]][]) {
    const role = await roles.findOne({ where: { type } });
    if (!role) continue;
    const held = (await permissions.findMany({ where: { role: role.id, action: { $startsWith: `plugin::${PLUGIN_ID}.` } } })).map((p) => p.action as string);
    const { grant, offered } = grantsToMake(wanted, record[type], held);
    for (const action of grant) await permissions.create({ data: { action, role: role.id } });
    record[type] = offered;
  }
  await store.set({ value: record });
};
