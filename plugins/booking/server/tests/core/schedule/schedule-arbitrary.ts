// Shared by the schedule tests: random valid schedules, and an oracle that decides
// membership date by date without rrule, to check the rrule-based expansion against.
import fc from 'fast-check';
import type { Schedule, Weekday } from '../../../src/core/schedule/schedule';
import { addDays, datesInRange, isoWeekdayOf, type IsoDate } from '../../../src/core/time/zoned';

export const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const daysInMonth = (date: IsoDate) => {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

const weekdayOf = (date: IsoDate): Weekday => DAYS[isoWeekdayOf(date) - 1];

/** Monday of the ISO week holding `date`. */
const mondayOf = (date: IsoDate) => addDays(date, 1 - isoWeekdayOf(date));

const weeksBetween = (a: IsoDate, b: IsoDate) =>
  Math.round((Date.parse(`${mondayOf(b)}T00:00:00Z`) - Date.parse(`${mondayOf(a)}T00:00:00Z`)) / (7 * 86_400_000));

/** Does the rule alone (no exceptions or extra dates) produce `date`? */
export function ruleMatches(s: Schedule, date: IsoDate): boolean {
  const day = Number(date.slice(8, 10));
  switch (s.frequency) {
    case 'once':
      return date === s.startDate;
    case 'daily':
      return true;
    case 'weekly':
      return s.weekdays.includes(weekdayOf(date)) && weeksBetween(s.startDate, date) % (s.interval ?? 1) === 0;
    case 'monthly':
      if ('byMonthDay' in s) return day === s.byMonthDay;
      if (weekdayOf(date) !== s.byWeekday) return false;
      return s.nth === -1 ? day + 7 > daysInMonth(date) : Math.ceil(day / 7) === s.nth;
  }
}

/** The dates a schedule should meet on, found by testing every date in the course. */
export function oracleDates(s: Schedule): IsoDate[] {
  const exceptions = new Set(s.exceptions ?? []);
  const extra = new Set(s.extraDates ?? []);
  return datesInRange(s.startDate, s.endDate).filter(
    (d) => !exceptions.has(d) && (ruleMatches(s, d) || extra.has(d))
  );
}

const recurrence = fc.oneof(
  fc.constant({ frequency: 'daily' as const }),
  fc.record({
    frequency: fc.constant('weekly' as const),
    weekdays: fc.subarray(DAYS, { minLength: 1 }),
    interval: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ frequency: fc.constant('monthly' as const), byMonthDay: fc.integer({ min: 1, max: 31 }) }),
  fc.record({
    frequency: fc.constant('monthly' as const),
    byWeekday: fc.constantFrom(...DAYS),
    nth: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, -1 as const),
  })
);

/**
 * Valid recurring schedules (before the occurrence-count check) between 2024 and 2029, starting
 * at any minute of the day and lasting up to a whole day: so across midnight, week ends and
 * daylight-saving changes (a start in a spring-forward gap, or twice in an autumn overlap).
 */
export const recurringSchedule: fc.Arbitrary<Schedule> = fc
  .record({
    startOffset: fc.integer({ min: 0, max: 5 * 365 }),
    span: fc.integer({ min: 0, max: 400 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    durationMinutes: fc.integer({ min: 1, max: 24 * 60 }),
    recurrence,
    exceptionOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 6 }),
    extraOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 6 }),
  })
  .map(({ startOffset, span, hour, minute, durationMinutes, recurrence, exceptionOffsets, extraOffsets }) => {
    const startDate = addDays('2024-01-01', startOffset);
    const inSpan = (offsets: number[]) => offsets.filter((o) => o <= span).map((o) => addDays(startDate, o));
    const exceptions = inSpan(exceptionOffsets);
    const extraDates = inSpan(extraOffsets).filter((d) => !exceptions.includes(d));
    const schedule = {
      startDate,
      endDate: addDays(startDate, span),
      startTime: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
      durationMinutes,
      ...(exceptions.length ? { exceptions: exceptions.sort() } : {}),
      ...(extraDates.length ? { extraDates: extraDates.sort() } : {}),
      ...recurrence,
    };
    if (schedule.frequency === 'weekly') {
      const { interval, weekdays } = schedule as { interval: number; weekdays: Weekday[] };
      if (interval === 1) delete (schedule as { interval?: number }).interval;
      (schedule as { weekdays: Weekday[] }).weekdays = DAYS.filter((d) => weekdays.includes(d));
    }
    return schedule as Schedule;
  });
