import type { Core } from '@strapi/strapi';
import { PERMISSIONS, PLUGIN_ID } from '../constants';

/** The plugin's RBAC actions, which editors' roles can be given in Settings → Roles. */
export const registerAdminPermissions = async (strapi: Core.Strapi): Promise<void> => {
  await strapi.service('admin::permission').actionProvider.registerMany(
    Object.values(PERMISSIONS).map(({ uid, displayName }) => ({ section: 'plugins', displayName, uid, pluginName: PLUGIN_ID }))
  );
};
