import fc from 'fast-check';
import { rrulestr } from 'rrule';
import { expandSchedule, toRRuleString } from '../../../src/core/schedule/expand-schedule';
import type { Schedule } from '../../../src/core/schedule/schedule';
import { instantToZonedIso, wallClockToInstant, zonedDateOf } from '../../../src/core/time/zoned';
import { showsWallTime } from '../time/wall-clock';
import { oracleDates, recurringSchedule } from './schedule-arbitrary';

const SHANGHAI = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';

const base = { startTime: '19:00', durationMinutes: 90 } as const;
const datesOf = (s: Schedule, tz = SHANGHAI) => expandSchedule(s, tz).map((o) => o.date);

describe('expandSchedule: weekly', () => {
  it('meets on every chosen weekday, in date order, with both ends included', () => {
    const s: Schedule = { ...base, frequency: 'weekly', weekdays: ['thu', 'tue'], startDate: '2026-09-01', endDate: '2026-09-29' };
    expect(datesOf(s)).toEqual([
      '2026-09-01', '2026-09-03', '2026-09-08', '2026-09-10', '2026-09-15',
      '2026-09-17', '2026-09-22', '2026-09-24', '2026-09-29',
    ]);
  });

  it('places 19:00 in Asia/Shanghai at 11:00 UTC and ends after the duration', () => {
    const s: Schedule = { ...base, frequency: 'weekly', weekdays: ['tue'], startDate: '2026-09-01', endDate: '2026-09-08' };
    expect(expandSchedule(s, SHANGHAI)).toEqual([
      { date: '2026-09-01', start: new Date('2026-09-01T11:00:00Z'), end: new Date('2026-09-01T12:30:00Z') },
      { date: '2026-09-08', start: new Date('2026-09-08T11:00:00Z'), end: new Date('2026-09-08T12:30:00Z') },
    ]);
  });

  it('does not start before startDate when startDate falls mid-week', () => {
    const s: Schedule = { ...base, frequency: 'weekly', weekdays: ['mon', 'fri'], startDate: '2026-09-02', endDate: '2026-09-08' };
    expect(datesOf(s)).toEqual(['2026-09-04', '2026-09-07']);
  });

  it('every 2 weeks counts weeks from the week of startDate', () => {
    const s: Schedule = { ...base, frequency: 'weekly', weekdays: ['tue'], interval: 2, startDate: '2026-09-01', endDate: '2026-10-31' };
    expect(datesOf(s)).toEqual(['2026-09-01', '2026-09-15', '2026-09-29', '2026-10-13', '2026-10-27']);
  });

  it('every 2 weeks from a Thursday keeps that week (Monday-based) as week one', () => {
    const s: Schedule = {
      ...base, frequency: 'weekly', weekdays: ['tue', 'thu'], interval: 2, startDate: '2026-09-03', endDate: '2026-10-02',
    };
    expect(datesOf(s)).toEqual(['2026-09-03', '2026-09-15', '2026-09-17', '2026-09-29', '2026-10-01']);
  });
});

