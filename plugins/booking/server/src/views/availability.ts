import type { DayAvailability } from '../core/availability/day-availability';
import { zonedInterval } from '../core/time/zoned-interval';

/** A day of a room as the public sees it: only times and kinds, never people. */
export const toPublicDay = (day: DayAvailability, tz: string) => ({
  date: day.date,
  open: day.open.map((i) => zonedInterval(i, tz)),
  busy: day.busy.map((b) => ({ ...zonedInterval(b, tz), kind: b.kind })),
  free: day.free.map((i) => zonedInterval(i, tz)),
});

export type PublicDay = ReturnType<typeof toPublicDay>;
