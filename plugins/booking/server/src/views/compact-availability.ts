import type { BusyPeriod, DayAvailability } from '../core/availability/day-availability';
import type { Interval } from '../core/time/intervals';
import { datesInRange, dayBounds, instantToZonedIso, type IsoDate } from '../core/time/zoned';

/**
 * Every room's availability in few bytes, nothing left out: two hundred rooms for a week in the
 * full form (`toPublicDay`) are near a megabyte, mostly the same ISO strings again and again.
 *
 * A time is a number of minutes after the start of its day (`meta.days[i].start`, in the centre's
 * zone with its offset); minutes elapsed, not wall-clock minutes, so DST days stay unambiguous.
 * `open` and `free` are flat [start, end, start, end, …]; `busy` is flat [start, end, kind, …]
 * with `kind` an index into `meta.kinds`, in the full form's order. The site's
 * `lib/room-availability.ts` turns it back into the full form.
 */
export const BUSY_KINDS: ReadonlyArray<BusyPeriod['kind']> = ['reservation', 'course', 'event', 'closure', 'buffer'];

export interface CompactDay {
  open: number[];
  busy: number[];
  free: number[];
}

export interface CompactMeta {
  timezone: string;
  kinds: ReadonlyArray<BusyPeriod['kind']>;
  days: Array<{ date: IsoDate; start: string }>;
}

const MINUTE = 60_000;

export const compactDay = (day: DayAvailability, dayStart: Date): CompactDay => {
  const at = (d: Date) => (d.getTime() - dayStart.getTime()) / MINUTE;
  const flat = (list: Interval[]) => list.flatMap((i) => [at(i.start), at(i.end)]);
  return { open: flat(day.open), busy: day.busy.flatMap((b) => [at(b.start), at(b.end), BUSY_KINDS.indexOf(b.kind)]), free: flat(day.free) };
};

/** The days of `from`..`to`, each with the instant it starts in `tz`: what compact days count from. */
export const compactMeta = (from: IsoDate, to: IsoDate, tz: string): CompactMeta => ({
  timezone: tz,
  kinds: BUSY_KINDS,
  days: datesInRange(from, to).map((date) => ({ date, start: instantToZonedIso(dayBounds(date, tz).start, tz) })),
});

/** A room's days (those of `compactMeta(from, to)`, in order) in the compact form. */
export const compactDays = (days: DayAvailability[], tz: string): CompactDay[] => days.map((d) => compactDay(d, dayBounds(d.date, tz).start));
