import { RRule, type Options, type Weekday as RRuleWeekday } from 'rrule';
import type { IsoDate } from '../time/zoned';
import type { Schedule, Weekday } from './schedule-shape';

/**
 * rrule is fed "floating" dates: a wall-clock calendar date carried in a Date's UTC
 * fields at midnight. UTC has no daylight saving, so stepping these by days or months
 * never drifts; the real instant is found afterwards, in the centre's zone.
 */
function isoDateToFloating(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function floatingToIsoDate(floating: Date): IsoDate {
  return floating.toISOString().slice(0, 10);
}

export const RRULE_WEEKDAY: Record<Weekday, RRuleWeekday> = {
  mon: RRule.MO,
  tue: RRule.TU,
  wed: RRule.WE,
  thu: RRule.TH,
  fri: RRule.FR,
  sat: RRule.SA,
  sun: RRule.SU,
};

/**
 * The rrule options of a recurring schedule in floating form (dates only, no TZID:
 * rrule's own zone handling is wrong around daylight-saving changes). Null for 'once'.
 */
export function floatingRRuleOptions(schedule: Schedule): Partial<Options> | null {
  const window = {
    dtstart: isoDateToFloating(schedule.startDate),
    // Same time of day as dtstart, so the end date itself is included.
    until: isoDateToFloating(schedule.endDate),
    wkst: RRule.MO,
  };
  switch (schedule.frequency) {
    case 'once':
      return null;
    case 'daily':
      return { ...window, freq: RRule.DAILY };
    case 'weekly':
      return {
        ...window,
        freq: RRule.WEEKLY,
        interval: schedule.interval ?? 1,
        byweekday: schedule.weekdays.map((d) => RRULE_WEEKDAY[d]),
      };
    case 'monthly':
      return 'byMonthDay' in schedule
        ? // RFC 5545 skips months without that day (no 31 February), it does not clamp.
          { ...window, freq: RRule.MONTHLY, bymonthday: schedule.byMonthDay }
        : { ...window, freq: RRule.MONTHLY, byweekday: RRULE_WEEKDAY[schedule.byWeekday].nth(schedule.nth) };
  }
}

/**
 * The dates a schedule meets on, sorted: the rule's dates between startDate and
 * endDate, plus extraDates, minus exceptions (an exception wins over an extra date).
 * Stops after `limit` dates, which bounds the work on unvalidated input.
 */
export function occurrenceDates(schedule: Schedule, limit: number): IsoDate[] {
  const options = floatingRRuleOptions(schedule);
  const ruleDates = options
    ? new RRule(options).all((_date, i) => i < limit).map(floatingToIsoDate)
    : [schedule.startDate];
  const exceptions = new Set(schedule.exceptions ?? []);
  const inCourse = (d: IsoDate) => d >= schedule.startDate && d <= schedule.endDate;
  const dates = new Set([...ruleDates, ...(schedule.extraDates ?? [])]);
  return [...dates]
    .filter((d) => inCourse(d) && !exceptions.has(d))
    .sort()
    .slice(0, limit);
}
