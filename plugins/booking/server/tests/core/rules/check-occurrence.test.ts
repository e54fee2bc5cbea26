import fc from 'fast-check';
import { DEFAULT_CENTRE_HOURS, type WeeklyHours } from '../../../src/core/hours/opening-hours';
import { DEFAULT_RULES, type BookingRules } from '../../../src/core/rules/booking-rules';
import { checkOccurrence, type OccurrenceCheckInput } from '../../../src/core/rules/check-occurrence';
import type { Interval } from '../../../src/core/time/intervals';
import { wallClockToInstant } from '../../../src/core/time/zoned';

const SHANGHAI = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const at = (date: string, time: string, tz = SHANGHAI) => wallClockToInstant(date, time, tz);
const local = (date: string, from: string, to: string, tz = SHANGHAI): Interval => ({ start: at(date, from, tz), end: at(date, to, tz) });

/** Monday 2026-11-23 09:00 in Shanghai. */
const NOW = at('2026-11-23', '09:00');

const check = (occurrence: Interval, overrides: Partial<OccurrenceCheckInput> = {}, rules: Partial<BookingRules> = {}) =>
  checkOccurrence({
    occurrence,
    rules: { ...DEFAULT_RULES, ...rules },
    hours: DEFAULT_CENTRE_HOURS,
    closures: [],
    now: NOW,
    tz: SHANGHAI,
    attendees: 8,
    capacity: 12,
    ...overrides,
  });
const codes = (...args: Parameters<typeof check>) => check(...args).map((v) => `${v.path}:${v.code}`);

