import fc from 'fast-check';
import {
  DEFAULT_CENTRE_HOURS,
  WEEKDAYS,
  isWithinOpeningHours,
  openIntervalsOn,
  weeklyHoursSchema,
  type WeeklyHours,
} from '../../../src/core/hours/opening-hours';
import { mergeIntervals, type Interval } from '../../../src/core/time/intervals';
import { addDays, datesInRange, wallClockToInstant, zonedDateOf } from '../../../src/core/time/zoned';

const SHANGHAI = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const HOUR = 3_600_000;
const iv = (start: string, end: string): Interval => ({ start: new Date(start), end: new Date(end) });
const isoPairs = (list: Interval[]) => list.map((i) => [i.start.toISOString(), i.end.toISOString()]);
const messagesOf = (input: unknown) => {
  const result = weeklyHoursSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('DEFAULT_CENTRE_HOURS', () => {
  it('is a 5+2 week: split weekdays with evening hours, weekends without a break', () => {
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) {
      expect(DEFAULT_CENTRE_HOURS[day]).toEqual([
        { start: '08:30', end: '12:00' },
        { start: '14:00', end: '21:00' },
      ]);
    }
    expect(DEFAULT_CENTRE_HOURS.sat).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(DEFAULT_CENTRE_HOURS.sun).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  it('passes its own schema', () => {
    expect(weeklyHoursSchema.parse(DEFAULT_CENTRE_HOURS)).toEqual(DEFAULT_CENTRE_HOURS);
  });
});

describe('weeklyHoursSchema', () => {
  it('accepts closed days, touching periods and 24:00 as an end', () => {
    const hours = { mon: [], tue: [{ start: '00:00', end: '12:00' }, { start: '12:00', end: '24:00' }] };
    expect(weeklyHoursSchema.parse(hours)).toEqual(hours);
    expect(weeklyHoursSchema.parse({})).toEqual({});
  });

  it('accepts periods in any order', () => {
    expect(messagesOf({ wed: [{ start: '14:00', end: '18:00' }, { start: '08:00', end: '12:00' }] })).toEqual([]);
  });

  it('rejects times not in HH:mm format, with a message saying so', () => {
    expect(messagesOf({ mon: [{ start: '8:30', end: '12:00' }] })).toEqual([
      'mon.0.start: start must be a time in HH:mm format between 00:00 and 23:59',
    ]);
    expect(messagesOf({ mon: [{ start: '08:30', end: '12:61' }] })[0]).toMatch(/^mon\.0\.end: end must be a time in HH:mm format/);
    expect(messagesOf({ mon: [{ start: 830, end: '12:00' }] })[0]).toMatch(/^mon\.0\.start: start must be a time in HH:mm format/);
  });

  it("rejects '24:00' as a start", () => {
    expect(messagesOf({ mon: [{ start: '24:00', end: '24:00' }] })[0]).toMatch(/^mon\.0\.start: /);
  });

  it('rejects an end that is not after the start', () => {
    expect(messagesOf({ fri: [{ start: '21:00', end: '08:00' }] })).toEqual([
      'fri.0.end: end (08:00) must be after start (21:00); use 24:00 for midnight, and split periods that run past midnight across two days',
    ]);
    expect(messagesOf({ fri: [{ start: '09:00', end: '09:00' }] })).toHaveLength(1);
  });

  it('rejects overlapping periods in a day and names both', () => {
    expect(messagesOf({ sat: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }] })).toEqual([
      'sat.1: opening periods 09:00–13:00 and 12:00–17:00 overlap',
    ]);
    // A long first period overlaps a later one even when a short one sits in between.
    expect(
      messagesOf({ sun: [{ start: '08:00', end: '20:00' }, { start: '09:00', end: '10:00' }, { start: '12:00', end: '13:00' }] }),
    ).toEqual(['sun.1: opening periods 08:00–20:00 and 09:00–10:00 overlap', 'sun.2: opening periods 08:00–20:00 and 12:00–13:00 overlap']);
  });

  it('rejects unknown weekdays and extra fields', () => {
    expect(messagesOf({ monday: [] })).toEqual([': unknown weekday "monday": use mon, tue, wed, thu, fri, sat, sun']);
    expect(messagesOf({ mon: [{ start: '09:00', end: '10:00', note: 'x' }] })).toHaveLength(1);
  });

  it('rejects non-objects', () => {
    expect(messagesOf('9 to 5')).toEqual([': opening hours must be an object keyed by weekday (mon … sun)']);
    expect(messagesOf({ mon: 'all day' })).toHaveLength(1);
  });
});

