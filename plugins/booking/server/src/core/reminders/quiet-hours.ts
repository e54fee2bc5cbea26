import { tzOffset } from '@date-fns/tz';
import { addDays, minutesSinceLocalMidnight, wallClockToInstant, zonedDateOf, type WallTime } from '../time/zoned';

/**
 * Quiet hours are read on the centre's clock, as residents live them: from `from` (included) to
 * `to` (excluded), across midnight when `from` is later than `to` (21:00–08:00), and none at all
 * when the two are equal. On the day clocks change they follow the clock, not elapsed time: on a
 * spring-forward night they are an hour shorter, on a fall-back night an hour longer.
 */
export interface QuietHours {
  from: WallTime;
  to: WallTime;
}

const minutesOf = (time: WallTime): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export function isInQuietHours(t: Date, quiet: QuietHours, tz: string): boolean {
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  const m = minutesSinceLocalMidnight(t, tz);
  return from < to ? m >= from && m < to : m >= from || m < to;
}

/**
 * The first instant after `t` at which the quiet hours `t` falls in are over (the clock reads
 * `to`); only meaningful for a `t` inside quiet hours. A `to` the clocks skip over ends them at
 * the jump. Inside a repeated hour, `to` may already have been read once before `t`: then they end
 * when it is read again.
 */
export function quietHoursEnd(t: Date, quiet: QuietHours, tz: string): Date {
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const date = zonedDateOf(t, tz);
  const endsNextDay = from > to && minutesSinceLocalMidnight(t, tz) >= from;
  const end = wallClockToInstant(endsNextDay ? addDays(date, 1) : date, quiet.to, tz);
  if (end.getTime() > t.getTime()) return end;
  const repeatedMinutes = tzOffset(tz, end) - tzOffset(tz, t);
  return new Date(end.getTime() + repeatedMinutes * 60_000);
}
