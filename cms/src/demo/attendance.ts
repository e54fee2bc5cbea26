import type { Core } from '@strapi/strapi';

const SESSION_UID = 'plugin::booking.session';
const ENROLMENT_UID = 'plugin::booking.enrolment';
const DAY_MS = 86_400_000;

/**
 * Attendance as staff mark it after each session, so the reports page shows a believable term:
 * most of those enrolled came, some walked in (散客), a film or festival drew a crowd, and a few
 * past sessions were never marked (the report shows those apart).
 */
export const markDemoAttendance = async (strapi: Core.Strapi, now = new Date()): Promise<void> => {
  const booking = strapi.plugin('booking');
  const sessions = (await strapi.db.query(SESSION_UID as any).findMany({
    where: { status: 'scheduled', startsAt: { $lt: new Date(now.getTime() - 3 * 3_600_000) } },
    select: ['documentId', 'activityId', 'startsAt'],
    orderBy: { startsAt: 'asc' },
  })) as Array<{ documentId: string; activityId: string; startsAt: string }>;

  // The demo enrolled people through the plugin at the time they did so, but rows are stamped
  // with the time they were written: move the stamp before the first session they were on the
  // roster of, or the report would not count them as enrolled there.
  const firstStart = new Map<string, number>();
  for (const s of sessions) if (!firstStart.has(s.activityId)) firstStart.set(s.activityId, Date.parse(s.startsAt));
  const sessionStart = new Map(sessions.map((s) => [s.documentId, Date.parse(s.startsAt)]));
  const enrolments = (await strapi.db.query(ENROLMENT_UID as any).findMany({ where: { status: 'confirmed' }, select: ['id', 'activityId', 'sessionId', 'createdAt'] })) as Array<{ id: number; activityId: string; sessionId: string | null; createdAt: string }>;
  for (const e of enrolments) {
    const start = e.sessionId ? sessionStart.get(e.sessionId) : firstStart.get(e.activityId);
    if (start !== undefined && Date.parse(e.createdAt) > start - DAY_MS) {
      await strapi.db.query(ENROLMENT_UID as any).update({ where: { id: e.id }, data: { createdAt: new Date(start - 3 * DAY_MS) } });
    }
  }

  let marked = 0;
  for (const [i, s] of sessions.entries()) {
    if (i % 9 === 4) continue; // not marked: the sheet is still in a drawer
    marked += 1;
    const roster = (await booking.service('sessionRoster').roster(s.documentId)) as { confirmed: Array<{ enrolment: string; away?: boolean }> };
    const present = roster.confirmed.filter((p, j) => !p.away && (i + j) % 6 !== 0).map((p) => ({ enrolment: p.enrolment }));
    const walkIns = roster.confirmed.length === 0 ? 12 + ((i * 13) % 29) : (i * 7) % 5;
    await booking.service('sessionAttendance').markAttendance(s.documentId, { present, walkIns }, now);
  }
  strapi.log.info(`Demo attendance marked at ${marked} of ${sessions.length} past sessions`);
};
