import { zonedDateOf } from '../time/zoned';

export interface ExistingSession {
  id: string;
  start: Date;
  end: Date;
  /** People enrolled on it; anything above 0 means the session must not vanish silently. */
  enrolled: number;
  status: 'scheduled' | 'cancelled';
}

export interface WantedSession {
  start: Date;
  end: Date;
}

export interface SessionDiff {
  /** Existing sessions left exactly as they are (past ones included). */
  keep: { id: string; start: Date; end: Date }[];
  /** Existing sessions to move to the given times; their enrolments and status stay. */
  update: { id: string; start: Date; end: Date }[];
  create: { start: Date; end: Date }[];
  /** Future sessions no longer wanted and with nobody enrolled. */
  remove: { id: string }[];
  /** Future sessions no longer wanted but with people enrolled: left in place for staff. */
  orphaned: { id: string; enrolled: number }[];
}

export interface DiffSessionsOptions {
  /**
   * The centre's zone. When given, a session the new schedule moves to another time
   * on the same local date is matched too (update) instead of orphaned, so a change
   * of class time keeps everyone's enrolments.
   */
  tz?: string;
}

const time = (d: Date) => d.getTime();
const byStart = <T extends { start: Date }>(a: T, b: T) => time(a.start) - time(b.start);

/**
 * What to do with a course's sessions when its schedule changes, without losing
 * enrolments:
 *
 * - Sessions that started at or before `now` are never touched (they are in `keep`),
 *   and no session is created at or before `now`.
 * - A future existing session with the same start instant as a wanted one is kept;
 *   when only the end differs (a new duration) it is updated.
 * - With `options.tz`, remaining future sessions are then paired with remaining
 *   wanted ones on the same local date, in start order, and updated to the new
 *   times. Anyone enrolled should be told the new time.
 * - Unmatched future sessions with people enrolled are `orphaned`: not removed, staff
 *   must move or cancel them. Unmatched ones without enrolments are removed.
 * - A cancelled session is matched like any other and stays cancelled: a schedule
 *   edit does not revive an occurrence that staff called off. If two existing
 *   sessions share a start, the scheduled one with more people enrolled is matched.
 *   Of two wanted sessions with the same start, the first given counts.
 *
 * Every list is sorted by start.
 */
export function diffSessions(
  existing: ExistingSession[],
  wanted: WantedSession[],
  now: Date,
  options: DiffSessionsOptions = {}
): SessionDiff {
  const isFuture = (s: { start: Date }) => time(s.start) > time(now);
  const diff: SessionDiff = { keep: [], update: [], create: [], remove: [], orphaned: [] };

  const past = existing.filter((s) => !isFuture(s));
  for (const s of past) diff.keep.push({ id: s.id, start: s.start, end: s.end });

  const preference = (a: ExistingSession, b: ExistingSession) =>
    Number(a.status === 'cancelled') - Number(b.status === 'cancelled') || b.enrolled - a.enrolled || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const open = existing.filter(isFuture).sort((a, b) => byStart(a, b) || preference(a, b));

  const wantedByStart = new Map<number, WantedSession>();
  for (const w of [...wanted].sort(byStart)) {
    if (isFuture(w) && !wantedByStart.has(time(w.start))) wantedByStart.set(time(w.start), w);
  }

  const unmatched: ExistingSession[] = [];
  for (const s of open) {
    const w = wantedByStart.get(time(s.start));
    if (!w) {
      unmatched.push(s);
      continue;
    }
    wantedByStart.delete(time(s.start));
    if (time(w.end) === time(s.end)) diff.keep.push({ id: s.id, start: s.start, end: s.end });
    else diff.update.push({ id: s.id, start: s.start, end: w.end });
  }

  let leftover = unmatched;
  if (options.tz) {
    const tz = options.tz;
    const wantedOnDate = new Map<string, WantedSession[]>();
    for (const w of wantedByStart.values()) {
      const day = zonedDateOf(w.start, tz);
      wantedOnDate.set(day, [...(wantedOnDate.get(day) ?? []), w]);
    }
    leftover = [];
    for (const s of unmatched) {
      const w = wantedOnDate.get(zonedDateOf(s.start, tz))?.shift();
      if (!w) {
        leftover.push(s);
        continue;
      }
      wantedByStart.delete(time(w.start));
      diff.update.push({ id: s.id, start: w.start, end: w.end });
    }
  }

  for (const s of leftover) {
    if (s.enrolled > 0) diff.orphaned.push({ id: s.id, enrolled: s.enrolled });
    else diff.remove.push({ id: s.id });
  }
  for (const w of wantedByStart.values()) diff.create.push({ start: w.start, end: w.end });

  const startOf = new Map(existing.map((s) => [s.id, time(s.start)]));
  const byExistingStart = (a: { id: string }, b: { id: string }) => startOf.get(a.id)! - startOf.get(b.id)!;
  diff.keep.sort(byStart);
  diff.update.sort(byStart);
  diff.create.sort(byStart);
  diff.remove.sort(byExistingStart);
  diff.orphaned.sort(byExistingStart);
  return diff;
}