describe('openIntervalsOn', () => {
  it('turns a weekday in Shanghai into UTC instants', () => {
    // 2026-11-23 is a Monday.
    expect(isoPairs(openIntervalsOn('2026-11-23', DEFAULT_CENTRE_HOURS, SHANGHAI))).toEqual([
      ['2026-11-23T00:30:00.000Z', '2026-11-23T04:00:00.000Z'],
      ['2026-11-23T06:00:00.000Z', '2026-11-23T13:00:00.000Z'],
    ]);
    expect(isoPairs(openIntervalsOn('2026-11-28', DEFAULT_CENTRE_HOURS, SHANGHAI))).toEqual([
      ['2026-11-28T01:00:00.000Z', '2026-11-28T09:00:00.000Z'],
    ]);
  });

  it('is empty on a closed (missing or empty) weekday', () => {
    expect(openIntervalsOn('2026-11-28', { mon: DEFAULT_CENTRE_HOURS.mon }, SHANGHAI)).toEqual([]);
    expect(openIntervalsOn('2026-11-28', { sat: [] }, SHANGHAI)).toEqual([]);
  });

  it('merges touching periods and sorts them', () => {
    const hours: WeeklyHours = { mon: [{ start: '12:00', end: '14:00' }, { start: '09:00', end: '12:00' }] };
    expect(isoPairs(openIntervalsOn('2026-11-23', hours, SHANGHAI))).toEqual([['2026-11-23T01:00:00.000Z', '2026-11-23T06:00:00.000Z']]);
  });

  it('follows the clock on DST days in Berlin', () => {
    const allDay: WeeklyHours = { sun: [{ start: '00:00', end: '24:00' }] };
    const length = (date: string) => openIntervalsOn(date, allDay, BERLIN).reduce((s, i) => s + i.end.getTime() - i.start.getTime(), 0) / HOUR;
    expect(length('2026-03-29')).toBe(23);
    expect(length('2026-10-25')).toBe(25);
    const earlyHours = openIntervalsOn('2026-03-29', { sun: [{ start: '00:00', end: '06:00' }] }, BERLIN);
    expect((earlyHours[0]!.end.getTime() - earlyHours[0]!.start.getTime()) / HOUR).toBe(5);
  });

  it('drops a period that lies entirely in a spring-forward gap', () => {
    expect(openIntervalsOn('2026-03-29', { sun: [{ start: '02:00', end: '02:30' }] }, BERLIN)).toEqual([]);
  });
});

