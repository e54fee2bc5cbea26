import fc from 'fast-check';
import { MAX_OCCURRENCES, scheduleSchema, type Schedule } from '../../../src/core/schedule/schedule';
import { oracleDates, recurringSchedule } from './schedule-arbitrary';

const valid = {
  frequency: 'weekly',
  weekdays: ['tue'],
  startDate: '2026-09-01',
  endDate: '2026-12-29',
  startTime: '19:00',
  durationMinutes: 90,
};

/** The issues as "path: message", to assert that each names the field and the reason. */
function issuesOf(input: unknown): string[] {
  const result = scheduleSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('scheduleSchema: accepts', () => {
  it('a weekly schedule, weekdays put in Monday-first order and duplicates dropped', () => {
    expect(scheduleSchema.parse({ ...valid, weekdays: ['thu', 'tue', 'thu'] })).toEqual({
      ...valid,
      frequency: 'weekly',
      weekdays: ['tue', 'thu'],
    });
  });

  it('interval 1 is the same as no interval', () => {
    expect(scheduleSchema.parse({ ...valid, interval: 1 })).toEqual(valid);
    expect(scheduleSchema.parse({ ...valid, interval: 2 })).toEqual({ ...valid, interval: 2 });
  });

  it('every shape of the union', () => {
    const common = { startDate: '2026-01-01', endDate: '2026-06-30', startTime: '09:00', durationMinutes: 150 };
    const shapes: Schedule[] = [
      { ...common, frequency: 'daily' },
      { ...common, frequency: 'monthly', byMonthDay: 10 },
      { ...common, frequency: 'monthly', byWeekday: 'sat', nth: 2 },
      { ...common, frequency: 'monthly', byWeekday: 'fri', nth: -1 },
      { ...common, endDate: '2026-01-01', frequency: 'once' },
    ];
    for (const s of shapes) expect(scheduleSchema.parse(s)).toEqual(s);
  });

  it('exceptions and extra dates, sorted and de-duplicated; empty lists dropped', () => {
    expect(
      scheduleSchema.parse({ ...valid, exceptions: ['2026-10-06', '2026-09-29', '2026-10-06'], extraDates: ['2026-10-10'] })
    ).toEqual({ ...valid, exceptions: ['2026-09-29', '2026-10-06'], extraDates: ['2026-10-10'] });
    expect(scheduleSchema.parse({ ...valid, exceptions: [], extraDates: [] })).toEqual(valid);
  });

  it('strips unknown keys', () => {
    expect(scheduleSchema.parse({ ...valid, colour: 'red' })).toEqual(valid);
  });

  it('a duration of exactly 24 hours, a start at 00:00 and at 23:59', () => {
    expect(scheduleSchema.safeParse({ ...valid, durationMinutes: 1440 }).success).toBe(true);
    expect(scheduleSchema.safeParse({ ...valid, startTime: '00:00' }).success).toBe(true);
    expect(scheduleSchema.safeParse({ ...valid, startTime: '23:59' }).success).toBe(true);
  });

  it('exactly MAX_OCCURRENCES sessions, and a span of 731 days', () => {
    expect(MAX_OCCURRENCES).toBe(500);
    const daily = { frequency: 'daily', startDate: '2026-01-01', endDate: '2027-05-15', startTime: '09:00', durationMinutes: 60 };
    expect(scheduleSchema.safeParse(daily).success).toBe(true);
    expect(scheduleSchema.safeParse({ ...valid, startDate: '2026-01-01', endDate: '2028-01-02' }).success).toBe(true);
  });

  it('every generated schedule, unchanged, unless it has no session at all', () => {
    fc.assert(
      fc.property(recurringSchedule, (s) => {
        const result = scheduleSchema.safeParse(s);
        if (oracleDates(s).length > 0) expect(result).toEqual({ success: true, data: s });
        else expect(result.error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^the schedule has no session/)]);
      }),
      { numRuns: 200 }
    );
  });
});