describe('checkOccurrence', () => {
  it('accepts a booking that follows every rule', () => {
    expect(check(local('2026-11-24', '19:00', '21:00'))).toEqual([]);
  });

  describe('start and end', () => {
    it('rejects an end equal to the start, and skips the checks that need a duration', () => {
      expect(check(local('2026-11-24', '19:00', '19:00'))).toEqual([{ path: 'end', code: 'end_not_after_start', message: 'must be after the start' }]);
    });

    it('rejects an end before the start', () => {
      expect(codes(local('2026-11-24', '19:00', '18:00'))).toEqual(['end:end_not_after_start']);
    });
  });

  describe('slot grid', () => {
    it('rejects a start off the grid', () => {
      expect(check(local('2026-11-24', '19:15', '21:00'))).toEqual([
        { path: 'start', code: 'not_on_slot_grid', message: 'must start on a 30-minute slot boundary (e.g. 09:00 or 09:30)' },
      ]);
    });

    it('rejects an end off the grid', () => {
      expect(check(local('2026-11-24', '19:00', '20:45'))).toEqual([
        { path: 'end', code: 'not_on_slot_grid', message: 'must end on a 30-minute slot boundary (e.g. 09:00 or 09:30)' },
      ]);
    });

    it('rejects stray seconds', () => {
      const o = local('2026-11-24', '19:00', '21:00');
      expect(codes({ start: new Date(o.start.getTime() + 30_000), end: o.end })).toEqual(['start:not_on_slot_grid']);
    });

    it('uses the configured slot length', () => {
      expect(check(local('2026-11-24', '19:30', '20:30'), {}, { slotMinutes: 60, minMinutes: 60 })[0]?.message).toBe(
        'must start on a 60-minute slot boundary (e.g. 09:00 or 10:00)',
      );
    });

    it('accepts an end at midnight', () => {
      const lateHours: WeeklyHours = { tue: [{ start: '18:00', end: '24:00' }] };
      expect(check({ start: at('2026-11-24', '22:00'), end: at('2026-11-24', '24:00') }, { hours: lateHours })).toEqual([]);
    });

    it('reads the grid off the clock on a DST day (Berlin 2026-03-29, 03:00–04:00 CEST)', () => {
      const sunday: WeeklyHours = { sun: [{ start: '00:00', end: '24:00' }] };
      const o = local('2026-03-29', '03:00', '04:00', BERLIN);
      expect(o.start.toISOString()).toBe('2026-03-29T01:00:00.000Z');
      expect(check(o, { tz: BERLIN, hours: sunday, now: new Date('2026-03-20T00:00:00Z') })).toEqual([]);
    });
  });

  describe('length', () => {
    it('rejects a booking shorter than minMinutes', () => {
      expect(check(local('2026-11-24', '19:00', '19:30'), {}, { minMinutes: 60 })).toEqual([
        { path: 'end', code: 'too_short', message: 'must last at least 60 minutes' },
      ]);
    });

    it('rejects a booking longer than maxMinutes and accepts exactly the maximum', () => {
      expect(check(local('2026-11-24', '14:00', '19:00'))).toEqual([{ path: 'end', code: 'too_long', message: 'must last at most 240 minutes' }]);
      expect(check(local('2026-11-24', '14:00', '18:00'))).toEqual([]);
    });

    it('counts real minutes across a fall-back night (Berlin 2026-10-25 01:30–02:30 is 120 minutes)', () => {
      const sunday: WeeklyHours = { sun: [{ start: '00:00', end: '24:00' }] };
      const o = { start: new Date('2026-10-24T23:30:00Z'), end: new Date('2026-10-25T01:30:00Z') };
      expect(check(o, { tz: BERLIN, hours: sunday, now: new Date('2026-10-20T00:00:00Z') }, { maxMinutes: 90 })).toEqual([
        { path: 'end', code: 'too_long', message: 'must last at most 90 minutes' },
      ]);
    });
  });

  describe('timing', () => {
    it('rejects a start in the past (and does not also report the notice)', () => {
      expect(check(local('2026-11-23', '08:30', '10:00'))).toEqual([{ path: 'start', code: 'in_the_past', message: 'must not be in the past' }]);
    });

    it('rejects a start inside the minimum notice', () => {
      expect(check(local('2026-11-23', '10:30', '11:30'))).toEqual([
        { path: 'start', code: 'under_minimum_notice', message: 'must start at least 120 minutes from now' },
      ]);
    });

    it('accepts a start exactly at the notice limit, and now itself with zero notice', () => {
      expect(check(local('2026-11-23', '11:00', '12:00'))).toEqual([]);
      expect(check(local('2026-11-23', '09:00', '10:00'), {}, { minNoticeMinutes: 0 })).toEqual([]);
    });

    it('rejects a start after the end of the last bookable day', () => {
      // 2026-11-23 + 90 days = 2027-02-21, a Sunday.
      expect(check(local('2027-02-21', '15:00', '17:00'))).toEqual([]);
      expect(check(local('2027-02-22', '09:00', '10:00'))).toEqual([
        { path: 'start', code: 'too_far_ahead', message: 'must start no more than 90 days ahead (on or before 2027-02-21)' },
      ]);
    });

    it('puts the limit exactly at the midnight that ends the last bookable day', () => {
      const lateHours: WeeklyHours = { sun: [{ start: '20:00', end: '24:00' }], mon: [{ start: '00:00', end: '02:00' }] };
      expect(check(local('2027-02-21', '23:30', '24:00'), { hours: lateHours })).toEqual([]);
      expect(codes({ start: at('2027-02-22', '00:00'), end: at('2027-02-22', '01:00') }, { hours: lateHours })).toEqual(['start:too_far_ahead']);
    });

    it("counts advance days from the centre's local date, not the UTC date", () => {
      // 2026-11-23T17:00Z is already Tuesday 01:00 in Shanghai, so Monday 2027-02-22 is in range.
      const now = new Date('2026-11-23T17:00:00Z');
      expect(check(local('2027-02-22', '09:00', '10:00'), { now })).toEqual([]);
      expect(check(local('2027-02-23', '09:00', '10:00'), { now })[0]?.code).toBe('too_far_ahead');
    });

    it('with maxAdvanceDays 0 allows today only', () => {
      expect(check(local('2026-11-23', '19:00', '20:00'), {}, { maxAdvanceDays: 0 })).toEqual([]);
      expect(codes(local('2026-11-24', '09:00', '10:00'), {}, { maxAdvanceDays: 0 })).toEqual(['start:too_far_ahead']);
    });
  });

  describe('place', () => {
    it('rejects a booking outside opening hours', () => {
      expect(check(local('2026-11-24', '12:00', '14:00'))).toEqual([
        { path: 'start', code: 'outside_opening_hours', message: "must be within the centre's opening hours" },
      ]);
      expect(codes(local('2026-11-24', '20:00', '22:00'))).toEqual(['start:outside_opening_hours']);
    });

    it('rejects a booking that overlaps a closure, naming it in local time', () => {
      const closure = local('2026-11-24', '18:00', '20:00');
      expect(check(local('2026-11-24', '19:00', '21:00'), { closures: [closure] })).toEqual([
        {
          path: 'start',
          code: 'in_closure',
          message: "must not overlap the centre's closure from 2026-11-24T18:00:00+08:00 to 2026-11-24T20:00:00+08:00",
        },
      ]);
    });

    it('names every closure it overlaps, in one violation', () => {
      const closures = [local('2026-11-24', '19:00', '19:30'), local('2026-11-24', '20:30', '21:00')];
      const found = check(local('2026-11-24', '19:00', '21:00'), { closures });
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toContain('from 2026-11-24T19:00:00+08:00 to 2026-11-24T19:30:00+08:00 and from 2026-11-24T20:30:00+08:00');
    });

    it('accepts a booking that only touches a closure', () => {
      expect(check(local('2026-11-24', '19:00', '21:00'), { closures: [local('2026-11-24', '17:00', '19:00')] })).toEqual([]);
    });
  });

  describe('attendees', () => {
    it('rejects more attendees than the capacity', () => {
      expect(check(local('2026-11-24', '19:00', '21:00'), { attendees: 13 })).toEqual([
        { path: 'attendees', code: 'over_capacity', message: "must be at most 12, the room's capacity" },
      ]);
    });

    it('accepts exactly the capacity, and any number when capacity is null', () => {
      expect(check(local('2026-11-24', '19:00', '21:00'), { attendees: 12 })).toEqual([]);
      expect(check(local('2026-11-24', '19:00', '21:00'), { attendees: 500, capacity: null })).toEqual([]);
    });
  });

  it('reports every broken rule, not just the first', () => {
    const o = { start: at('2026-11-23', '07:10'), end: at('2026-11-23', '13:20') };
    expect(codes(o, { attendees: 30, closures: [local('2026-11-23', '10:00', '11:00')] })).toEqual([
      'start:not_on_slot_grid',
      'end:not_on_slot_grid',
      'end:too_long',
      'start:in_the_past',
      'start:outside_opening_hours',
      'start:in_closure',
      'attendees:over_capacity',
    ]);
  });

  it('flags the grid and the length exactly when they are broken (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 4 * 7 }), fc.integer({ min: 1, max: 24 }), (startQuarter, lengthQuarters) => {
        const start = new Date(at('2026-11-30', '00:00').getTime() + startQuarter * 15 * 60_000);
        const end = new Date(start.getTime() + lengthQuarters * 15 * 60_000);
        const found = codes({ start, end });
        expect(found.includes('start:not_on_slot_grid')).toBe(startQuarter % 2 === 1);
        expect(found.includes('end:not_on_slot_grid')).toBe((startQuarter + lengthQuarters) % 2 === 1);
        expect(found.includes('end:too_short')).toBe(lengthQuarters * 15 < 30);
        expect(found.includes('end:too_long')).toBe(lengthQuarters * 15 > 240);
        expect(found.includes('start:in_the_past') || found.includes('start:under_minimum_notice')).toBe(false);
      }),
    );
  });
});