describe('expandSchedule: daily and once', () => {
  it('daily meets on every date', () => {
    const s: Schedule = { ...base, frequency: 'daily', startDate: '2026-02-27', endDate: '2026-03-02' };
    expect(datesOf(s)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('once gives exactly one session', () => {
    const s: Schedule = { frequency: 'once', startDate: '2026-12-12', endDate: '2026-12-12', startTime: '14:00', durationMinutes: 90 };
    expect(expandSchedule(s, SHANGHAI)).toEqual([
      { date: '2026-12-12', start: new Date('2026-12-12T06:00:00Z'), end: new Date('2026-12-12T07:30:00Z') },
    ]);
  });

  it('once with its date as an exception gives nothing', () => {
    const s: Schedule = {
      frequency: 'once', startDate: '2026-12-12', endDate: '2026-12-12', startTime: '14:00', durationMinutes: 90, exceptions: ['2026-12-12'],
    };
    expect(expandSchedule(s, SHANGHAI)).toEqual([]);
  });
});

describe('expandSchedule: monthly', () => {
  it('on the 10th of every month', () => {
    const s: Schedule = { ...base, frequency: 'monthly', byMonthDay: 10, startDate: '2026-01-01', endDate: '2026-06-30' };
    expect(datesOf(s)).toEqual(['2026-01-10', '2026-02-10', '2026-03-10', '2026-04-10', '2026-05-10', '2026-06-10']);
  });

  it('on the 31st skips the months that have no 31st (no clamping to the 30th)', () => {
    const s: Schedule = { ...base, frequency: 'monthly', byMonthDay: 31, startDate: '2026-01-01', endDate: '2026-12-31' };
    expect(datesOf(s)).toEqual([
      '2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31',
    ]);
  });

  it('on the 29th meets in February of a leap year only', () => {
    const s: Schedule = { ...base, frequency: 'monthly', byMonthDay: 29, startDate: '2027-01-01', endDate: '2028-03-31' };
    expect(datesOf(s).filter((d) => d.slice(5, 7) === '02')).toEqual(['2028-02-29']);
  });

  it('on the second Saturday', () => {
    const s: Schedule = { ...base, frequency: 'monthly', byWeekday: 'sat', nth: 2, startDate: '2026-01-01', endDate: '2026-06-30' };
    expect(datesOf(s)).toEqual(['2026-01-10', '2026-02-14', '2026-03-14', '2026-04-11', '2026-05-09', '2026-06-13']);
  });

  it('on the last Friday', () => {
    const s: Schedule = { ...base, frequency: 'monthly', byWeekday: 'fri', nth: -1, startDate: '2026-01-01', endDate: '2026-07-31' };
    expect(datesOf(s)).toEqual([
      '2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29', '2026-06-26', '2026-07-31',
    ]);
  });

  it('leaves out a month whose occurrence is before startDate', () => {
    const s: Schedule = { ...base, frequency: 'monthly', byWeekday: 'sat', nth: 2, startDate: '2026-01-11', endDate: '2026-02-28' };
    expect(datesOf(s)).toEqual(['2026-02-14']);
  });
});

describe('expandSchedule: exceptions and extra dates', () => {
  const tuesdays: Schedule = {
    ...base, frequency: 'weekly', weekdays: ['tue'], startDate: '2026-09-01', endDate: '2026-09-29',
  };

  it('removes exceptions and adds extra dates in date order', () => {
    expect(datesOf({ ...tuesdays, exceptions: ['2026-09-15'], extraDates: ['2026-09-19'] })).toEqual([
      '2026-09-01', '2026-09-08', '2026-09-19', '2026-09-22', '2026-09-29',
    ]);
  });

  it('an exception on a date the rule does not produce changes nothing', () => {
    expect(datesOf({ ...tuesdays, exceptions: ['2026-09-16'] })).toEqual(datesOf(tuesdays));
  });

  it('an extra date that the rule already produces is not doubled', () => {
    expect(datesOf({ ...tuesdays, extraDates: ['2026-09-08'] })).toEqual(datesOf(tuesdays));
  });

  it('an exception wins over an extra date on the same day', () => {
    expect(datesOf({ ...tuesdays, exceptions: ['2026-09-19'], extraDates: ['2026-09-19'] })).toEqual(datesOf(tuesdays));
  });

  it('extra dates outside startDate..endDate are ignored', () => {
    expect(datesOf({ ...tuesdays, extraDates: ['2026-08-31', '2026-09-30'] })).toEqual(datesOf(tuesdays));
  });

  it('extra sessions get the same time of day', () => {
    const extra = expandSchedule({ ...tuesdays, extraDates: ['2026-09-19'] }, SHANGHAI).find((o) => o.date === '2026-09-19');
    expect(extra).toEqual({ date: '2026-09-19', start: new Date('2026-09-19T11:00:00Z'), end: new Date('2026-09-19T12:30:00Z') });
  });
});

describe('expandSchedule: time zones and daylight saving', () => {
  it('a weekly Sunday 19:00 class in Berlin stays 19:00 local across both 2026 changes', () => {
    const s: Schedule = { ...base, frequency: 'weekly', weekdays: ['sun'], startDate: '2026-03-22', endDate: '2026-11-01' };
    const sessions = expandSchedule(s, BERLIN);
    const at = (date: string) => sessions.find((o) => o.date === date)!;
    expect(at('2026-03-22').start).toEqual(new Date('2026-03-22T18:00:00Z')); // CET, UTC+1
    expect(at('2026-03-29').start).toEqual(new Date('2026-03-29T17:00:00Z')); // CEST from that morning
    expect(at('2026-10-18').start).toEqual(new Date('2026-10-18T17:00:00Z'));
    expect(at('2026-10-25').start).toEqual(new Date('2026-10-25T18:00:00Z')); // CET again
    expect(at('2026-11-01').start).toEqual(new Date('2026-11-01T18:00:00Z'));
    for (const o of sessions) {
      expect(instantToZonedIso(o.start, BERLIN).slice(11, 16)).toBe('19:00');
      expect(instantToZonedIso(o.end, BERLIN).slice(11, 16)).toBe('20:30');
    }
  });

  it('a weekly Tuesday 19:00 class in Berlin shifts by one hour in UTC around 2026-03-29 and 2026-10-25', () => {
    const s: Schedule = { ...base, frequency: 'weekly', weekdays: ['tue'], startDate: '2026-03-24', endDate: '2026-10-27' };
    const starts = new Map(expandSchedule(s, BERLIN).map((o) => [o.date, o.start.toISOString()]));
    expect(starts.get('2026-03-24')).toBe('2026-03-24T18:00:00.000Z');
    expect(starts.get('2026-03-31')).toBe('2026-03-31T17:00:00.000Z');
    expect(starts.get('2026-10-20')).toBe('2026-10-20T17:00:00.000Z');
    expect(starts.get('2026-10-27')).toBe('2026-10-27T18:00:00.000Z');
  });

  it('the same schedule in Asia/Shanghai (no daylight saving) is always 11:00 UTC', () => {
    const s: Schedule = { ...base, frequency: 'weekly', weekdays: ['sun'], startDate: '2026-03-01', endDate: '2026-11-29' };
    const sessions = expandSchedule(s, SHANGHAI);
    expect(sessions).toHaveLength(40);
    for (const o of sessions) expect(o.start.toISOString().slice(11)).toBe('11:00:00.000Z');
  });

  it('a start inside the spring-forward gap follows wallClockToInstant, and duration is elapsed time', () => {
    const s: Schedule = { frequency: 'daily', startDate: '2026-03-29', endDate: '2026-03-29', startTime: '02:30', durationMinutes: 60 };
    const [o] = expandSchedule(s, BERLIN);
    expect(o.start).toEqual(wallClockToInstant('2026-03-29', '02:30', BERLIN));
    expect(o.end.getTime() - o.start.getTime()).toBe(60 * 60_000);
  });

  it('a late session ends on the next local day', () => {
    const s: Schedule = { frequency: 'once', startDate: '2026-12-31', endDate: '2026-12-31', startTime: '22:00', durationMinutes: 180 };
    const [o] = expandSchedule(s, SHANGHAI);
    expect(instantToZonedIso(o.end, SHANGHAI)).toBe('2027-01-01T01:00:00+08:00');
    expect(o.date).toBe('2026-12-31');
  });

  it('a daily 07:00 class in Shanghai keeps its local date although it is the previous day in UTC', () => {
    const s: Schedule = { frequency: 'daily', startDate: '2026-05-01', endDate: '2026-05-02', startTime: '07:00', durationMinutes: 60 };
    expect(expandSchedule(s, SHANGHAI).map((o) => [o.date, o.start.toISOString()])).toEqual([
      ['2026-05-01', '2026-04-30T23:00:00.000Z'],
      ['2026-05-02', '2026-05-01T23:00:00.000Z'],
    ]);
  });
});

describe('expandSchedule: limits', () => {
  it('refuses (RangeError) a schedule with more than 500 sessions that skipped validation', () => {
    const s: Schedule = { ...base, frequency: 'daily', startDate: '2026-01-01', endDate: '2027-06-30' };
    expect(() => expandSchedule(s, SHANGHAI)).toThrow(RangeError);
  });

  it('accepts exactly 500 sessions', () => {
    const s: Schedule = { ...base, frequency: 'daily', startDate: '2026-01-01', endDate: '2027-05-15' };
    expect(expandSchedule(s, SHANGHAI)).toHaveLength(500);
  });
});

describe('expandSchedule: properties', () => {
  it('matches a date-by-date oracle, sorted and unique, at startTime local (or just after a DST gap), with and without DST', () => {
    fc.assert(
      fc.property(recurringSchedule, fc.constantFrom(SHANGHAI, BERLIN, LONDON, NEW_YORK), (s, tz) => {
        const sessions = expandSchedule(s, tz);
        expect(sessions.map((o) => o.date)).toEqual(oracleDates(s));
        for (const o of sessions) {
          expect(zonedDateOf(o.start, tz)).toBe(o.date);
          expect([o.date, instantToZonedIso(o.start, tz), showsWallTime(o.start, tz, s.startTime)]).toEqual([o.date, expect.any(String), true]);
          expect(o.end.getTime() - o.start.getTime()).toBe(s.durationMinutes * 60_000);
        }
        for (let i = 1; i < sessions.length; i++) {
          expect(sessions[i].start.getTime()).toBeGreaterThan(sessions[i - 1].start.getTime());
        }
      }),
      { numRuns: 300 }
    );
  });
});

describe('toRRuleString', () => {
  const common = { startDate: '2026-03-03', endDate: '2026-06-30', startTime: '19:00', durationMinutes: 90 } as const;

  it('weekly, with UTC UNTIL at the last possible start when given the zone', () => {
    expect(toRRuleString({ ...common, frequency: 'weekly', weekdays: ['tue'] }, SHANGHAI)).toBe(
      'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T110000Z'
    );
    expect(toRRuleString({ ...common, frequency: 'weekly', weekdays: ['tue'] }, BERLIN)).toBe(
      'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T170000Z'
    );
  });

  it('floating UNTIL without a zone', () => {
    expect(toRRuleString({ ...common, frequency: 'weekly', weekdays: ['tue', 'thu'] })).toBe(
      'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20260630T190000'
    );
  });

  it('every other week names INTERVAL and the Monday week start', () => {
    expect(toRRuleString({ ...common, frequency: 'weekly', weekdays: ['mon', 'wed'], interval: 2 }, SHANGHAI)).toBe(
      'FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=MO,WE;UNTIL=20260630T110000Z'
    );
  });

  it('daily, monthly by day, monthly by n-th weekday, once', () => {
    expect(toRRuleString({ ...common, frequency: 'daily' }, SHANGHAI)).toBe('FREQ=DAILY;UNTIL=20260630T110000Z');
    expect(toRRuleString({ ...common, frequency: 'monthly', byMonthDay: 10 }, SHANGHAI)).toBe(
      'FREQ=MONTHLY;BYMONTHDAY=10;UNTIL=20260630T110000Z'
    );
    expect(toRRuleString({ ...common, frequency: 'monthly', byWeekday: 'sat', nth: 2 }, SHANGHAI)).toBe(
      'FREQ=MONTHLY;BYDAY=2SA;UNTIL=20260630T110000Z'
    );
    expect(toRRuleString({ ...common, frequency: 'monthly', byWeekday: 'fri', nth: -1 }, SHANGHAI)).toBe(
      'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260630T110000Z'
    );
    expect(toRRuleString({ ...common, endDate: common.startDate, frequency: 'once' }, SHANGHAI)).toBe('FREQ=DAILY;COUNT=1');
  });

  it('read back by an RFC 5545 parser from the first session, it yields the rule dates', () => {
    const compact = (d: string) => d.replaceAll('-', '');
    fc.assert(
      fc.property(recurringSchedule, (withExtras) => {
        const { exceptions: _e, extraDates: _x, ...s } = withExtras;
        const expected = oracleDates(s as Schedule);
        fc.pre(expected.length > 0);
        const dtstart = `${compact(expected[0])}T${s.startTime.replace(':', '')}00`;
        const rule = rrulestr(`DTSTART:${dtstart}\nRRULE:${toRRuleString(s as Schedule)}`);
        expect(rule.all().map((d) => d.toISOString().slice(0, 10))).toEqual(expected);
      }),
      { numRuns: 200 }
    );
  });
});
