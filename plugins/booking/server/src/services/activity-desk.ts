import type { Core } from '@strapi/strapi';
import type { DeskActivity, DeskActivityDetail } from '../../../shared/contracts/activities';
import { dayBounds, zonedDateOf } from '../core/time/zoned';
import { activityRepository, type ActivityKind } from '../repositories/activity-repository';
import { enrolmentRepository } from '../repositories/enrolment-repository';
import { roomRepository } from '../repositories/room-repository';
import { sessionRepository } from '../repositories/session-repository';
import { notFound } from '../utils/errors';
import { defaultLocaleOf } from '../utils/locales';
import { bookingConfig } from '../utils/plugin-config';
import { deskActivity, deskList, deskSession, enrolmentsByTarget, upcomingFirst } from '../views/activity-desk';

const KINDS: ActivityKind[] = ['course', 'event'];

/** What the front desk reads of courses and events: which to pick, and one with its sessions, places and people. */
const activityDesk = ({ strapi }: { strapi: Core.Strapi }) => {
  const activities = activityRepository(strapi);
  const sessions = sessionRepository(strapi);
  const enrolments = enrolmentRepository(strapi);
  const tz = () => bookingConfig(strapi).timezone;

  return {
    async list(query: { type?: ActivityKind; q?: string }, now: Date): Promise<DeskActivity[]> {
      const locale = await defaultLocaleOf(strapi);
      const found: DeskActivity[] = [];
      for (const kind of query.type ? [query.type] : KINDS) {
        for (const a of await activities.searchPublished(kind, locale, query.q || undefined)) {
          const upcoming = (await sessions.forActivity(kind, a.documentId)).filter((s) => s.status === 'scheduled' && s.end > now);
          const { term } = enrolmentsByTarget(a, await enrolments.forActivity(kind, a.documentId));
          found.push(deskActivity(kind, a, upcoming, term, tz()));
        }
      }
      return found.sort(upcomingFirst);
    },

    async detail(kind: ActivityKind, id: string, now: Date): Promise<DeskActivityDetail> {
      const locale = await defaultLocaleOf(strapi);
      const a = await activities.findPublishedOrDraft(kind, id, locale);
      if (!a) throw notFound(`There is no ${kind} ${id}`);
      // Today's sessions stay listed after they end: the day board links to them.
      const startOfToday = dayBounds(zonedDateOf(now, tz()), tz()).start;
      const all = await sessions.forActivity(kind, id);
      const shown = all.filter((s) => s.end > startOfToday);
      const active = await enrolments.forActivity(kind, id);
      const targets = enrolmentsByTarget(a, active);
      const roomIds = [...new Set(shown.map((s) => s.roomId).filter((r): r is string => r !== null))];
      const sessionRooms = await roomRepository(strapi).findByIds(roomIds, [{ locale, status: 'published' }, { locale, status: 'draft' }]);
      const rooms = await roomRepository(strapi).findPublished(locale);
      const upcoming = all.filter((s) => s.status === 'scheduled' && s.end > now);
      return {
        activity: { ...deskActivity(kind, a, upcoming, targets.term, tz()), maxPeoplePerEnrolment: a.maxPeoplePerEnrolment, enrolmentOpensAt: a.enrolmentOpensAt, enrolmentClosesAt: a.enrolmentClosesAt },
        timezone: tz(),
        rooms: rooms.map((r) => ({ slug: r.slug, name: r.name })),
        sessions: shown.map((s) => deskSession(s, a, s.roomId ? sessionRooms.get(s.roomId) ?? null : null, targets.of(s), tz())),
        lists: a.enrolmentMode === 'term' ? [deskList(null, targets.term, tz())] : shown.map((s) => deskList(s.documentId, targets.of(s), tz())),
      };
    },
  };
};

export default activityDesk;
export type ActivityDeskService = ReturnType<typeof activityDesk>;
