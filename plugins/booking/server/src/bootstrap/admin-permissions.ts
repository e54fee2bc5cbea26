import type { Core } from '@strapi/strapi';

export const MANAGE_RESERVATIONS = 'plugin::booking.reservations.manage';

/** An RBAC action editors' roles can be given in Settings → Roles ("Booking: manage reservations"). */
export const registerAdminPermissions = async (strapi: Core.Strapi): Promise<void> => {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Manage reservations (approve, reject, enter for callers)', uid: 'reservations.manage', pluginName: 'booking' },
  ]);
};
