import type { Core } from '@strapi/strapi';

export const MANAGE_RESERVATIONS = 'plugin::booking.reservations.manage';
export const MANAGE_ACTIVITIES = 'plugin::booking.activities.manage';

/** An RBAC action editors' roles can be given in Settings → Roles ("Booking: manage reservations"). */
export const registerAdminPermissions = async (strapi: Core.Strapi): Promise<void> => {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Manage reservations (approve, reject, enter for callers)', uid: 'reservations.manage', pluginName: 'booking' },
    { section: 'plugins', displayName: 'Manage activities (rosters, attendance, reports, cancel or move sessions)', uid: 'activities.manage', pluginName: 'booking' },
  ]);
};
