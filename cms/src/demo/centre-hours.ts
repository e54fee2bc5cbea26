import type { Core } from '@strapi/strapi';

const CENTRE_UID = 'plugin::booking.centre';

/** Weekday → open periods at the centre, the shape the booking plugin's "Centre hours" keeps. */
type WeeklyHours = Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', { start: string; end: string }[]>;

/** "5+2" hours: weekdays with a lunch break and evenings until 21:00, weekends 09:00–17:00. */
export const DEMO_OPENING_HOURS: WeeklyHours = {
  mon: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '21:00' }],
  tue: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '21:00' }],
  wed: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '21:00' }],
  thu: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '21:00' }],
  fri: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '21:00' }],
  sat: [{ start: '09:00', end: '17:00' }],
  sun: [{ start: '09:00', end: '17:00' }],
};

/** Sets the centre's hours, which rooms without their own follow; hours staff already set are left alone. */
export const loadDemoCentreHours = async (strapi: Core.Strapi): Promise<void> => {
  if ((await strapi.db.query(CENTRE_UID).count()) > 0) return;
  // The plugin's content types are not in this app's generated types, hence the cast.
  await strapi.documents(CENTRE_UID).create({ data: { openingHours: DEMO_OPENING_HOURS } as any });
};
