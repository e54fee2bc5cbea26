import type { Interval } from '../time/intervals';
import { addDays, daysBetween, isValidIsoDate, wallClockToInstant, zonedDateOf, zonedWallTimeOf, type IsoDate } from '../time/zoned';

/** A year of weekly meetings; longer series must be renewed rather than booked open-ended. */
export const MAX_SERIES_OCCURRENCES = 52;

/**
 * The first occurrence and its weekly repeats, at the same wall-clock start and end each week
 * (19:00–21:00 stays 19:00–21:00 local across a DST change, so the UTC instants shift), for
 * every week whose local start date is on or before `until`. The first occurrence is returned
 * as given; later ones are rebuilt from its 'HH:mm' wall times with wallClockToInstant's DST
 * policy. Empty when `until` is before the first date.
 *
 * Generation stops at MAX_SERIES_OCCURRENCES + 1 items: enough for the caller to see that
 * the series is too long (series_too_long), without letting a far-off `until` allocate years.
 */
export function expandWeeklySeries(first: Interval, until: IsoDate, tz: string): Interval[] {
  if (!isValidIsoDate(until)) throw new RangeError(`Invalid until date "${until}": expected YYYY-MM-DD`);
  const firstDate = zonedDateOf(first.start, tz);
  const startTime = zonedWallTimeOf(first.start, tz);
  const endTime = zonedWallTimeOf(first.end, tz);
  // An occurrence may end on a later local day (e.g. 22:00–00:00), which must repeat as well.
  const endDayOffset = daysBetween(firstDate, zonedDateOf(first.end, tz));

  const occurrences: Interval[] = [];
  for (let week = 0; occurrences.length <= MAX_SERIES_OCCURRENCES; week++) {
    const date = addDays(firstDate, 7 * week);
    if (date > until) break;
    occurrences.push(
      week === 0
        ? { start: new Date(first.start.getTime()), end: new Date(first.end.getTime()) }
        : {
            start: wallClockToInstant(date, startTime, tz),
            end: wallClockToInstant(addDays(date, endDayOffset), endTime, tz),
          },
    );
  }
  return occurrences;
}
