import type { Core } from '@strapi/strapi';
import type { ListDaySessions } from '../../../shared/contracts/session-roster';
import { dayBounds, zonedDateOf, type IsoDate } from '../core/time/zoned';
import { activityRepository, type ActivityKind, type ActivityRow } from '../repositories/activity-repository';
import { attendanceRepository, type AttendanceRow } from '../repositories/attendance-repository';
import type { Version } from '../repositories/documents';
import { enrolmentRepository, type EnrolmentRow } from '../repositories/enrolment-repository';
import { roomRepository } from '../repositories/room-repository';
import { sessionRepository, type SessionRow } from '../repositories/session-repository';
import { defaultLocaleOf } from '../utils/locales';
import { bookingConfig } from '../utils/plugin-config';
import { daySessionView } from '../views/session-staff';

/** The sessions of one day for the front desk (the attendance page's list), cancelled ones included. */
const sessionDay = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Sessions starting on `date` (the centre's today when none is given), in the centre's zone, earliest first. */
  async list(date: IsoDate | undefined, now: Date): Promise<ListDaySessions.Response['data']> {
    const tz = bookingConfig(strapi).timezone;
    const today = zonedDateOf(now, tz);
    const day = date ?? today;
    const bounds = dayBounds(day, tz);
    const sessions = (await sessionRepository(strapi).inRange(bounds.start, bounds.end)).filter((s) => s.start >= bounds.start && s.start < bounds.end);

    // Published versions first; an activity or room withdrawn since still has its draft.
    const locale = await defaultLocaleOf(strapi);
    const versions: Version[] = [{ locale, status: 'published' }, { locale, status: 'draft' }];
    const activities = new Map<string, ActivityRow>();
    const enrolments = new Map<string, EnrolmentRow[]>();
    for (const kind of ['course', 'event'] as ActivityKind[]) {
      const ids = [...new Set(sessions.filter((s) => s.activityKind === kind).map((s) => s.activityId))];
      for (const [id, row] of await activityRepository(strapi).findByIds(kind, ids, versions)) activities.set(`${kind}:${id}`, row);
      for (const id of ids) enrolments.set(`${kind}:${id}`, await enrolmentRepository(strapi).forActivity(kind, id));
    }
    const rooms = await roomRepository(strapi).findByIds([...new Set(sessions.map((s) => s.roomId).filter((id): id is string => !!id))], versions);
    const marks = new Map<string, AttendanceRow[]>();
    for (const m of await attendanceRepository(strapi).forSessions(sessions.map((s) => s.documentId))) marks.set(m.sessionId, [...(marks.get(m.sessionId) ?? []), m]);

    // A session's roster: the term's enrolments, and the session's own for drop-in activities.
    const onRoster = (s: SessionRow) => (enrolments.get(`${s.activityKind}:${s.activityId}`) ?? []).filter((r) => r.sessionId === null || r.sessionId === s.documentId);
    return {
      date: day,
      today,
      timezone: tz,
      sessions: sessions.map((s) =>
        daySessionView(s, activities.get(`${s.activityKind}:${s.activityId}`) ?? null, s.roomId ? (rooms.get(s.roomId) ?? null) : null, onRoster(s), marks.get(s.documentId) ?? [], tz)
      ),
    };
  },
});

export default sessionDay;
export type SessionDayService = ReturnType<typeof sessionDay>;
