import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findConflicts } from '../core/reservations/conflicts';
import type { Interval } from '../core/time/intervals';
import { instantToZonedIso, zonedDateOf } from '../core/time/zoned';
import { isOverlapRefusal, lockCapacity } from '../database/tables';
import type { AttendanceInput, MoveSessionInput } from '../http/activity-staff-schemas';
import { ConflictError } from '../http/conflict-error';
import { validationError, type FieldError } from '../http/validation';
import { activityRepository } from '../repositories/activity-repository';
import { attendanceRepository, type AttendanceRow } from '../repositories/attendance-repository';
import { enrolmentRepository, type EnrolmentRow } from '../repositories/enrolment-repository';
import { holdRepository } from '../repositories/hold-repository';
import { ROOM_UID } from '../repositories/room-repository';
import { scheduledTimesOf, sessionRepository, type SessionRow } from '../repositories/session-repository';
import { zonedInterval } from '../views/availability-view';
import type { CsvCell } from '../views/csv';
import { rulesOfRoom } from '../views/room-settings';
import type { EnrolmentNotificationsService } from './enrolment-notifications';
import { defaultLocaleOf } from './locales';
import { bookingConfig } from './settings';

const DAY_MS = 24 * 3600 * 1000;
const MAX_SESSION_MS = DAY_MS;
const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);

/** Staff's changes to one session are made one at a time (a row lock on PostgreSQL). */
const sessionLock = (sessionId: string) => `session:${sessionId}`;

/**
 * What staff do with one session of a course or event: see who is coming (and print it), mark
 * who came, cancel it, or move it to another time or room. Residents' details appear only here.
 */
