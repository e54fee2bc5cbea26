import type { Core } from '@strapi/strapi';
import { confirmedPeople } from '../core/enrolment/confirmed-people';
import { describeSchedule } from '../core/schedule/describe-schedule';
import { scheduleSchema } from '../core/schedule/schedule';
import { addDays, wallClockToInstant, zonedDateOf, type IsoDate } from '../core/time/zoned';
import { zonedInterval } from '../core/time/zoned-interval';
import { activityRepository, type ActivityKind, type ActivityRow } from '../repositories/activity-repository';
import { withLocaleFallback } from '../repositories/documents';
import { enrolmentRepository, type EnrolmentRow } from '../repositories/enrolment-repository';
import { roomRepository } from '../repositories/room-repository';
import { sessionRepository, type SessionRow } from '../repositories/session-repository';
import { notFound } from '../utils/errors';
import { defaultLocaleOf } from '../utils/locales';
import { bookingConfig } from '../utils/plugin-config';

/** What residents read about courses and events, and the week's timetable. Never anyone's details. */
const activities = ({ strapi }: { strapi: Core.Strapi }) => {
  const repo = activityRepository(strapi);
  const sessions = sessionRepository(strapi);
  const enrolments = enrolmentRepository(strapi);
  const tz = () => bookingConfig(strapi).timezone;

  const summaryOf = (kind: ActivityKind, a: ActivityRow, language: 'zh-CN' | 'en') => {
    const schedule = scheduleSchema.safeParse(a.schedule);
    return {
      kind,
      id: a.documentId,
      slug: a.slug,
      locale: a.locale,
      title: a.title,
      summary: a.summary,
      category: a.category ? { slug: a.category.slug, name: a.category.name, color: a.category.color } : null,
      audience: a.audience,
      audienceMinAge: a.audienceMinAge,
      audienceMaxAge: a.audienceMaxAge,
      organiser: a.organiser,
      room: a.room ? { slug: a.room.slug, name: a.room.name } : null,
      location: a.location,
      when: schedule.success ? describeSchedule(schedule.data, language) : null,
      capacity: a.capacity,
      enrolmentMode: a.enrolmentMode,
      registrationEnabled: a.registrationEnabled,
      forChildren: a.forChildren,
      waitlistEnabled: a.waitlistEnabled,
      enrolmentOpensAt: a.enrolmentOpensAt,
      enrolmentClosesAt: a.enrolmentClosesAt,
      cover: a.cover ? { url: a.cover.url, alternativeText: a.cover.alternativeText, width: a.cover.width, height: a.cover.height } : null,
    };
  };

  /** Places left from an activity's active enrolments: for the whole term, or per session for drop-in activities. */
  const placesOf = (a: ActivityRow, active: EnrolmentRow[]) => {
    const term = active.filter((r) => r.sessionId === null);
    const bySession = new Map<string, EnrolmentRow[]>();
    for (const r of active) if (r.sessionId) bySession.set(r.sessionId, [...(bySession.get(r.sessionId) ?? []), r]);
    return {
      termPlacesLeft: a.enrolmentMode === 'term' ? Math.max(0, a.capacity - confirmedPeople(term)) : null,
      waiting: a.enrolmentMode === 'term' ? term.filter((r) => r.status === 'waitlisted').length : null,
      sessionPlacesLeft: (s: SessionRow) =>
        a.enrolmentMode === 'session' ? Math.max(0, (s.capacity ?? a.capacity) - confirmedPeople(bySession.get(s.documentId) ?? [])) : Math.max(0, a.capacity - confirmedPeople(term)),
    };
  };

  /** Active enrolments of many activities in one query, by activity: lists cost the same for 5 activities or 500. */
  const activeByActivity = async (kind: ActivityKind, activityIds: string[]) => {
    const byActivity = new Map<string, EnrolmentRow[]>();
    for (const r of await enrolments.forActivities(kind, [...new Set(activityIds)])) byActivity.set(r.activityId, [...(byActivity.get(r.activityId) ?? []), r]);
    return byActivity;
  };

  const localized = async (kind: ActivityKind, locale?: string) => {
    const fallback = await defaultLocaleOf(strapi);
    const asked = await repo.listPublished(kind, locale ?? fallback);
    const others = locale && fallback && locale !== fallback ? await repo.listPublished(kind, fallback) : [];
    return withLocaleFallback(asked, others);
  };

  type RoomRef = { slug: string; name: string };
  /** Rooms of sessions staff moved out of their activity's room, by id, in the reader's locale. */
  const movedRooms = async (list: SessionRow[], locale?: string): Promise<Map<string, RoomRef>> => {
    const ids = [...new Set(list.filter((s) => s.roomOverride && s.roomId).map((s) => s.roomId!))];
    if (ids.length === 0) return new Map();
    const fallback = await defaultLocaleOf(strapi);
    const rooms = await roomRepository(strapi).findByIds(ids, [{ locale: locale ?? fallback, status: 'published' }, { locale: fallback, status: 'published' }]);
    return new Map([...rooms].map(([id, r]) => [id, { slug: r.slug, name: r.name }]));
  };

  /** `movedToRoom`: where the session takes place when staff moved it out of the activity's room (else null). */
  const sessionView = (s: SessionRow, placesLeft: number, rooms: Map<string, RoomRef> = new Map()) => ({
    id: s.documentId,
    ...zonedInterval(s, tz()),
    status: s.status,
    placesLeft,
    movedToRoom: s.roomOverride && s.roomId ? rooms.get(s.roomId) ?? null : null,
  });

  return {
    async list(kind: ActivityKind, locale?: string) {
      const language = locale === 'en' ? 'en' : 'zh-CN';
      const now = new Date();
      const all = await localized(kind, locale);
      const ids = all.map((a) => a.documentId);
      const active = await activeByActivity(kind, ids);
      const next = await sessions.firstEndingAfter(kind, ids, now);
      const rooms = await movedRooms([...next.values()], locale);
      return all.map((a) => {
        const places = placesOf(a, active.get(a.documentId) ?? []);
        const first = next.get(a.documentId);
        return { ...summaryOf(kind, a, language), placesLeft: places.termPlacesLeft, nextSession: first ? sessionView(first, places.sessionPlacesLeft(first), rooms) : null };
      });
    },

    async detail(kind: ActivityKind, slug: string, locale?: string) {
      const fallback = await defaultLocaleOf(strapi);
      const a = (await repo.findPublishedBySlug(kind, slug, locale ?? fallback)) ?? (locale ? await repo.findPublishedBySlug(kind, slug, fallback) : null);
      if (!a) throw notFound(`No published ${kind} "${slug}"`);
      const places = placesOf(a, await enrolments.forActivity(kind, a.documentId));
      const now = new Date();
      const upcoming = (await sessions.forActivity(kind, a.documentId)).filter((s) => s.end > now);
      return {
        ...summaryOf(kind, a, locale === 'en' ? 'en' : 'zh-CN'),
        description: a.description,
        placesLeft: places.termPlacesLeft,
        waiting: places.waiting,
        sessions: await movedRooms(upcoming, locale).then((rooms) => upcoming.map((s) => sessionView(s, places.sessionPlacesLeft(s), rooms))),
      };
    },

    /** The day (in the centre's zone) of the last session of any published course or event, null when none: how far the site's timetable reaches. */
    async lastSessionDate(): Promise<IsoDate | null> {
      let last: SessionRow | null = null;
      for (const kind of ['course', 'event'] as const) {
        const candidate = await sessions.lastOf(kind, (await localized(kind)).map((a) => a.documentId));
        if (candidate && (!last || candidate.start > last.start)) last = candidate;
      }
      return last ? zonedDateOf(last.start, tz()) : null;
    },

    /** Every session from `from` to `to` (inclusive days in the centre's zone), with what and where. */
    async timetable(from: IsoDate, to: IsoDate, locale?: string) {
      const language = locale === 'en' ? 'en' : 'zh-CN';
      const range = { start: wallClockToInstant(from, '00:00', tz()), end: wallClockToInstant(addDays(to, 1), '00:00', tz()) };
      const inRange = await sessions.inRange(range.start, range.end);
      const rooms = await movedRooms(inRange, locale);
      const byKind: Record<ActivityKind, ActivityRow[]> = { course: await localized('course', locale), event: await localized('event', locale) };
      const result = [];
      for (const kind of ['course', 'event'] as const) {
        const sessionsOf = new Map<string, SessionRow[]>();
        for (const s of inRange) if (s.activityKind === kind) sessionsOf.set(s.activityId, [...(sessionsOf.get(s.activityId) ?? []), s]);
        const active = await activeByActivity(kind, byKind[kind].map((a) => a.documentId).filter((id) => sessionsOf.has(id)));
        for (const a of byKind[kind]) {
          const mine = sessionsOf.get(a.documentId) ?? [];
          if (mine.length === 0) continue;
          const places = placesOf(a, active.get(a.documentId) ?? []);
          const summary = summaryOf(kind, a, language);
          for (const s of mine) result.push({ ...sessionView(s, places.sessionPlacesLeft(s), rooms), activity: summary });
        }
      }
      return result.sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
    },
  };
};

export default activities;
export type ActivitiesService = ReturnType<typeof activities>;
