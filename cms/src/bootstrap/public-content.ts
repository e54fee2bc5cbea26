import type { Core } from '@strapi/strapi';

/** What anonymous visitors (users-permissions' public role) may read of the site's own content. */
export const PUBLIC_CONTENT_ACTIONS = [
  'api::news.news.find',
  'api::news.news.findOne',
  'api::site-setting.site-setting.find',
] as const;

const GRANTED_KEY = 'public-content-granted';

/**
 * Lets anyone read the news and the site settings without an editor ticking boxes in the admin
 * panel. Each action is granted once: an action already granted on an earlier start is not given
 * back if an editor has since taken it away (Settings → Users & Permissions → Roles → Public).
 */
export const grantPublicContent = async (strapi: Core.Strapi): Promise<void> => {
  const usersPermissions = strapi.plugin('users-permissions');
  if (!usersPermissions) return;
  const store = strapi.store({ type: 'plugin', name: 'linli' });
  const done = ((await store.get({ key: GRANTED_KEY })) as string[] | null) ?? [];
  const todo = PUBLIC_CONTENT_ACTIONS.filter((action) => !done.includes(action));
  if (todo.length === 0) return;

  const roles = strapi.db.query('plugin::users-permissions.role');
  // The app bootstraps after the plugins, so the roles exist; initialize() is idempotent, just in case.
  let role = await roles.findOne({ where: { type: 'public' } });
  if (!role) {
    await usersPermissions.service('users-permissions').initialize();
    role = await roles.findOne({ where: { type: 'public' } });
  }
  if (!role) return;
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const action of todo) {
    const granted = await permissions.findOne({ where: { action, role: role.id } });
    if (!granted) await permissions.create({ data: { action, role: role.id } });
  }
  await store.set({ key: GRANTED_KEY, value: [...done, ...todo] });
};
