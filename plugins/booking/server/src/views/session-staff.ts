import type { DeskPerson } from '../../../shared/contracts/activities';
import type { ListDaySessions, Roster } from '../../../shared/contracts/session-roster';
import { zonedInterval } from '../core/time/zoned-interval';
import { instantToZonedIso } from '../core/time/zoned';
import type { ActivityRow } from '../repositories/activity-repository';
import type { AttendanceRow } from '../repositories/attendance-repository';
import type { EnrolmentRow } from '../repositories/enrolment-repository';
import type { RoomRow } from '../repositories/room-repository';
import { scheduledTimesOf, type SessionRow } from '../repositories/session-repository';

/** What staff see of one session, its activity and the people on it: residents' details appear only here. */

const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);

export const staffSessionView = (s: SessionRow, activity: ActivityRow | null, room: RoomRow | null, tz: string) => ({
  id: s.documentId,
  ...zonedInterval(s, tz),
  status: s.status,
  note: s.note,
  capacity: s.capacity ?? activity?.capacity ?? null,
  room: room ? { id: room.documentId, slug: room.slug, name: room.name } : null,
  roomOverride: s.roomOverride,
  /** When staff moved the session: the time its schedule gave it. */
  scheduled: s.scheduledStart ? zonedInterval(scheduledTimesOf(s), tz) : null,
});

export const staffActivityView = (s: SessionRow, activity: ActivityRow | null) => ({
  kind: s.activityKind,
  id: s.activityId,
  slug: activity?.slug ?? null,
  title: activity?.title ?? null,
  enrolmentMode: activity?.enrolmentMode ?? null,
  capacity: activity?.capacity ?? null,
});

/** One person (or family) enrolled, as staff see them: on the desk's lists and on a roster. */
export const enrolledPerson = (row: EnrolmentRow, tz: string): DeskPerson => ({
  enrolment: row.documentId,
  status: row.status,
  position: row.position,
  name: row.name,
  phone: row.phone,
  email: row.email,
  notifyBy: row.notifyBy,
  people: row.people,
  note: row.note,
  language: row.language,
  enrolledAt: row.createdAt ? instantToZonedIso(row.createdAt, tz) : null,
  child: row.childName ? { givenName: row.childName, grade: row.childGrade ?? '', collectors: row.collectors ?? [] } : null,
});

/** One person on the roster; `marks` holds the people marked present by enrolment, `away` who said they cannot come. */
export const personView = (row: EnrolmentRow, marks: Map<string, number>, tz: string, away: ReadonlySet<string> = new Set()) => ({
  ...enrolledPerson(row, tz),
  present: marks.has(row.documentId),
  presentPeople: marks.get(row.documentId) ?? null,
  away: away.has(row.documentId),
});

export const attendanceSummary = (rows: AttendanceRow[]) => {
  const present = sum(rows.filter((r) => r.enrolmentId).map((r) => r.people));
  const walkIns = sum(rows.filter((r) => !r.enrolmentId).map((r) => r.people));
  return { marked: rows.length > 0, present, walkIns, personVisits: present + walkIns };
};

/** A session's roster: confirmed first, then the waiting list in order, with totals and attendance. */
export const rosterView = (
  s: SessionRow,
  activity: ActivityRow | null,
  room: RoomRow | null,
  rows: EnrolmentRow[],
  marks: AttendanceRow[],
  tz: string,
  away: ReadonlySet<string> = new Set()
): Roster => {
  const present = new Map(marks.filter((m) => m.enrolmentId).map((m) => [m.enrolmentId!, m.people]));
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const waiting = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  return {
    activity: staffActivityView(s, activity),
    session: staffSessionView(s, activity, room, tz),
    confirmed: confirmed.map((r) => personView(r, present, tz, away)),
    waitlist: waiting.map((r) => personView(r, present, tz, away)),
    totals: { confirmed: confirmed.length, confirmedPeople: sum(confirmed.map((r) => r.people)), waiting: waiting.length, waitingPeople: sum(waiting.map((r) => r.people)) },
    attendance: attendanceSummary(marks),
  };
};

export type { Roster };

/** One line of a day's list for the front desk: what, when, where, how many enrolled, whether attendance was marked. */
export const daySessionView = (s: SessionRow, activity: ActivityRow | null, room: RoomRow | null, onRoster: EnrolmentRow[], marks: AttendanceRow[], tz: string): ListDaySessions.DaySession => {
  const confirmed = onRoster.filter((r) => r.status === 'confirmed');
  return {
    id: s.documentId,
    ...zonedInterval(s, tz),
    status: s.status,
    note: s.note,
    activity: { kind: s.activityKind, id: s.activityId, slug: activity?.slug ?? null, title: activity?.title ?? null },
    room: room ? { id: room.documentId, slug: room.slug, name: room.name } : null,
    capacity: s.capacity ?? activity?.capacity ?? null,
    enrolled: { enrolments: confirmed.length, people: sum(confirmed.map((r) => r.people)) },
    attendance: attendanceSummary(marks),
  };
};
