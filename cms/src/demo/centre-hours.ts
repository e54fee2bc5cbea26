import type { Core } from '@strapi/strapi';

const CENTRE_UID = 'plugin::booking.centre';

/**
 * Fills in the centre's hours, which rooms without their own follow, so an editor finds them under
 * Centre hours to change: the booking plugin's configured default ("5+2": weekdays with a lunch
 * break and evenings until 21:00, weekends 09:00–17:00). Hours staff already set are left alone.
 */
export const loadDemoCentreHours = async (strapi: Core.Strapi): Promise<void> => {
  if ((await strapi.db.query(CENTRE_UID).count()) > 0) return;
  const { defaultOpeningHours } = strapi.config.get('plugin::booking') as { defaultOpeningHours: unknown };
  // The plugin's content types are not in this app's generated types, hence the cast.
  await strapi.documents(CENTRE_UID).create({ data: { openingHours: defaultOpeningHours } as any });
};
