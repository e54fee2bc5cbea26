import type { Weekday } from '../hours/opening-hours';
import type { IsoDate, WallTime } from '../time/zoned';

/*
 * The shape of a schedule, apart from its checks (schedule.ts) and its dates (occurrence-dates.ts),
 * which both need it: kept here so neither imports the other.
 */

export type { Weekday };

export type NthWeekday = 1 | 2 | 3 | 4 | -1;

export type Recurrence =
  | { frequency: 'once' }
  | { frequency: 'daily' }
  | { frequency: 'weekly'; weekdays: Weekday[]; interval?: number }
  | { frequency: 'monthly'; byMonthDay: number }
  | { frequency: 'monthly'; byWeekday: Weekday; nth: NthWeekday };

/**
 * When a course meets, in the centre's wall-clock time. The instants follow from the
 * centre's time zone (see expandSchedule), so a 19:00 class stays 19:00 across
 * daylight-saving changes.
 */
export type Schedule = {
  startDate: IsoDate;
  endDate: IsoDate;
  startTime: WallTime;
  durationMinutes: number;
  /** Dates the rule would produce on which the course does not meet (holidays). */
  exceptions?: IsoDate[];
  /** Dates outside the rule on which the course meets as well (make-up sessions). */
  extraDates?: IsoDate[];
} & Recurrence;
