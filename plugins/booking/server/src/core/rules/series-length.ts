import { MAX_SERIES_OCCURRENCES } from '../reservations/weekly-series';
import { violation, type Violation } from './violations';

/** Turns the length of an expanded weekly series into the series_too_long violation, if any. */
export function checkSeriesLength(occurrenceCount: number): Violation[] {
  if (occurrenceCount <= MAX_SERIES_OCCURRENCES) return [];
  return [
    violation('repeat.until', 'series_too_long', `must allow at most ${MAX_SERIES_OCCURRENCES} weekly occurrences; choose an earlier end date`),
  ];
}
