import { zonedDateOf, zonedWallTimeOf, type IsoDate } from '../time/zoned';
import type { Figures, SessionLine } from '../../../../shared/contracts/reports';
import { monthsOf, type Period } from './periods';
import { groupBy } from '../collections/group-by';

export type { Figures, SessionLine };

/** What the report reads, as plain rows (repositories/report-repository.ts loads them). */
export interface ReportSession {
  id: string;
  kind: 'course' | 'event';
  activityId: string;
  roomId: string | null;
  start: Date;
  end: Date;
  status: 'scheduled' | 'cancelled';
}
/** One line of a sign-in: an enrolment that came, or the walk-ins (enrolmentId null). */
export interface ReportAttendance {
  sessionId: string;
  enrolmentId: string | null;
  people: number;
}
export interface ReportEnrolment {
  id: string;
  kind: 'course' | 'event';
  activityId: string;
  /** null: the whole term. */
  sessionId: string | null;
  people: number;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  withdrawn: boolean;
  createdAt: Date;
  /** When a cancelled enrolment was last changed: the cancellation (rows carry no separate time). */
  updatedAt: Date;
  personKey: string | null;
}
export interface ReportReservation {
  roomId: string | null;
  start: Date;
  end: Date;
  status: 'pending' | 'confirmed' | 'rejected' | 'cancelled';
  attendees: number;
  updatedAt: Date;
  personKey: string | null;
}
export interface ReportCategory {
  slug: string;
  name: string;
  nameEn: string | null;
  sortOrder: number | null;
}
export interface ReportActivity {
  title: string;
  category: ReportCategory | null;
  audience: string | null;
}
export interface ReportRoom {
  id: string;
  slug: string;
  name: string;
  sortOrder: number | null;
  /** Opening hours within the period, in hours (closures not taken off). */
  openHours: number;
}

export interface ReportData {
  sessions: ReportSession[];
  attendance: ReportAttendance[];
  enrolments: ReportEnrolment[];
  /** "I can't come" said ahead: `${enrolmentId}:${sessionId}`. */
  absences: Set<string>;
  reservations: ReportReservation[];
  activities: Map<string, ReportActivity>;
  rooms: ReportRoom[];
  /** When each person (by key) was first served: came to a session or had a confirmed booking begin. */
  firstServed: Map<string, Date>;
}

export interface ReportContext {
  period: Period;
  /** The period's instants: [start, end). */
  start: Date;
  end: Date;
  now: Date;
  tz: string;
  lateCancellationHours: number;
}

const HOUR = 3_600_000;
const round1 = (n: number) => Math.round(n * 10) / 10;
export const activityKey = (kind: string, id: string) => `${kind}:${id}`;

/** Who was on a session's roster at its start: the term's enrolments and the session's own, not those who cancelled before it. */
const rosterOf = (s: ReportSession, byActivity: Map<string, ReportEnrolment[]>) =>
  (byActivity.get(activityKey(s.kind, s.activityId)) ?? []).filter(
    (e) =>
      (e.sessionId === null || e.sessionId === s.id) &&
      e.status !== 'waitlisted' &&
      e.createdAt <= s.start &&
      (e.status === 'confirmed' || (!e.withdrawn && e.updatedAt > s.start))
  );

/** The rows grouped once for every period of a report: the three periods read the same rows. */
export interface ReportIndex {
  marks: Map<string, ReportAttendance[]>;
  byActivity: Map<string, ReportEnrolment[]>;
  enrolmentById: Map<string, ReportEnrolment>;
  sessionsByActivity: Map<string, ReportSession[]>;
  /** Each session's sign-in summed. */
  summed: Map<string, { present: number; walkIns: number; visits: number }>;
  /** A session's date and times on the centre's clock (worked out once: the zone's rules are slow to apply). */
  clockOf: (s: ReportSession) => { date: IsoDate; start: string; end: string };
}

