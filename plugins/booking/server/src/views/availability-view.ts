import type { DayAvailability } from '../core/availability/day-availability';
import type { Interval } from '../core/time/intervals';
import { instantToZonedIso } from '../core/time/zoned';

/** Times leave the API in the centre's zone with its offset; only times and kinds, never people. */
export const zonedInterval = (i: Interval, tz: string) => ({ start: instantToZonedIso(i.start, tz), end: instantToZonedIso(i.end, tz) });

export const toPublicDay = (day: DayAvailability, tz: string) => ({
  date: day.date,
  open: day.open.map((i) => zonedInterval(i, tz)),
  busy: day.busy.map((b) => ({ ...zonedInterval(b, tz), kind: b.kind })),
  free: day.free.map((i) => zonedInterval(i, tz)),
});