describe('scheduleSchema: refuses, naming the field and the reason', () => {
  it.each([
    ['endDate before startDate', { endDate: '2026-08-31' }, 'endDate: endDate (2026-08-31) is before startDate (2026-09-01)'],
    ['a span over 2 years', { startDate: '2026-01-01', endDate: '2028-01-03' }, 'endDate: endDate (2028-01-03) is more than 2 years after startDate'],
    ['no weekdays', { weekdays: [] }, 'weekdays: weekdays must name at least one day'],
    ['missing weekdays', { weekdays: undefined }, 'weekdays: weekdays must name at least one day'],
    ['an unknown weekday', { weekdays: ['tuesday'] }, 'weekdays.0: weekdays must be one of mon, tue'],
    ['a duration of 0', { durationMinutes: 0 }, 'durationMinutes: durationMinutes must be more than 0'],
    ['a negative duration', { durationMinutes: -30 }, 'durationMinutes: durationMinutes must be more than 0'],
    ['a duration over 24 hours', { durationMinutes: 1441 }, 'durationMinutes: durationMinutes must be at most 1440 (24 hours)'],
    ['a fractional duration', { durationMinutes: 90.5 }, 'durationMinutes: durationMinutes must be a whole number'],
    ['a duration as text', { durationMinutes: '90' }, 'durationMinutes: durationMinutes must be a number'],
    ['an impossible date', { startDate: '2026-02-30' }, 'startDate: startDate must be a real calendar date'],
    ['a date in another format', { endDate: '30/12/2026' }, 'endDate: endDate must be a real calendar date'],
    ['a missing startDate', { startDate: undefined }, 'startDate: startDate must be a date written YYYY-MM-DD'],
    ['a start time of 24:00', { startTime: '24:00' }, 'startTime: startTime must be a time of day from 00:00 to 23:59'],
    ['a start time without leading zero', { startTime: '9:00' }, 'startTime: startTime must be a time of day'],
    ['an unknown frequency', { frequency: 'yearly' }, 'frequency: frequency must be one of once, daily, weekly, monthly'],
    ['an interval of 0', { interval: 0 }, 'interval: interval must be at least 1'],
    ['an interval over 52', { interval: 53 }, 'interval: interval must be at most 52'],
    ['an exception outside the course', { exceptions: ['2027-01-05'] }, 'exceptions.0: exceptions date 2027-01-05 is outside the course, 2026-09-01 to 2026-12-29'],
    ['an extra date before the course', { extraDates: ['2026-08-30'] }, 'extraDates.0: extraDates date 2026-08-30 is outside the course'],
    ['a date both excepted and extra', { exceptions: ['2026-09-05'], extraDates: ['2026-09-05'] }, 'extraDates.0: extraDates date 2026-09-05 is also listed in exceptions'],
    ['a rule field of another frequency', { byMonthDay: 10 }, 'byMonthDay: byMonthDay does not apply to a weekly schedule'],
  ])('%s', (_name, change, expected) => {
    const issues = issuesOf({ ...valid, ...change });
    expect(issues.some((i) => i.startsWith(expected))).toBe(true);
  });

  it('a one-off session whose endDate differs from its startDate', () => {
    expect(issuesOf({ frequency: 'once', startDate: '2026-12-12', endDate: '2026-12-13', startTime: '14:00', durationMinutes: 90 })).toContain(
      'endDate: endDate (2026-12-13) must equal startDate (2026-12-12) for a one-off session'
    );
  });

  it('weekdays on a daily schedule', () => {
    expect(issuesOf({ ...valid, frequency: 'daily' })).toContain('weekdays: weekdays does not apply to a daily schedule; remove it');
  });

  describe('monthly', () => {
    const monthly = { frequency: 'monthly', startDate: '2026-01-01', endDate: '2026-06-30', startTime: '09:00', durationMinutes: 60 };
    it.each([
      ['neither form', {}, 'byMonthDay: a monthly schedule needs byMonthDay'],
      ['both forms', { byMonthDay: 10, byWeekday: 'sat', nth: 2 }, 'byMonthDay: a monthly schedule takes either byMonthDay, or byWeekday with nth, not both'],
      ['byWeekday without nth', { byWeekday: 'sat' }, 'nth: nth is needed with byWeekday'],
      ['nth without byWeekday', { nth: 2 }, 'byWeekday: byWeekday is needed with nth'],
      ['nth of 5', { byWeekday: 'sat', nth: 5 }, 'nth: nth must be 1, 2, 3, 4 or -1'],
      ['day 0', { byMonthDay: 0 }, 'byMonthDay: byMonthDay must be at least 1'],
      ['day 32', { byMonthDay: 32 }, 'byMonthDay: byMonthDay must be at most 31'],
      ['weekdays', { byMonthDay: 10, weekdays: ['mon'] }, 'weekdays: weekdays does not apply to a monthly schedule'],
    ])('%s', (_name, change, expected) => {
      expect(issuesOf({ ...monthly, ...change }).some((i) => i.startsWith(expected))).toBe(true);
    });
  });

  it('a schedule without any session', () => {
    const feb31 = { frequency: 'monthly', byMonthDay: 31, startDate: '2026-02-01', endDate: '2026-02-28', startTime: '09:00', durationMinutes: 60 };
    expect(issuesOf(feb31)).toEqual([
      'startDate: the schedule has no session between startDate (2026-02-01) and endDate (2026-02-28)',
    ]);
    const allExcepted = { ...valid, endDate: '2026-09-08', exceptions: ['2026-09-01', '2026-09-08'] };
    expect(issuesOf(allExcepted)[0]).toMatch(/^startDate: the schedule has no session/);
  });

  it('more than MAX_OCCURRENCES sessions', () => {
    const daily = { frequency: 'daily', startDate: '2026-01-01', endDate: '2027-05-16', startTime: '09:00', durationMinutes: 60 };
    expect(issuesOf(daily)).toEqual([
      'endDate: the schedule has more than 500 sessions; shorten it or split it into terms',
    ]);
  });

  it('something that is not an object', () => {
    expect(scheduleSchema.safeParse('every tuesday').success).toBe(false);
    expect(scheduleSchema.safeParse(null).success).toBe(false);
  });
});
