import type { Interval } from './intervals';
import { instantToZonedIso } from './zoned';

/** How an interval leaves the API: both ends in the centre's zone, with its offset. */
export interface ZonedInterval {
  start: string;
  end: string;
}

export const zonedInterval = (i: Interval, tz: string): ZonedInterval => ({ start: instantToZonedIso(i.start, tz), end: instantToZonedIso(i.end, tz) });
