import fc from 'fast-check';
import { checkWeeklyQuota } from '../../../src/core/rules/weekly-quota';
import { isoWeekOf } from '../../../src/core/time/iso-week';
import { clipInterval, mergeIntervals, type Interval } from '../../../src/core/time/intervals';
import { addDays, wallClockToInstant, zonedDateOf } from '../../../src/core/time/zoned';

const SHANGHAI = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';
const at = (date: string, time: string, tz = SHANGHAI) => wallClockToInstant(date, time, tz);
const local = (date: string, from: string, to: string, toDate = date, tz = SHANGHAI): Interval => ({ start: at(date, from, tz), end: at(toDate, to, tz) });

describe('checkWeeklyQuota', () => {
  it('never complains without a quota', () => {
    expect(checkWeeklyQuota({ candidates: [local('2026-11-24', '08:00', '20:00')], alreadyHeld: [], quotaHours: null, tz: SHANGHAI })).toEqual([]);
  });

  it('allows reaching the quota exactly', () => {
    expect(
      checkWeeklyQuota({
        candidates: [local('2026-11-24', '19:00', '21:00')],
        alreadyHeld: [local('2026-11-26', '19:00', '21:00')],
        quotaHours: 4,
        tz: SHANGHAI,
      }),
    ).toEqual([]);
  });

  it('rejects going over, naming the week and the limit', () => {
    expect(
      checkWeeklyQuota({
        candidates: [local('2026-11-24', '19:00', '21:00')],
        alreadyHeld: [local('2026-11-26', '18:30', '21:00')],
        quotaHours: 4,
        tz: SHANGHAI,
      }),
    ).toEqual([
      {
        path: 'start',
        code: 'over_weekly_quota',
        message: 'must not exceed 4 hours per week in this room; the week of 2026-11-23 (2026-W48) would have 4.5 hours',
      },
    ]);
  });

  it('reports one violation per week over the quota, in week order', () => {
    const found = checkWeeklyQuota({
      candidates: [local('2026-12-08', '14:00', '17:00'), local('2026-11-24', '14:00', '17:00'), local('2026-12-01', '14:00', '16:00')],
      alreadyHeld: [local('2026-11-25', '14:00', '15:00'), local('2026-12-09', '14:00', '15:00')],
      quotaHours: 3.5,
      tz: SHANGHAI,
    });
    expect(found.map((v) => v.message)).toEqual([
      'must not exceed 3.5 hours per week in this room; the week of 2026-11-23 (2026-W48) would have 4 hours',
      'must not exceed 3.5 hours per week in this room; the week of 2026-12-07 (2026-W50) would have 4 hours',
    ]);
  });

  it('sums several candidates in the same week (a series counts in full)', () => {
    const found = checkWeeklyQuota({
      candidates: [local('2026-11-23', '09:00', '11:00'), local('2026-11-25', '09:00', '11:00')],
      alreadyHeld: [],
      quotaHours: 3,
      tz: SHANGHAI,
    });
    expect(found).toHaveLength(1);
  });

  it("splits weeks at Monday 00:00 in the centre's zone, not in UTC", () => {
    // Sunday 23:00–24:00 and Monday 00:00–01:00 in Shanghai are both on Sunday in UTC.
    const sundayLate = local('2026-11-29', '23:00', '24:00');
    const mondayEarly = local('2026-11-30', '00:00', '01:00');
    expect(sundayLate.start.getUTCDay()).toBe(0);
    expect(mondayEarly.start.getUTCDay()).toBe(0);
    expect(checkWeeklyQuota({ candidates: [sundayLate], alreadyHeld: [mondayEarly], quotaHours: 1, tz: SHANGHAI })).toEqual([]);
  });

  it('splits a booking across Sunday midnight between the two weeks', () => {
    const overnight = local('2026-11-29', '22:00', '02:00', '2026-11-30');
    expect(checkWeeklyQuota({ candidates: [overnight], alreadyHeld: [], quotaHours: 2, tz: SHANGHAI })).toEqual([]);
    expect(checkWeeklyQuota({ candidates: [overnight], alreadyHeld: [], quotaHours: 1.5, tz: SHANGHAI }).map((v) => v.message)).toEqual([
      'must not exceed 1.5 hours per week in this room; the week of 2026-11-23 (2026-W48) would have 2 hours',
      'must not exceed 1.5 hours per week in this room; the week of 2026-11-30 (2026-W49) would have 2 hours',
    ]);
  });

  it('does not judge weeks that no candidate touches', () => {
    expect(
      checkWeeklyQuota({
        candidates: [local('2026-12-01', '09:00', '10:00')],
        alreadyHeld: [local('2026-11-24', '09:00', '20:00')],
        quotaHours: 2,
        tz: SHANGHAI,
      }),
    ).toEqual([]);
  });

  it('counts overlapping time once', () => {
    const slot = local('2026-11-24', '09:00', '11:00');
    expect(checkWeeklyQuota({ candidates: [slot], alreadyHeld: [slot], quotaHours: 2, tz: SHANGHAI })).toEqual([]);
  });

  it('counts real hours in a DST week (Berlin, 00:00–06:00 on 2026-03-29 is 5 hours)', () => {
    const night = local('2026-03-29', '00:00', '06:00', '2026-03-29', BERLIN);
    expect(checkWeeklyQuota({ candidates: [night], alreadyHeld: [], quotaHours: 5, tz: BERLIN })).toEqual([]);
    expect(checkWeeklyQuota({ candidates: [night], alreadyHeld: [], quotaHours: 4.5, tz: BERLIN })).toHaveLength(1);
  });

  it('matches a per-week sum of the merged holdings (property)', () => {
    // Around each DST change of Berlin, London and New York and around New Year, four days either
    // side at quarter-hour steps, up to a day long: so across midnight, Sunday→Monday and the changes.
    const around = ['2026-03-08T07:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-11-01T06:00:00Z', '2026-12-31T16:00:00Z'];
    const interval = fc
      .tuple(fc.constantFrom(...around), fc.integer({ min: -4 * 24 * 4, max: 4 * 24 * 4 }), fc.integer({ min: 1, max: 48 }))
      .map(([pivot, q, len]) => {
        const start = new Date(Date.parse(pivot) + q * 15 * 60_000);
        return { start, end: new Date(start.getTime() + len * 30 * 60_000) };
      });
    fc.assert(
      fc.property(
        fc.array(interval, { minLength: 1, maxLength: 6 }),
        fc.array(interval, { maxLength: 8 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(BERLIN, SHANGHAI, LONDON, NEW_YORK),
        (candidates, alreadyHeld, quotaHours, tz) => {
          const union = mergeIntervals([...candidates, ...alreadyHeld]);
          const weeks = new Set(
            candidates.flatMap((c) => [isoWeekOf(zonedDateOf(c.start, tz)).monday, isoWeekOf(zonedDateOf(new Date(c.end.getTime() - 1), tz)).monday]),
          );
          const expectedOver = [...weeks]
            .filter((monday) => {
              const week = { start: wallClockToInstant(monday, '00:00', tz), end: wallClockToInstant(addDays(monday, 7), '00:00', tz) };
              const ms = union.reduce((sum, u) => {
                const clipped = clipInterval(u, week);
                return sum + (clipped ? clipped.end.getTime() - clipped.start.getTime() : 0);
              }, 0);
              return ms > quotaHours * 3_600_000;
            })
            .sort();
          const found = checkWeeklyQuota({ candidates, alreadyHeld, quotaHours, tz });
          expect(found.map((v) => v.message.match(/week of (\S+)/)![1])).toEqual(expectedOver);
        },
      ),
    );
  });
});
