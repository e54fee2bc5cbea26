import { openIntervalsOn, type WeeklyHours } from '../hours/opening-hours';
import type { Hold } from '../reservations/conflicts';
import { clipInterval, padInterval, subtractIntervals, type Interval } from '../time/intervals';
import { datesInRange, dayBounds, type IsoDate } from '../time/zoned';

export interface BusyPeriod {
  start: Date;
  end: Date;
  kind: Hold['kind'] | 'buffer';
}

export interface DayAvailability {
  date: IsoDate;
  /** Opening periods of the day, merged and sorted. */
  open: Interval[];
  /** Holds and closures clipped to the day, plus turnaround buffers; sorted by start, then end. Entries may overlap each other. */
  busy: BusyPeriod[];
  /** Open time that is neither held nor a buffer: exactly the bookable time, merged and sorted. */
  free: Interval[];
}

interface AvailabilityContext {
  tz: string;
  hours: WeeklyHours;
  closures: Interval[];
  holds: Hold[];
  bufferMinutes: number;
}

export type DayAvailabilityInput = AvailabilityContext & { date: IsoDate };
export type RangeAvailabilityInput = AvailabilityContext & { from: IsoDate; to: IsoDate };

/**
 * What a day looks like for a room. Buffers surround holds only (not closures), matching
 * findConflicts: any interval inside `free` passes findConflicts against the same holds and
 * buffer. Holds from neighbouring days should be passed too, since their buffers can reach
 * into this day. Busy entries are not limited to opening hours (a course may run late).
 */
export function dayAvailability(input: DayAvailabilityInput): DayAvailability {
  const { date, tz, hours, closures, holds, bufferMinutes } = input;
  const day = dayBounds(date, tz);
  const open = openIntervalsOn(date, hours, tz);

  const occupied: BusyPeriod[] = [
    ...holds.map((h) => ({ start: h.start, end: h.end, kind: h.kind })),
    ...closures.map((c) => ({ start: c.start, end: c.end, kind: 'closure' as const })),
  ].flatMap((b) => {
    const clipped = clipInterval(b, day);
    return clipped ? [{ ...clipped, kind: b.kind }] : [];
  });

  // An empty hold clashes with nothing in findConflicts, so it gets no buffer either.
  const realHolds = holds.filter((h) => h.start.getTime() < h.end.getTime());
  const bufferZones =
    bufferMinutes > 0 ? subtractIntervals(realHolds.map((h) => padInterval(h, bufferMinutes)), [...realHolds, ...closures]) : [];
  const buffers: BusyPeriod[] = bufferZones.flatMap((zone) => {
    const clipped = clipInterval(zone, day);
    return clipped ? [{ ...clipped, kind: 'buffer' as const }] : [];
  });

  const busy = [...occupied, ...buffers].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime(),
  );
  const free = subtractIntervals(open, busy);
  return { date, open, busy, free };
}

/** dayAvailability for every date from `from` to `to`, both included. */
export function rangeAvailability(input: RangeAvailabilityInput): DayAvailability[] {
  const { from, to, ...context } = input;
  return datesInRange(from, to).map((date) => dayAvailability({ ...context, date }));
}
