import type { Core } from '@strapi/strapi';
import contentApi from '../routes/content-api';

/** Every public route of the plugin, as users-permissions names its action. */
export const publicActions = (): string[] =>
  contentApi.routes.map((route) => `plugin::booking.${route.handler}`);

/**
 * Lets anonymous visitors call the public routes without an editor ticking boxes in the admin
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
  const publicRole = await roles.findOne({ where: { type: 'public' } });
  if (!publicRole) return;
  for (const action of publicActions()) {
    const granted = await permissions.findOne({ where: { action, role: publicRole.id } });
    if (!granted) await permissions.create({ data: { action, role: publicRole.id } });
  }
};
