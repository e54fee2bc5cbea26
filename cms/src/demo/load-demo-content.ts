import type { Core } from '@strapi/strapi';
import { loadDemoActivities } from './activities';
import { markDemoAttendance } from './attendance';
import { loadDemoCentreHours } from './centre-hours';
import { loadDemoNews } from './news';
import { loadDemoReservations } from './reservations';
import { demoRooms } from './rooms';
import { loadDemoSiteSettings } from './site-settings';

const ROOM_UID = 'plugin::booking.room';

/** Fills an empty database with a real centre's content; a database with any room is left alone. */
export const loadDemoContent = async (strapi: Core.Strapi): Promise<void> => {
  if ((await strapi.db.query(ROOM_UID).count()) > 0) return;
  strapi.log.info('Loading demo content into an empty database');

  // First: the demo week's bookings are checked against the centre's hours.
  await loadDemoCentreHours(strapi);

  for (const room of demoRooms) {
    const shared = { slug: room.slug, capacity: room.capacity, sortOrder: room.sortOrder, floor: room.floor, bookable: room.bookable ?? true, ...room.rules };
    // The plugin's content types are not in this app's generated types, hence the casts.
    const created = await strapi.documents(ROOM_UID).create({ locale: 'zh-CN', data: { ...shared, ...room.zh } as any });
    await strapi
      .documents(ROOM_UID)
      .update({ documentId: created.documentId, locale: 'en', data: { ...shared, ...room.en } as any });
    await strapi.documents(ROOM_UID).publish({ documentId: created.documentId, locale: '*' });
  }
  await loadDemoActivities(strapi, (strapi.config.get('plugin::booking') as { timezone: string }).timezone);
  await loadDemoReservations(strapi, (strapi.config.get('plugin::booking') as { timezone: string }).timezone);
  await markDemoAttendance(strapi);
  await loadDemoSiteSettings(strapi);
  await loadDemoNews(strapi, (strapi.config.get('plugin::booking') as { timezone: string }).timezone);
};
