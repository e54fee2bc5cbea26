import { z } from 'zod';
import { WEEKDAYS, type Weekday } from '../hours/opening-hours';
import { addDays, isValidIsoDate, isValidWallTime, type IsoDate, type WallTime } from '../time/zoned';
import { occurrenceDates } from './occurrence-dates';
import type { NthWeekday, Recurrence, Schedule } from './schedule-shape';

export { WEEKDAYS, type Weekday };
export type { NthWeekday, Recurrence, Schedule };

/** Keeps a typo such as a daily course over ten years from flooding the calendar. */
export const MAX_OCCURRENCES = 500;

/** Two years, counting one leap day. */
export const MAX_SPAN_DAYS = 731;

export const MAX_DURATION_MINUTES = 24 * 60;

export const MAX_WEEKLY_INTERVAL = 52;

const isoDate = (field: string) =>
  z.string({ error: `${field} must be a date written YYYY-MM-DD` }).refine(isValidIsoDate, {
    message: `${field} must be a real calendar date written YYYY-MM-DD, e.g. 2026-09-01`,
  });

const weekday = (field: string) =>
  z.enum(WEEKDAYS as [Weekday, ...Weekday[]], {
    error: `${field} must be one of ${WEEKDAYS.join(', ')}`,
  });

const integer = (field: string, min: number, max: number, what: string) =>
  z
    .number({ error: `${field} must be a number` })
    .int({ message: `${field} must be a whole number` })
    .min(min, { message: `${field} must be at least ${min} (${what})` })
    .max(max, { message: `${field} must be at most ${max} (${what})` });

// One flat object, then cross-field checks: a plain z.union would answer a wrong
// field with "invalid input" instead of naming it.
const scheduleFields = z.object({
  frequency: z.enum(['once', 'daily', 'weekly', 'monthly'], {
    error: 'frequency must be one of once, daily, weekly, monthly',
  }),
  startDate: isoDate('startDate'),
  endDate: isoDate('endDate'),
  startTime: z
    .string({ error: 'startTime must be a time of day written HH:mm' })
    // '24:00' is a valid WallTime (an end of day) but not a time a session can start.
    .refine((t) => isValidWallTime(t) && t !== '24:00', {
      message: 'startTime must be a time of day from 00:00 to 23:59 written HH:mm, e.g. 19:00',
    }),
  durationMinutes: z
    .number({ error: 'durationMinutes must be a number' })
    .int({ message: 'durationMinutes must be a whole number of minutes' })
    .positive({ message: 'durationMinutes must be more than 0' })
    .max(MAX_DURATION_MINUTES, { message: `durationMinutes must be at most ${MAX_DURATION_MINUTES} (24 hours)` }),
  exceptions: z.array(isoDate('exceptions'), { error: 'exceptions must be a list of dates' }).optional(),
  extraDates: z.array(isoDate('extraDates'), { error: 'extraDates must be a list of dates' }).optional(),
  weekdays: z.array(weekday('weekdays'), { error: 'weekdays must be a list of weekdays' }).optional(),
  interval: integer('interval', 1, MAX_WEEKLY_INTERVAL, 'weeks between sessions').optional(),
  byMonthDay: integer('byMonthDay', 1, 31, 'day of the month').optional(),
  byWeekday: weekday('byWeekday').optional(),
  nth: z
    .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)], {
      error: 'nth must be 1, 2, 3, 4 or -1 (the last one in the month)',
    })
    .optional(),
});

type ScheduleFields = z.infer<typeof scheduleFields>;

const FIELDS_OF: Record<ScheduleFields['frequency'], (keyof ScheduleFields)[]> = {
  once: [],
  daily: [],
  weekly: ['weekdays', 'interval'],
  monthly: ['byMonthDay', 'byWeekday', 'nth'],
};
const RULE_FIELDS = ['weekdays', 'interval', 'byMonthDay', 'byWeekday', 'nth'] as const;

