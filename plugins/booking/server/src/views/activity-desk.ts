import type { DeskActivity, DeskEnrolmentList, DeskSession } from '../../../shared/contracts/activities';
import { confirmedPeople } from '../core/enrolment/confirmed-people';
import { zonedInterval } from '../core/time/zoned-interval';
import type { ActivityKind, ActivityRow } from '../repositories/activity-repository';
import type { EnrolmentRow } from '../repositories/enrolment-repository';
import type { RoomRow } from '../repositories/room-repository';
import type { SessionRow } from '../repositories/session-repository';
import { enrolledPerson, staffSessionView } from './session-staff';

/** The activities desk: courses and events with their places, sessions and people, as staff see them. */

const byPosition = (a: EnrolmentRow, b: EnrolmentRow) => (a.position ?? 0) - (b.position ?? 0);

/** The confirmed in the order they enrolled, then the waiting list in its order. */
export const deskList = (session: string | null, rows: EnrolmentRow[], tz: string): DeskEnrolmentList => ({
  session,
  confirmed: rows.filter((r) => r.status === 'confirmed').map((r) => enrolledPerson(r, tz)),
  waitlist: rows.filter((r) => r.status === 'waitlisted').sort(byPosition).map((r) => enrolledPerson(r, tz)),
});

/** Active enrolments of one activity, grouped by what places are counted against (the term, or each session). */
export const enrolmentsByTarget = (a: ActivityRow, active: EnrolmentRow[]) => {
  const term = active.filter((r) => r.sessionId === null);
  const bySession = new Map<string, EnrolmentRow[]>();
  for (const r of active) if (r.sessionId) bySession.set(r.sessionId, [...(bySession.get(r.sessionId) ?? []), r]);
  /** The rows a session's places are counted from. */
  const of = (s: SessionRow) => (a.enrolmentMode === 'session' ? bySession.get(s.documentId) ?? [] : term);
  return { term, of };
};

export const deskSession = (s: SessionRow, a: ActivityRow, room: RoomRow | null, rows: EnrolmentRow[], tz: string): DeskSession => {
  const capacity = s.capacity ?? a.capacity;
  const taken = confirmedPeople(rows);
  return {
    ...staffSessionView(s, a, room, tz),
    placesTaken: taken,
    placesLeft: Math.max(0, capacity - taken),
    waiting: rows.filter((r) => r.status === 'waitlisted').length,
  };
};

export const deskActivity = (kind: ActivityKind, a: ActivityRow, upcoming: SessionRow[], term: EnrolmentRow[], tz: string): DeskActivity => ({
  kind,
  id: a.documentId,
  slug: a.slug,
  title: a.title,
  room: a.room ? { slug: a.room.slug, name: a.room.name } : null,
  location: a.location,
  capacity: a.capacity,
  enrolmentMode: a.enrolmentMode,
  registrationEnabled: a.registrationEnabled,
  forChildren: a.forChildren,
  waitlistEnabled: a.waitlistEnabled,
  nextSession: upcoming[0] ? zonedInterval(upcoming[0], tz) : null,
  upcomingSessions: upcoming.length,
  placesLeft: a.enrolmentMode === 'term' ? Math.max(0, a.capacity - confirmedPeople(term)) : null,
  waiting: a.enrolmentMode === 'term' ? term.filter((r) => r.status === 'waitlisted').length : null,
});

/** Activities with a session to come first, soonest first; then those that are over, by title. */
export const upcomingFirst = (x: DeskActivity, y: DeskActivity) => {
  if (x.nextSession && y.nextSession) return Date.parse(x.nextSession.start) - Date.parse(y.nextSession.start);
  if (x.nextSession || y.nextSession) return x.nextSession ? -1 : 1;
  return x.title.localeCompare(y.title);
};
