import fc from 'fast-check';
import { floatingRRuleOptions, occurrenceDates } from '../../../src/core/schedule/occurrence-dates';
import type { Schedule } from '../../../src/core/schedule/schedule';
import { oracleDates, recurringSchedule } from './schedule-arbitrary';

const common = { startTime: '19:00', durationMinutes: 60 } as const;

describe('occurrenceDates', () => {
  it('stops at the limit, keeping the earliest dates', () => {
    const daily: Schedule = { ...common, frequency: 'daily', startDate: '2026-01-01', endDate: '2027-12-31' };
    expect(occurrenceDates(daily, 3)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(occurrenceDates(daily, 501)).toHaveLength(501);
  });

  it('with extra dates the limit still keeps the earliest', () => {
    const s: Schedule = { ...common, frequency: 'weekly', weekdays: ['tue'], startDate: '2026-09-01', endDate: '2026-09-30', extraDates: ['2026-09-02'] };
    expect(occurrenceDates(s, 2)).toEqual(['2026-09-01', '2026-09-02']);
  });

  it('a one-off schedule is its start date', () => {
    const once: Schedule = { ...common, frequency: 'once', startDate: '2026-12-12', endDate: '2026-12-12' };
    expect(occurrenceDates(once, 10)).toEqual(['2026-12-12']);
    expect(floatingRRuleOptions(once)).toBeNull();
  });

  it('feeds rrule floating dates: midnight UTC of the wall-clock dates, no TZID', () => {
    const s: Schedule = { ...common, frequency: 'weekly', weekdays: ['tue'], startDate: '2026-09-01', endDate: '2026-09-30' };
    const options = floatingRRuleOptions(s)!;
    expect(options.dtstart).toEqual(new Date('2026-09-01T00:00:00Z'));
    expect(options.until).toEqual(new Date('2026-09-30T00:00:00Z'));
    expect(options.tzid).toBeUndefined();
  });

  it('agrees with the date-by-date oracle', () => {
    fc.assert(
      fc.property(recurringSchedule, (s) => {
        expect(occurrenceDates(s, 1000)).toEqual(oracleDates(s));
      }),
      { numRuns: 300 }
    );
  });
});