function toSchedule(f: ScheduleFields): Schedule {
  const common = {
    startDate: f.startDate,
    endDate: f.endDate,
    startTime: f.startTime,
    durationMinutes: f.durationMinutes,
    ...(f.exceptions?.length ? { exceptions: [...new Set(f.exceptions)].sort() } : {}),
    ...(f.extraDates?.length ? { extraDates: [...new Set(f.extraDates)].sort() } : {}),
  };
  switch (f.frequency) {
    case 'once':
      return { ...common, frequency: 'once' };
    case 'daily':
      return { ...common, frequency: 'daily' };
    case 'weekly': {
      const weekdays = WEEKDAYS.filter((d) => f.weekdays?.includes(d));
      return f.interval !== undefined && f.interval !== 1
        ? { ...common, frequency: 'weekly', weekdays, interval: f.interval }
        : { ...common, frequency: 'weekly', weekdays };
    }
    case 'monthly':
      return f.byMonthDay !== undefined
        ? { ...common, frequency: 'monthly', byMonthDay: f.byMonthDay }
        : { ...common, frequency: 'monthly', byWeekday: f.byWeekday!, nth: f.nth! };
  }
}

function checkSchedule(f: ScheduleFields, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  let broken = false;
  const fail = (path: string, message: string) => {
    broken = true;
    issue(path, message);
  };

  if (f.endDate < f.startDate) {
    fail('endDate', `endDate (${f.endDate}) is before startDate (${f.startDate})`);
  } else if (f.endDate > addDays(f.startDate, MAX_SPAN_DAYS)) {
    fail('endDate', `endDate (${f.endDate}) is more than 2 years after startDate (${f.startDate}); split the course into terms`);
  }
  if (f.frequency === 'once' && f.endDate !== f.startDate) {
    fail('endDate', `endDate (${f.endDate}) must equal startDate (${f.startDate}) for a one-off session`);
  }

  for (const field of RULE_FIELDS) {
    if (f[field] !== undefined && !FIELDS_OF[f.frequency].includes(field)) {
      fail(field, `${field} does not apply to a ${f.frequency} schedule; remove it`);
    }
  }
  if (f.frequency === 'weekly' && !f.weekdays?.length) {
    fail('weekdays', 'weekdays must name at least one day for a weekly schedule');
  }
  if (f.frequency === 'monthly') {
    const byDay = f.byMonthDay !== undefined;
    const byWeekday = f.byWeekday !== undefined || f.nth !== undefined;
    if (byDay && byWeekday) {
      fail('byMonthDay', 'a monthly schedule takes either byMonthDay, or byWeekday with nth, not both');
    } else if (!byDay && !byWeekday) {
      fail('byMonthDay', 'a monthly schedule needs byMonthDay (e.g. 10), or byWeekday with nth (e.g. sat and 2)');
    } else if (byWeekday && f.byWeekday === undefined) {
      fail('byWeekday', 'byWeekday is needed with nth (e.g. sat for "the 2nd Saturday")');
    } else if (byWeekday && f.nth === undefined) {
      fail('nth', 'nth is needed with byWeekday: 1, 2, 3, 4, or -1 for the last one in the month');
    }
  }

  const inRange = (d: string) => d >= f.startDate && d <= f.endDate;
  for (const field of ['exceptions', 'extraDates'] as const) {
    f[field]?.forEach((d, i) => {
      if (!inRange(d)) {
        broken = true;
        ctx.addIssue({
          code: 'custom',
          path: [field, i],
          message: `${field} date ${d} is outside the course, ${f.startDate} to ${f.endDate}`,
        });
      }
    });
  }
  const exceptions = new Set(f.exceptions ?? []);
  f.extraDates?.forEach((d, i) => {
    if (exceptions.has(d)) {
      broken = true;
      ctx.addIssue({
        code: 'custom',
        path: ['extraDates', i],
        message: `extraDates date ${d} is also listed in exceptions; keep it in one list only`,
      });
    }
  });

  if (broken) return;
  // One more than the limit is enough to know it is too many, and bounds the work.
  const count = occurrenceDates(toSchedule(f), MAX_OCCURRENCES + 1).length;
  if (count === 0) {
    issue('startDate', `the schedule has no session between startDate (${f.startDate}) and endDate (${f.endDate})`);
  } else if (count > MAX_OCCURRENCES) {
    issue('endDate', `the schedule has more than ${MAX_OCCURRENCES} sessions; shorten it or split it into terms`);
  }
}

/**
 * Validates untrusted input into a Schedule. Fields that belong to another frequency
 * (weekdays on a monthly schedule, say) are refused rather than ignored, so a form
 * that switched frequency cannot leave a stale rule behind. Unknown keys are stripped.
 */
export const scheduleSchema = scheduleFields
  // Cross-field checks need every field well-formed; zod would otherwise run them anyway.
  .superRefine(checkSchedule, { when: (payload) => payload.issues.length === 0 })
  .transform(toSchedule);