export const indexReport = (data: ReportData, tz: string): ReportIndex => {
  const marks = groupBy(data.attendance, (a) => a.sessionId);
  const summed = new Map<string, { present: number; walkIns: number; visits: number }>();
  for (const [sessionId, lines] of marks) {
    let present = 0;
    let walkIns = 0;
    for (const l of lines) {
      if (l.enrolmentId === null) walkIns += l.people;
      else present += l.people;
    }
    summed.set(sessionId, { present, walkIns, visits: present + walkIns });
  }
  const clocks = new Map<ReportSession, { date: IsoDate; start: string; end: string }>();
  return {
    marks,
    byActivity: groupBy(data.enrolments, (e) => activityKey(e.kind, e.activityId)),
    enrolmentById: new Map(data.enrolments.map((e) => [e.id, e])),
    sessionsByActivity: groupBy(data.sessions, (s) => activityKey(s.kind, s.activityId)),
    summed,
    clockOf: (s) => {
      let clock = clocks.get(s);
      if (!clock) clocks.set(s, (clock = { date: zonedDateOf(s.start, tz), start: zonedWallTimeOf(s.start, tz), end: zonedWallTimeOf(s.end, tz) }));
      return clock;
    },
  };
};

/**
 * The figures of one period, and its sessions as table lines (worked out when asked: only the
 * period reported on shows them). Pass one `index` of the same data for several periods.
 */