const sessionStaff = ({ strapi }: { strapi: Core.Strapi }) => {
  const sessions = sessionRepository(strapi);
  const enrolments = enrolmentRepository(strapi);
  const attendance = attendanceRepository(strapi);
  const holds = holdRepository(strapi);
  const tz = () => bookingConfig(strapi).timezone;
  const notifications = (): EnrolmentNotificationsService => strapi.plugin('booking').service('enrolmentNotifications');

  const load = async (id: string) => {
    const session = await sessions.findById(id);
    if (!session) throw new errors.NotFoundError(`There is no session ${id}`);
    return session;
  };

  /** The activity in the default locale; an unpublished one still has its draft. */
  const activityOf = async (s: SessionRow) => {
    const locale = await defaultLocaleOf(strapi);
    const repo = activityRepository(strapi);
    return (await repo.findById(s.activityKind, s.activityId, locale, 'published')) ?? (await repo.findById(s.activityKind, s.activityId, locale, 'draft'));
  };

  const roomDoc = async (roomId: string | null): Promise<any | null> => {
    if (!roomId) return null;
    const locale = await defaultLocaleOf(strapi);
    return (
      (await strapi.documents(ROOM_UID as any).findOne({ documentId: roomId, locale, status: 'published' } as any)) ??
      (await strapi.documents(ROOM_UID as any).findOne({ documentId: roomId, locale } as any))
    );
  };

  /** Everyone on the session's roster: the term's enrolments and the session's own (drop-in). */
  const enrolledIn = async (s: SessionRow) => [
    ...(await enrolments.active({ kind: s.activityKind, activityId: s.activityId, sessionId: null })),
    ...(await enrolments.active({ kind: s.activityKind, activityId: s.activityId, sessionId: s.documentId })),
  ];

  const sessionView = (s: SessionRow, activity: any, room: any | null) => ({
    id: s.documentId,
    ...zonedInterval(s, tz()),
    status: s.status,
    note: s.note,
    capacity: s.capacity ?? activity?.capacity ?? null,
    room: room ? { id: room.documentId, slug: room.slug, name: room.name } : null,
    roomOverride: s.roomOverride,
    /** When staff moved the session: the time its schedule gave it. */
    scheduled: s.scheduledStart ? zonedInterval(scheduledTimesOf(s), tz()) : null,
  });

  const activityView = (s: SessionRow, activity: any) => ({
    kind: s.activityKind,
    id: s.activityId,
    slug: activity?.slug ?? null,
    title: activity?.title ?? null,
    enrolmentMode: activity?.enrolmentMode ?? null,
    capacity: activity?.capacity ?? null,
  });

  const personView = (row: EnrolmentRow, marks: Map<string, number>) => ({
    enrolment: row.documentId,
    status: row.status,
    position: row.position,
    name: row.name,
    phone: row.phone,
    email: row.email,
    people: row.people,
    note: row.note,
    language: row.language,
    enrolledAt: row.createdAt ? instantToZonedIso(row.createdAt, tz()) : null,
    present: marks.has(row.documentId),
    presentPeople: marks.get(row.documentId) ?? null,
  });

  const attendanceSummary = (rows: AttendanceRow[]) => {
    const present = sum(rows.filter((r) => r.enrolmentId).map((r) => r.people));
    const walkIns = sum(rows.filter((r) => !r.enrolmentId).map((r) => r.people));
    return { marked: rows.length > 0, present, walkIns, personVisits: present + walkIns };
  };

  const roster = async (id: string) => {
    const s = await load(id);
    const [activity, room, rows, marks] = await Promise.all([activityOf(s), roomDoc(s.roomId), enrolledIn(s), attendance.forSessions([id])]);
    const present = new Map(marks.filter((m) => m.enrolmentId).map((m) => [m.enrolmentId!, m.people]));
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    const waiting = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    return {
      activity: activityView(s, activity),
      session: sessionView(s, activity, room),
      confirmed: confirmed.map((r) => personView(r, present)),
      waitlist: waiting.map((r) => personView(r, present)),
      totals: { confirmed: confirmed.length, confirmedPeople: sum(confirmed.map((r) => r.people)), waiting: waiting.length, waitingPeople: sum(waiting.map((r) => r.people)) },
      attendance: attendanceSummary(marks),
    };
  };

  type Roster = Awaited<ReturnType<typeof roster>>;

  const clashError = (wanted: Interval, clashes: { start: Date; end: Date; kind: string }[]) =>
    new ConflictError('The room is already taken at that time', {
      conflicts: [zonedInterval(wanted, tz())],
      with: clashes.map((h) => ({ ...zonedInterval(h, tz()), kind: h.kind })),
    });

  return {
    roster,

    /** The roster as a sheet to print: a heading, then one line per person, confirmed first. */
    rosterSheet(r: Roster): { filename: string; rows: CsvCell[][] } {
      const start = new Date(r.session.start);
      const end = new Date(r.session.end);
      const date = zonedDateOf(start, tz());
      const time = `${date} ${r.session.start.slice(11, 16)}–${zonedDateOf(end, tz()) === date ? r.session.end.slice(11, 16) : r.session.end.slice(0, 16).replace('T', ' ')}`;
      const line = (p: Roster['confirmed'][number], i: number): CsvCell[] => [
        i + 1,
        p.status === 'confirmed' ? '正式 confirmed' : `候补 waiting ${p.position ?? ''}`.trim(),
        p.name,
        p.phone,
        p.email,
        p.people,
        p.note,
        p.present ? p.presentPeople : null,
      ];
      const rows: CsvCell[][] = [
        ['活动 Activity', r.activity.title ?? r.activity.slug ?? r.activity.id],
        ['时间 Time', time],
        ['地点 Room', r.session.room?.name ?? ''],
        ...(r.session.status === 'cancelled' ? [['状态 Status', `已取消 cancelled${r.session.note ? `: ${r.session.note}` : ''}`]] : []),
        [],
        ['序号 No.', '状态 Status', '姓名 Name', '电话 Phone', '邮箱 E-mail', '人数 People', '备注 Note', '到场 Present'],
        ...r.confirmed.map(line),
        ...r.waitlist.map((p, i) => line(p, r.confirmed.length + i)),
      ];
      if (r.attendance.marked) rows.push([], ['散客 Walk-ins', '', '', '', '', '', '', r.attendance.walkIns], ['合计人次 Person-visits', '', '', '', '', '', '', r.attendance.personVisits]);
      return { filename: `roster-${r.activity.slug ?? r.activity.id}-${date}.csv`, rows };
    },

    /** Records who came, replacing what was recorded before; walk-ins came without enrolling. */
    async markAttendance(id: string, input: AttendanceInput, now: Date) {
      const s = await load(id);
      if (s.status === 'cancelled') throw validationError([{ path: 'session', message: 'has been cancelled: nobody came to it' }]);
      if (zonedDateOf(s.start, tz()) > zonedDateOf(now, tz())) throw validationError([{ path: 'session', message: `takes place on ${zonedDateOf(s.start, tz())}: mark attendance on the day or after` }]);
      const onRoster = new Map((await enrolledIn(s)).map((r) => [r.documentId, r]));
      const problems: FieldError[] = [];
      const seen = new Set<string>();
      input.present.forEach((p, i) => {
        if (!onRoster.has(p.enrolment)) problems.push({ path: `present.${i}.enrolment`, message: 'is not on this session’s roster' });
        else if (seen.has(p.enrolment)) problems.push({ path: `present.${i}.enrolment`, message: 'is listed twice' });
        seen.add(p.enrolment);
      });
      if (problems.length > 0) throw validationError(problems);
      const rows = [
        ...input.present.map((p) => ({ enrolmentId: p.enrolment, people: p.people ?? onRoster.get(p.enrolment)!.people })),
        ...(input.walkIns ? [{ enrolmentId: null, people: input.walkIns }] : []),
      ];
      await strapi.db.transaction(async ({ trx }) => {
        await lockCapacity(strapi, trx, sessionLock(id));
        await attendance.replace(id, rows);
      });
      return roster(id);
    },

    /** Calls one session off: it stays listed as cancelled, its room is free, and the people enrolled are told. */
    async cancel(id: string, reason: string, now: Date) {
      const before = await load(id);
      const after = await strapi.db.transaction(async ({ trx }) => {
        await lockCapacity(strapi, trx, sessionLock(id));
        const current = await load(id);
        if (current.status === 'cancelled') throw validationError([{ path: 'session', message: 'is already cancelled' }]);
        const updated = await sessions.update(id, { status: 'cancelled', note: reason });
        await holds.release(current.activityKind, [id], trx);
        return updated;
      });
      const activity = await activityOf(after);
      // Nobody needs telling about a session that has already begun or taken place.
      const told = after.start > now ? (await enrolledIn(after)).filter((r) => r.email) : [];
      notifications().sessionChanged(told, activity, { change: 'cancelled', before, reason });
      return { session: sessionView(after, activity, await roomDoc(after.roomId)), activity: activityView(after, activity), notified: told.length };
    },

    /** Moves a session still to come to another time or room, holding the new room exactly as sync does. */
    async move(id: string, input: MoveSessionInput, now: Date) {
      const before = await load(id);
      if (before.status === 'cancelled') throw validationError([{ path: 'session', message: 'has been cancelled' }]);
      if (before.start <= now) throw validationError([{ path: 'session', message: 'has already started: only sessions still to come can be moved' }]);
      const start = input.start ?? before.start;
      const end = input.end ?? (input.start ? new Date(input.start.getTime() + (before.end.getTime() - before.start.getTime())) : before.end);
      const problems: FieldError[] = [];
      if (start <= now) problems.push({ path: 'start', message: 'must be in the future' });
      if (end <= start) problems.push({ path: 'end', message: 'must be after the start' });
      else if (end.getTime() - start.getTime() > MAX_SESSION_MS) problems.push({ path: 'end', message: 'a session lasts at most 24 hours' });

      const activity = await activityOf(before);
      let roomId = before.roomId;
      let roomOverride = before.roomOverride;
      if (input.room) {
        const locale = await defaultLocaleOf(strapi);
        const room = await strapi.documents(ROOM_UID as any).findFirst({ status: 'published', locale, filters: { slug: input.room } } as any);
        if (!room) problems.push({ path: 'room', message: `there is no room "${input.room}"` });
        else {
          roomId = (room as any).documentId as string;
          roomOverride = roomId !== (activity?.room?.documentId ?? null);
        }
      }
      if (problems.length > 0) throw validationError(problems);

      const room = await roomDoc(roomId);
      const buffer = room ? rulesOfRoom(room).rules.bufferMinutes : 0;
      const wanted = { start, end };
      const clashesNow = async (trx?: any) => {
        if (!roomId) return [];
        const touching = (await holds.findTouching([roomId], new Date(start.getTime() - DAY_MS), new Date(end.getTime() + DAY_MS), trx)).filter(
          (h) => !(h.kind === before.activityKind && h.sourceId === id)
        );
        return findConflicts([wanted], touching, buffer).flatMap((c) => c.with);
      };

      let after: SessionRow;
      try {
        after = await strapi.db.transaction(async ({ trx }) => {
          await lockCapacity(strapi, trx, sessionLock(id));
          const current = await load(id);
          if (current.status === 'cancelled') throw validationError([{ path: 'session', message: 'has been cancelled' }]);
          await holds.release(current.activityKind, [id], trx);
          // Re-read inside the transaction: on SQLite this is the guard; on PostgreSQL the exclusion constraint catches races.
          const clashes = await clashesNow(trx);
          if (clashes.length > 0) throw clashError(wanted, clashes);
          if (roomId) await holds.insert([{ roomId, kind: current.activityKind, sourceId: id, start, end, blockedUntil: addMinutes(end, buffer) }], trx);
          const scheduled = scheduledTimesOf(current);
          const backOnSchedule = +scheduled.start === +start && +scheduled.end === +end;
          const timesChanged = +current.start !== +start || +current.end !== +end;
          return sessions.update(id, {
            start,
            end,
            roomId,
            roomOverride,
            ...(backOnSchedule ? { scheduledStart: null, scheduledEnd: null } : timesChanged && !current.scheduledStart ? { scheduledStart: current.start, scheduledEnd: current.end } : {}),
            ...(input.reason ? { note: input.reason } : {}),
          });
        });
      } catch (error) {
        if (isOverlapRefusal(error)) throw clashError(wanted, await clashesNow());
        throw error;
      }

      const changed = +after.start !== +before.start || +after.end !== +before.end || after.roomId !== before.roomId;
      const told = changed ? (await enrolledIn(after)).filter((r) => r.email) : [];
      if (changed) notifications().sessionChanged(told, activity, { change: 'moved', before, after, reason: input.reason ?? null });
      return { session: sessionView(after, activity, room), activity: activityView(after, activity), notified: told.length };
    },
  };
};

export default sessionStaff;
export type SessionStaffService = ReturnType<typeof sessionStaff>;
