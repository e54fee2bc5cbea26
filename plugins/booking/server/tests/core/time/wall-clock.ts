import { zonedWallTimeOf } from '../../../src/core/time/zoned';

/**
 * Whether `instant` shows `time` ('HH:mm') on the zone's clock, or `time` did not exist that day
 * (a spring-forward gap) and `instant` is the first minute after the gap: the policy of
 * wallClockToInstant. For properties whose start times fall anywhere in the day.
 */
export const showsWallTime = (instant: Date, tz: string, time: string): boolean => {
  const read = zonedWallTimeOf(instant, tz);
  if (read === time) return true;
  const minuteBefore = zonedWallTimeOf(new Date(instant.getTime() - 60_000), tz);
  return minuteBefore < time && time < read;
};
