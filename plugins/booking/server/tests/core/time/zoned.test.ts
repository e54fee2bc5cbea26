import fc from 'fast-check';
import { getISODay } from 'date-fns';
import { tz as inZone } from '@date-fns/tz';
import {
  addDays,
  datesInRange,
  dayBounds,
  daysBetween,
  instantToZonedIso,
  isValidIsoDate,
  isValidTimeZone,
  isValidWallTime,
  isoWeekdayOf,
  minutesSinceLocalMidnight,
  wallClockToInstant,
  zonedDateOf,
  zonedWallTimeOf,
} from '../../../src/core/time/zoned';
import { describeWhateverTheHostZone } from '../../host-zone';

const BERLIN = 'Europe/Berlin';
const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';
const HOUR = 3_600_000;
const iso = (d: Date) => d.toISOString();

describe('wallClockToInstant', () => {
  it.each([
    ['2026-11-24', '19:00', SHANGHAI, '2026-11-24T11:00:00.000Z'],
    ['2026-11-24', '00:00', SHANGHAI, '2026-11-23T16:00:00.000Z'],
    ['2026-11-24', '07:59', SHANGHAI, '2026-11-23T23:59:00.000Z'],
    ['2026-07-01', '12:00', BERLIN, '2026-07-01T10:00:00.000Z'],
    ['2026-01-15', '12:00', BERLIN, '2026-01-15T11:00:00.000Z'],
    ['2026-07-01', '12:00', NEW_YORK, '2026-07-01T16:00:00.000Z'],
    ['2026-01-15', '12:00', NEW_YORK, '2026-01-15T17:00:00.000Z'],
    ['2026-01-15', '12:00', 'Asia/Kolkata', '2026-01-15T06:30:00.000Z'],
    ['2026-01-15', '12:00', 'UTC', '2026-01-15T12:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, tz, expected) => {
    expect(iso(wallClockToInstant(date, time, tz))).toBe(expected);
  });

  it("treats '24:00' as the next midnight, across month and year ends", () => {
    expect(iso(wallClockToInstant('2026-11-24', '24:00', SHANGHAI))).toBe('2026-11-24T16:00:00.000Z');
    expect(iso(wallClockToInstant('2026-12-31', '24:00', SHANGHAI))).toBe('2026-12-31T16:00:00.000Z');
    expect(iso(wallClockToInstant('2028-02-28', '24:00', 'UTC'))).toBe('2028-02-29T00:00:00.000Z');
    expect(wallClockToInstant('2026-03-28', '24:00', BERLIN)).toEqual(wallClockToInstant('2026-03-29', '00:00', BERLIN));
  });

  describe('spring forward (Europe/Berlin 2026-03-29, 02:00 CET → 03:00 CEST)', () => {
    it.each([
      ['01:59', '2026-03-29T00:59:00.000Z'],
      ['02:00', '2026-03-29T01:00:00.000Z'],
      ['02:30', '2026-03-29T01:00:00.000Z'],
      ['02:59', '2026-03-29T01:00:00.000Z'],
      ['03:00', '2026-03-29T01:00:00.000Z'],
      ['03:30', '2026-03-29T01:30:00.000Z'],
      ['19:00', '2026-03-29T17:00:00.000Z'],
    ])('%s → %s (a missing time moves to the first valid instant, 03:00)', (time, expected) => {
      expect(iso(wallClockToInstant('2026-03-29', time, BERLIN))).toBe(expected);
    });

    it('makes 00:00–06:00 five real hours', () => {
      const span = wallClockToInstant('2026-03-29', '06:00', BERLIN).getTime() - wallClockToInstant('2026-03-29', '00:00', BERLIN).getTime();
      expect(span).toBe(5 * HOUR);
    });
  });

  describe('fall back (Europe/Berlin 2026-10-25, 03:00 CEST → 02:00 CET)', () => {
    it.each([
      ['01:59', '2026-10-24T23:59:00.000Z'],
      ['02:00', '2026-10-25T00:00:00.000Z'],
      ['02:30', '2026-10-25T00:30:00.000Z'],
      ['02:59', '2026-10-25T00:59:00.000Z'],
      ['03:00', '2026-10-25T02:00:00.000Z'],
      ['19:00', '2026-10-25T18:00:00.000Z'],
    ])('%s → %s (an ambiguous time takes the earlier instant)', (time, expected) => {
      expect(iso(wallClockToInstant('2026-10-25', time, BERLIN))).toBe(expected);
    });

    it('makes 00:00–06:00 seven real hours', () => {
      const span = wallClockToInstant('2026-10-25', '06:00', BERLIN).getTime() - wallClockToInstant('2026-10-25', '00:00', BERLIN).getTime();
      expect(span).toBe(7 * HOUR);
    });
  });

  describe('America/New_York', () => {
    it('moves 02:30 on 2026-03-08 (spring forward) to 03:00 EDT', () => {
      expect(iso(wallClockToInstant('2026-03-08', '02:30', NEW_YORK))).toBe('2026-03-08T07:00:00.000Z');
    });
    it('takes EDT for the ambiguous 01:30 on 2026-11-01 (fall back)', () => {
      expect(iso(wallClockToInstant('2026-11-01', '01:30', NEW_YORK))).toBe('2026-11-01T05:30:00.000Z');
    });
  });

  it('resolves a half-hour DST change (Australia/Lord_Howe 2026-04-05 01:45 is ambiguous)', () => {
    // Clocks go from 02:00 +11:00 back to 01:30 +10:30.
    expect(iso(wallClockToInstant('2026-04-05', '01:45', 'Australia/Lord_Howe'))).toBe('2026-04-04T14:45:00.000Z');
  });

  describeWhateverTheHostZone('DST edges', () => {
    it.each([
      ['2026-03-29', '02:30', BERLIN, '2026-03-29T01:00:00.000Z'],
      ['2026-10-25', '02:30', BERLIN, '2026-10-25T00:30:00.000Z'],
      ['2026-03-08', '02:30', NEW_YORK, '2026-03-08T07:00:00.000Z'],
      ['2026-11-01', '01:30', NEW_YORK, '2026-11-01T05:30:00.000Z'],
      ['2026-04-05', '01:45', 'Australia/Lord_Howe', '2026-04-04T14:45:00.000Z'],
      ['2026-11-24', '19:00', SHANGHAI, '2026-11-24T11:00:00.000Z'],
      ['2026-11-24', '00:00', SHANGHAI, '2026-11-23T16:00:00.000Z'],
    ])('%s %s in %s is %s', (date, time, tz, expected) => {
      expect(iso(wallClockToInstant(date, time, tz))).toBe(expected);
    });
  });

  it('rejects invalid dates, times and zones', () => {
    expect(() => wallClockToInstant('2026-02-30', '10:00', BERLIN)).toThrow(RangeError);
    expect(() => wallClockToInstant('2026-02-01', '24:30', BERLIN)).toThrow(RangeError);
    expect(() => wallClockToInstant('2026-02-01', '9:00', BERLIN)).toThrow(RangeError);
    expect(() => wallClockToInstant('2026-02-01', '09:00', 'Mars/Olympus')).toThrow(/time zone/);
  });

  const zones = fc.constantFrom(BERLIN, SHANGHAI, NEW_YORK, 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata');
  const instant = fc.integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2028, 0, 1) / 60_000 }).map((min) => new Date(min * 60_000));

  it('round-trips every instant to itself or to the earlier twin of an ambiguous reading (property)', () => {
    fc.assert(
      fc.property(zones, instant, (tz, t) => {
        const back = wallClockToInstant(zonedDateOf(t, tz), zonedWallTimeOf(t, tz), tz);
        expect(zonedDateOf(back, tz)).toBe(zonedDateOf(t, tz));
        expect(zonedWallTimeOf(back, tz)).toBe(zonedWallTimeOf(t, tz));
        expect(back.getTime()).toBeLessThanOrEqual(t.getTime());
        if (tz === SHANGHAI || tz === 'Asia/Kolkata') expect(back).toEqual(t);
      }),
    );
  });

  it('returns the earliest instant whose reading is at or after the requested one (property)', () => {
    const readingKey = (d: Date, tz: string) => `${zonedDateOf(d, tz)}T${zonedWallTimeOf(d, tz)}`;
    const dates = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2025-01-01', n));
    const times = fc.integer({ min: 0, max: 1439 }).map((n) => `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`);
    fc.assert(
      fc.property(zones, dates, times, (tz, date, time) => {
        const requested = `${date}T${time}`;
        const r = wallClockToInstant(date, time, tz);
        expect(readingKey(r, tz) >= requested).toBe(true);
        for (let back = 60_000; back <= 3 * HOUR; back += 15 * 60_000) {
          expect(readingKey(new Date(r.getTime() - back), tz) < requested).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describeWhateverTheHostZone('instantToZonedIso', () => {
  it.each([
    ['2026-11-24T11:00:00.000Z', SHANGHAI, '2026-11-24T19:00:00+08:00'],
    ['2026-11-24T11:00:00.999Z', SHANGHAI, '2026-11-24T19:00:00+08:00'],
    ['2026-11-24T11:00:07.000Z', SHANGHAI, '2026-11-24T19:00:07+08:00'],
    ['2026-07-01T10:00:00.000Z', BERLIN, '2026-07-01T12:00:00+02:00'],
    ['2026-01-15T11:00:00.000Z', BERLIN, '2026-01-15T12:00:00+01:00'],
    ['2026-10-25T00:30:00.000Z', BERLIN, '2026-10-25T02:30:00+02:00'],
    ['2026-10-25T01:30:00.000Z', BERLIN, '2026-10-25T02:30:00+01:00'],
    ['2026-01-15T17:00:00.000Z', NEW_YORK, '2026-01-15T12:00:00-05:00'],
    ['2026-01-15T06:30:00.000Z', 'Asia/Kolkata', '2026-01-15T12:00:00+05:30'],
    ['2026-01-15T12:00:00.000Z', 'UTC', '2026-01-15T12:00:00+00:00'],
  ])('%s in %s is %s', (instantIso, tz, expected) => {
    expect(instantToZonedIso(new Date(instantIso), tz)).toBe(expected);
  });

  it('parses back to the same instant (to the second)', () => {
    fc.assert(
      fc.property(fc.constantFrom(BERLIN, SHANGHAI, NEW_YORK), fc.integer({ min: 1.7e9, max: 1.9e9 }), (tz, seconds) => {
        const d = new Date(seconds * 1000);
        expect(new Date(instantToZonedIso(d, tz)).getTime()).toBe(d.getTime());
      }),
    );
  });

  it('formats one instant asked again in another zone, or a second later, afresh (answers are kept per instant and zone)', () => {
    const instant = new Date('2026-10-25T00:30:00.000Z');
    expect(instantToZonedIso(instant, BERLIN)).toBe('2026-10-25T02:30:00+02:00');
    expect(instantToZonedIso(new Date(instant), SHANGHAI)).toBe('2026-10-25T08:30:00+08:00');
    expect(instantToZonedIso(new Date(instant), BERLIN)).toBe('2026-10-25T02:30:00+02:00');
    expect(instantToZonedIso(new Date(instant.getTime() + 3_600_000), BERLIN)).toBe('2026-10-25T02:30:00+01:00');
  });
});

describeWhateverTheHostZone('zonedDateOf / zonedWallTimeOf', () => {
  it('switch dates at local midnight, not at UTC midnight', () => {
    expect(zonedDateOf(new Date('2026-11-24T15:59:59.999Z'), SHANGHAI)).toBe('2026-11-24');
    expect(zonedDateOf(new Date('2026-11-24T16:00:00.000Z'), SHANGHAI)).toBe('2026-11-25');
    expect(zonedDateOf(new Date('2026-11-25T03:00:00.000Z'), NEW_YORK)).toBe('2026-11-24');
    expect(zonedDateOf(new Date('2026-12-31T23:30:00.000Z'), BERLIN)).toBe('2027-01-01');
  });

  it('read HH:mm off the local clock, truncating seconds', () => {
    expect(zonedWallTimeOf(new Date('2026-11-24T11:00:59.999Z'), SHANGHAI)).toBe('19:00');
    expect(zonedWallTimeOf(new Date('2026-11-24T16:00:00.000Z'), SHANGHAI)).toBe('00:00');
    expect(zonedWallTimeOf(new Date('2026-03-29T01:00:00.000Z'), BERLIN)).toBe('03:00');
    expect(zonedWallTimeOf(new Date('2026-03-29T00:59:00.000Z'), BERLIN)).toBe('01:59');
  });
});

describeWhateverTheHostZone('minutesSinceLocalMidnight', () => {
  it('counts clock minutes, not elapsed minutes, on DST days', () => {
    expect(minutesSinceLocalMidnight(new Date('2026-03-29T01:00:00Z'), BERLIN)).toBe(180);
    expect(minutesSinceLocalMidnight(new Date('2026-10-25T00:30:00Z'), BERLIN)).toBe(150);
    expect(minutesSinceLocalMidnight(new Date('2026-10-25T01:30:00Z'), BERLIN)).toBe(150);
  });

  it('is 0 at local midnight and fractional off the minute', () => {
    expect(minutesSinceLocalMidnight(new Date('2026-11-23T16:00:00Z'), SHANGHAI)).toBe(0);
    expect(minutesSinceLocalMidnight(new Date('2026-11-24T02:00:30Z'), SHANGHAI)).toBe(600.5);
    expect(minutesSinceLocalMidnight(new Date('2026-11-24T15:59:00Z'), SHANGHAI)).toBe(1439);
  });
});

describeWhateverTheHostZone('dayBounds', () => {
  const hoursLong = (date: string, tz: string) => {
    const b = dayBounds(date, tz);
    return (b.end.getTime() - b.start.getTime()) / HOUR;
  };

  it('spans local midnight to local midnight', () => {
    const b = dayBounds('2026-11-24', SHANGHAI);
    expect(iso(b.start)).toBe('2026-11-23T16:00:00.000Z');
    expect(iso(b.end)).toBe('2026-11-24T16:00:00.000Z');
  });

  it.each([
    ['2026-11-24', SHANGHAI, 24],
    ['2026-03-28', BERLIN, 24],
    ['2026-03-29', BERLIN, 23],
    ['2026-10-25', BERLIN, 25],
    ['2026-03-08', NEW_YORK, 23],
    ['2026-11-01', NEW_YORK, 25],
    ['2026-04-05', 'Australia/Lord_Howe', 24.5],
  ])('%s in %s lasts %d hours', (date, tz, hours) => {
    expect(hoursLong(date, tz)).toBe(hours);
  });

  it('starts at the first existing instant when midnight itself is skipped (America/Santiago 2026-09-06)', () => {
    // Chile springs forward at 00:00 → 01:00, so the day starts at 01:00 -03:00.
    const b = dayBounds('2026-09-06', 'America/Santiago');
    expect(iso(b.start)).toBe('2026-09-06T04:00:00.000Z');
    expect(zonedWallTimeOf(b.start, 'America/Santiago')).toBe('01:00');
    expect((b.end.getTime() - b.start.getTime()) / HOUR).toBe(23);
  });

  it('tiles consecutive days without gaps (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(BERLIN, SHANGHAI, NEW_YORK, 'America/Santiago'), fc.integer({ min: 0, max: 1500 }), (tz, n) => {
        const date = addDays('2025-01-01', n);
        expect(dayBounds(date, tz).end).toEqual(dayBounds(addDays(date, 1), tz).start);
        expect(zonedDateOf(dayBounds(date, tz).start, tz)).toBe(date);
      }),
    );
  });
});

describe('calendar arithmetic', () => {
  it('addDays crosses months, years and leap days, both ways', () => {
    expect(addDays('2026-11-24', 0)).toBe('2026-11-24');
    expect(addDays('2026-11-24', 7)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('nope', 1)).toThrow(RangeError);
  });

  it('daysBetween is the inverse of addDays', () => {
    expect(daysBetween('2026-11-24', '2026-12-01')).toBe(7);
    expect(daysBetween('2026-12-01', '2026-11-24')).toBe(-7);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: -800, max: 800 }), (base, n) => {
        const date = addDays('2024-01-01', base);
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });

  it('datesInRange includes both ends and is empty when reversed', () => {
    expect(datesInRange('2026-11-24', '2026-11-24')).toEqual(['2026-11-24']);
    expect(datesInRange('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(datesInRange('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(datesInRange('2026-11-25', '2026-11-24')).toEqual([]);
    expect(() => datesInRange('2026-11-25', '2026-11-31')).toThrow(RangeError);
  });

  it('isoWeekdayOf numbers Monday 1 to Sunday 7', () => {
    expect(isoWeekdayOf('2026-11-23')).toBe(1);
    expect(isoWeekdayOf('2026-11-28')).toBe(6);
    expect(isoWeekdayOf('2026-11-29')).toBe(7);
    expect(isoWeekdayOf('2028-02-29')).toBe(2);
  });

  it('isoWeekdayOf agrees with date-fns getISODay (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), (n) => {
        const date = addDays('1990-01-01', n);
        expect(isoWeekdayOf(date)).toBe(getISODay(`${date}T12:00:00Z`, { in: inZone('UTC') }));
      }),
    );
  });
});

describe('validators', () => {
  it.each([
    ['2026-11-24', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-04-31', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00', false],
    [' 2026-01-01', false],
    ['', false],
  ])('isValidIsoDate(%j) is %s', (s, ok) => {
    expect(isValidIsoDate(s)).toBe(ok);
  });

  it.each([
    ['00:00', true],
    ['09:30', true],
    ['23:59', true],
    ['24:00', true],
    ['24:01', false],
    ['25:00', false],
    ['09:60', false],
    ['9:00', false],
    ['0900', false],
    ['09:00:00', false],
    ['', false],
  ])('isValidWallTime(%j) is %s', (s, ok) => {
    expect(isValidWallTime(s)).toBe(ok);
  });

  it('isValidTimeZone knows IANA names and rejects junk', () => {
    expect(isValidTimeZone(SHANGHAI)).toBe(true);
    expect(isValidTimeZone(BERLIN)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('+08:00')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Mars+05')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
