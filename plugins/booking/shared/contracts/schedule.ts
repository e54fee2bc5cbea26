/**
 * A course's or event's schedule as stored in its JSON field, in the centre's wall-clock time: the
 * server checks and expands it (server/src/core/schedule/), the admin panel edits it as a form.
 * Self-contained, so the admin panel can import it without the server's code.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A calendar date, YYYY-MM-DD. */
type IsoDate = string;
/** A wall-clock time, HH:mm. */
type WallTime = string;

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

/** A schedule being edited: any field may still be missing. */
export interface ScheduleDraft {
  frequency?: Recurrence['frequency'];
  startDate?: IsoDate;
  endDate?: IsoDate;
  startTime?: WallTime;
  durationMinutes?: number;
  weekdays?: Weekday[];
  interval?: number;
  byMonthDay?: number;
  byWeekday?: Weekday;
  nth?: NthWeekday;
  exceptions?: IsoDate[];
  extraDates?: IsoDate[];
}