export const computeFigures = (data: ReportData, ctx: ReportContext, index: ReportIndex = indexReport(data, ctx.tz)): { figures: Figures; lines: () => SessionLine[] } => {
  const inPeriod = data.sessions.filter((s) => s.start >= ctx.start && s.start < ctx.end);
  const held = inPeriod.filter((s) => s.status === 'scheduled' && s.start <= ctx.now);
  const cancelled = inPeriod.filter((s) => s.status === 'cancelled');
  const { marks, byActivity, enrolmentById, sessionsByActivity, summed, clockOf } = index;

  const counts = (s: ReportSession) => summed.get(s.id) ?? null;
  const activityOf = (s: ReportSession) => data.activities.get(activityKey(s.kind, s.activityId)) ?? null;
  const roomById = new Map(data.rooms.map((r) => [r.id, r]));

  let present = 0;
  let walkIns = 0;
  let sessionsUnmarked = 0;
  let enrolledInUnmarked = 0;
  let noShows = 0;
  const served = new Set<string>();
  for (const s of held) {
    const c = counts(s);
    const roster = rosterOf(s, byActivity);
    if (!c) {
      sessionsUnmarked += 1;
      enrolledInUnmarked += roster.reduce((n, e) => n + e.people, 0);
      continue;
    }
    present += c.present;
    walkIns += c.walkIns;
    const came = new Set((marks.get(s.id) ?? []).map((l) => l.enrolmentId).filter((id): id is string => id !== null));
    noShows += roster.filter((e) => !came.has(e.id) && !data.absences.has(`${e.id}:${s.id}`)).length;
    for (const id of came) {
      const key = enrolmentById.get(id)?.personKey;
      if (key) served.add(key);
    }
  }

  type Tally = { held: number; visits: number };
  const tally = (keyOf: (s: ReportSession) => string) => {
    const t = new Map<string, Tally>();
    for (const s of held) {
      const k = keyOf(s);
      const v = t.get(k) ?? { held: 0, visits: 0 };
      v.held += 1;
      v.visits += counts(s)?.visits ?? 0;
      t.set(k, v);
    }
    return t;
  };
  // Ordered as editors order categories and rooms; the ones without come last.
  const ordered = <D extends { sortOrder: number | null; slug: string }>(t: Map<string, Tally>, docOf: (k: string) => D | null) =>
    [...t]
      .map(([k, v]) => ({ doc: docOf(k), v }))
      .sort((a, b) => (a.doc ? 0 : 1) - (b.doc ? 0 : 1) || (a.doc?.sortOrder ?? 0) - (b.doc?.sortOrder ?? 0) || (a.doc?.slug ?? '').localeCompare(b.doc?.slug ?? ''));

  const categories = new Map<string, ReportCategory>();
  for (const s of held) {
    const c = activityOf(s)?.category;
    if (c) categories.set(c.slug, c);
  }
  const byCategory = ordered(tally((s) => activityOf(s)?.category?.slug ?? ''), (k) => categories.get(k) ?? null).map(({ doc, v }) => ({
    slug: doc?.slug ?? null,
    name: doc?.name ?? null,
    nameEn: doc?.nameEn ?? null,
    ...v,
  }));
  const byRoom = ordered(tally((s) => s.roomId ?? ''), (k) => roomById.get(k) ?? null).map(({ doc, v }) => ({ slug: doc?.slug ?? null, name: doc?.name ?? null, ...v }));
  const byAudience = [...tally((s) => activityOf(s)?.audience ?? '')]
    .sort(([a, x], [b, y]) => (a ? 0 : 1) - (b ? 0 : 1) || y.held - x.held || a.localeCompare(b))
    .map(([audience, v]) => ({ audience: audience || null, ...v }));
  const monthly = tally((s) => clockOf(s).date.slice(0, 7));
  const byMonth = monthsOf(ctx.period).map((month) => ({ month, visits: monthly.get(month)?.visits ?? 0, held: monthly.get(month)?.held ?? 0 }));

  // Rooms: bookings overlapping the period count the hours inside it.
  const hoursIn = (start: Date, end: Date) => Math.max(0, Math.min(+end, +ctx.end) - Math.max(+start, +ctx.start)) / HOUR;
  const confirmed = data.reservations.filter((r) => r.status === 'confirmed' && r.start < ctx.end && r.end > ctx.start);
  for (const r of confirmed) if (r.personKey && r.start <= ctx.now) served.add(r.personKey);
  const confirmedByRoom = groupBy(confirmed, (r) => r.roomId ?? '');
  const rooms = data.rooms.map((room) => {
    const mine = confirmedByRoom.get(room.id) ?? [];
    const hoursBooked = mine.reduce((n, r) => n + hoursIn(r.start, r.end), 0);
    const hoursUsed = mine.filter((r) => r.end <= ctx.now).reduce((n, r) => n + hoursIn(r.start, r.end), 0);
    const hoursActivities = inPeriod.filter((s) => s.status === 'scheduled' && s.roomId === room.id).reduce((n, s) => n + hoursIn(s.start, s.end), 0);
    return {
      slug: room.slug,
      name: room.name,
      hoursBooked: round1(hoursBooked),
      hoursUsed: round1(hoursUsed),
      hoursActivities: round1(hoursActivities),
      openHours: round1(room.openHours),
      occupancy: room.openHours > 0 ? Math.min(1, Math.round(((hoursBooked + hoursActivities) / room.openHours) * 1000) / 1000) : 0,
      groups: new Set(mine.map((r) => r.personKey).filter(Boolean)).size,
      attendeesDeclared: mine.reduce((n, r) => n + r.attendees, 0),
    };
  });

  // Late: cancelled by the person less than the configured hours before a start they would have kept.
  const lateMs = ctx.lateCancellationHours * HOUR;
  const isLate = (cancelledAt: Date, start: Date) => cancelledAt < start && +start - +cancelledAt < lateMs;
  let lateCancellations = data.reservations.filter((r) => r.status === 'cancelled' && r.start >= ctx.start && r.start < ctx.end && isLate(r.updatedAt, r.start)).length;
  for (const e of data.enrolments) {
    if (e.status !== 'cancelled' || e.withdrawn) continue;
    // The session it was cancelled ahead of: its own, or the term's next one.
    const next = (sessionsByActivity.get(activityKey(e.kind, e.activityId)) ?? [])
      .filter((s) => (e.sessionId === null || s.id === e.sessionId) && s.status === 'scheduled' && s.start > e.updatedAt)
      .reduce<ReportSession | null>((a, s) => (a && a.start <= s.start ? a : s), null);
    if (next && next.start >= ctx.start && next.start < ctx.end && isLate(e.updatedAt, next.start)) lateCancellations += 1;
  }

  const lines = (): SessionLine[] => inPeriod.map((s) => {
    const a = activityOf(s);
    const c = counts(s);
    const status = s.status === 'cancelled' ? 'cancelled' : s.start <= ctx.now ? 'held' : 'upcoming';
    const clock = clockOf(s);
    return {
      date: clock.date,
      start: clock.start,
      end: clock.end,
      activity: a?.title ?? '',
      kind: s.kind,
      category: a?.category?.name ?? null,
      room: (s.roomId && roomById.get(s.roomId)?.name) || null,
      audience: a?.audience ?? null,
      status,
      enrolled: rosterOf(s, byActivity).reduce((n, e) => n + e.people, 0),
      present: status === 'cancelled' ? null : (c?.present ?? null),
      walkIns: status === 'cancelled' ? null : (c?.walkIns ?? null),
    };
  });

  return {
    figures: {
      activities: { held: held.length, cancelled: cancelled.length, byCategory, byRoom, byAudience },
      visits: { total: present + walkIns, present, walkIns, sessionsUnmarked, enrolledInUnmarked, byMonth },
      rooms,
      people: { unique: served.size, new: [...served].filter((k) => (data.firstServed.get(k) ?? ctx.start) >= ctx.start).length },
      noShows,
      lateCancellations,
      noShowsCountRooms: false,
    },
    lines,
  };
};