describe('isWithinOpeningHours', () => {
  const at = (date: string, time: string) => wallClockToInstant(date, time, SHANGHAI);
  const local = (date: string, from: string, to: string, toDate = date): Interval => ({ start: at(date, from), end: at(toDate, to) });
  const within = (i: Interval, hours: WeeklyHours = DEFAULT_CENTRE_HOURS) => isWithinOpeningHours(i, hours, SHANGHAI);

  it.each([
    ['a morning booking', local('2026-11-23', '09:00', '11:00'), true],
    ['exactly the morning period', local('2026-11-23', '08:30', '12:00'), true],
    ['exactly the evening period', local('2026-11-23', '14:00', '21:00'), true],
    ['starting before opening', local('2026-11-23', '08:00', '09:00'), false],
    ['running past closing', local('2026-11-23', '20:00', '21:30'), false],
    ['spanning the lunch break', local('2026-11-23', '11:00', '15:00'), false],
    ['inside the lunch break', local('2026-11-23', '12:00', '14:00'), false],
    ['starting at closing time', local('2026-11-23', '21:00', '21:30'), false],
    ['on a weekend afternoon', local('2026-11-29', '15:00', '17:00'), true],
    ['empty', local('2026-11-23', '09:00', '09:00'), false],
    ['inverted', local('2026-11-23', '10:00', '09:00'), false],
  ])('%s → %s', (_name, interval, expected) => {
    expect(within(interval)).toBe(expected);
  });

  it('allows a booking across midnight when both days are open back to back', () => {
    const lateFriday: WeeklyHours = { fri: [{ start: '18:00', end: '24:00' }], sat: [{ start: '00:00', end: '02:00' }] };
    expect(within(local('2026-11-27', '23:00', '01:00', '2026-11-28'), lateFriday)).toBe(true);
    expect(within(local('2026-11-27', '23:00', '03:00', '2026-11-28'), lateFriday)).toBe(false);
    const gapAfterMidnight: WeeklyHours = { fri: [{ start: '18:00', end: '24:00' }], sat: [{ start: '00:30', end: '02:00' }] };
    expect(within(local('2026-11-27', '23:00', '01:00', '2026-11-28'), gapAfterMidnight)).toBe(false);
  });

  it('allows a multi-day interval when open around the clock', () => {
    const always: WeeklyHours = Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]]));
    expect(within(local('2026-11-23', '10:00', '10:00', '2026-12-05'), always)).toBe(true);
    const closedSunday = { ...always, sun: [] };
    expect(within(local('2026-11-23', '10:00', '10:00', '2026-12-05'), closedSunday)).toBe(false);
  });

  it('handles the Berlin spring-forward night', () => {
    const allWeekend: WeeklyHours = { sat: [{ start: '00:00', end: '24:00' }], sun: [{ start: '00:00', end: '24:00' }] };
    const overnight = iv('2026-03-28T22:00:00Z', '2026-03-29T02:00:00Z');
    expect(isWithinOpeningHours(overnight, allWeekend, BERLIN)).toBe(true);
  });

  it('matches "contained in the union of the open periods of the days it touches" (property)', () => {
    const period = fc
      .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 48 }))
      .map(([a, len]) => [a * 30, Math.min(1440, a * 30 + len * 30)] as const);
    const toTime = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const hours = fc.record(
      Object.fromEntries(WEEKDAYS.map((d) => [d, fc.array(period, { maxLength: 3 })])) as Record<string, fc.Arbitrary<(readonly [number, number])[]>>,
    ).map((byDay) =>
      Object.fromEntries(
        Object.entries(byDay).map(([d, ps]) => [d, ps.map(([s, e]) => ({ start: toTime(s), end: toTime(e) }))]),
      ) as WeeklyHours,
    );
    const tz = fc.constantFrom(SHANGHAI, BERLIN, 'America/New_York');
    fc.assert(
      fc.property(hours, tz, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 200 }), (h, zone, day, slot, len) => {
        const start = new Date(wallClockToInstant(addDays('2026-01-01', day), '00:00', zone).getTime() + slot * 15 * 60_000);
        const candidate = { start, end: new Date(start.getTime() + len * 15 * 60_000) };
        const union = mergeIntervals(
          datesInRange(addDays(zonedDateOf(candidate.start, zone), -1), zonedDateOf(candidate.end, zone)).flatMap((d) => openIntervalsOn(d, h, zone)),
        );
        const expected = union.some((u) => u.start <= candidate.start && candidate.end <= u.end);
        expect(isWithinOpeningHours(candidate, h, zone)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
