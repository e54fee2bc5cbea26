import { isoWeekOf } from '../time/iso-week';
import { mergeIntervals, type Interval } from '../time/intervals';
import { addDays, wallClockToInstant, zonedDateOf, type IsoDate } from '../time/zoned';
import { violation, type Violation } from './violations';

export interface WeeklyQuotaInput {
  /** The occurrences being requested. */
  candidates: Interval[];
  /** What the same contact already holds in the same room (excluding the candidates). */
  alreadyHeld: Interval[];
  quotaHours: number | null;
  tz: string;
}

const MS_PER_MINUTE = 60_000;

/**
 * One violation per ISO week (Monday 00:00 in the centre's zone) in which candidates plus
 * holdings exceed the quota. Only weeks a candidate touches are judged, so a week that is
 * already over the limit (e.g. booked by staff) does not block requests for other weeks.
 * Time is counted once where intervals overlap, and a booking across Sunday midnight counts
 * towards both weeks.
 */
export function checkWeeklyQuota(input: WeeklyQuotaInput): Violation[] {
  const { candidates, alreadyHeld, quotaHours, tz } = input;
  if (quotaHours === null) return [];

  const candidateWeeks = new Set<IsoDate>();
  for (const c of mergeIntervals(candidates)) {
    for (const piece of splitByWeek(c, tz)) candidateWeeks.add(piece.monday);
  }

  const minutesByWeek = new Map<IsoDate, number>();
  for (const held of mergeIntervals([...candidates, ...alreadyHeld])) {
    for (const piece of splitByWeek(held, tz)) {
      minutesByWeek.set(piece.monday, (minutesByWeek.get(piece.monday) ?? 0) + piece.minutes);
    }
  }

  const limitMinutes = quotaHours * 60;
  return [...candidateWeeks]
    .sort()
    .filter((monday) => (minutesByWeek.get(monday) ?? 0) > limitMinutes)
    .map((monday) => {
      const week = isoWeekOf(monday);
      const heldHours = formatHours((minutesByWeek.get(monday) ?? 0) / 60);
      return violation(
        'start',
        'over_weekly_quota',
        `must not exceed ${formatHours(quotaHours)} hours per week in this room; the week of ${monday} (${week.label}) would have ${heldHours} hours`,
      );
    });
}

function splitByWeek(i: Interval, tz: string): { monday: IsoDate; minutes: number }[] {
  const pieces: { monday: IsoDate; minutes: number }[] = [];
  let cursor = i.start.getTime();
  const end = i.end.getTime();
  while (cursor < end) {
    const monday = isoWeekOf(zonedDateOf(new Date(cursor), tz)).monday;
    const nextWeekStart = wallClockToInstant(addDays(monday, 7), '00:00', tz).getTime();
    const pieceEnd = Math.min(end, nextWeekStart);
    pieces.push({ monday, minutes: (pieceEnd - cursor) / MS_PER_MINUTE });
    cursor = pieceEnd;
  }
  return pieces;
}

function formatHours(h: number): string {
  return String(Math.round(h * 100) / 100);
}
