import fc from 'fast-check';
import { MAX_SERIES_OCCURRENCES, expandWeeklySeries } from '../../../src/core/reservations/weekly-series';
import type { Interval } from '../../../src/core/time/intervals';
import { addDays, daysBetween, isoWeekdayOf, wallClockToInstant, zonedDateOf, zonedWallTimeOf } from '../../../src/core/time/zoned';
import { showsWallTime } from '../time/wall-clock';

const SHANGHAI = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const LONDON = 'Europe/London';
const local = (date: string, from: string, to: string, tz: string, toDate = date): Interval => ({
  start: wallClockToInstant(date, from, tz),
  end: wallClockToInstant(toDate, to, tz),
});
const starts = (list: Interval[]) => list.map((i) => i.start.toISOString());
const wall = (list: Interval[], tz: string) => list.map((i) => `${zonedDateOf(i.start, tz)} ${zonedWallTimeOf(i.start, tz)}–${zonedWallTimeOf(i.end, tz)}`);

describe('expandWeeklySeries', () => {
  it('repeats every 7 days up to and including `until` (Shanghai)', () => {
    const series = expandWeeklySeries(local('2026-11-24', '19:00', '21:00', SHANGHAI), '2026-12-15', SHANGHAI);
    expect(wall(series, SHANGHAI)).toEqual(['2026-11-24 19:00–21:00', '2026-12-01 19:00–21:00', '2026-12-08 19:00–21:00', '2026-12-15 19:00–21:00']);
    expect(starts(series)).toEqual(['2026-11-24T11:00:00.000Z', '2026-12-01T11:00:00.000Z', '2026-12-08T11:00:00.000Z', '2026-12-15T11:00:00.000Z']);
  });

  it('stops before a week past `until`', () => {
    expect(expandWeeklySeries(local('2026-11-24', '19:00', '21:00', SHANGHAI), '2026-12-14', SHANGHAI)).toHaveLength(3);
  });

  it('returns just the first occurrence when `until` is its date, and nothing when `until` is earlier', () => {
    const first = local('2026-11-24', '19:00', '21:00', SHANGHAI);
    expect(expandWeeklySeries(first, '2026-11-24', SHANGHAI)).toEqual([first]);
    expect(expandWeeklySeries(first, '2026-11-23', SHANGHAI)).toEqual([]);
  });

  it("compares `until` with the occurrence's local date, not its UTC date", () => {
    // 07:00 in Shanghai on the 24th is still the 23rd in UTC.
    const early = local('2026-11-24', '07:00', '08:00', SHANGHAI);
    expect(early.start.toISOString().slice(0, 10)).toBe('2026-11-23');
    expect(expandWeeklySeries(early, '2026-11-24', SHANGHAI)).toHaveLength(1);
  });

  it('returns copies, so callers cannot change the input through the result', () => {
    const first = local('2026-11-24', '19:00', '21:00', SHANGHAI);
    const [copy] = expandWeeklySeries(first, '2026-11-24', SHANGHAI);
    copy!.start.setTime(0);
    expect(first.start.toISOString()).toBe('2026-11-24T11:00:00.000Z');
  });

  it('keeps 19:00 local across the Berlin spring-forward Sunday (2026-03-29), shifting the UTC instant', () => {
    const series = expandWeeklySeries(local('2026-03-22', '19:00', '21:00', BERLIN), '2026-04-05', BERLIN);
    expect(wall(series, BERLIN)).toEqual(['2026-03-22 19:00–21:00', '2026-03-29 19:00–21:00', '2026-04-05 19:00–21:00']);
    expect(starts(series)).toEqual(['2026-03-22T18:00:00.000Z', '2026-03-29T17:00:00.000Z', '2026-04-05T17:00:00.000Z']);
    expect(series.every((o) => o.end.getTime() - o.start.getTime() === 2 * 3_600_000)).toBe(true);
  });

  it('keeps 19:00 local across the Berlin fall-back Sunday (2026-10-25)', () => {
    const series = expandWeeklySeries(local('2026-10-18', '19:00', '21:00', BERLIN), '2026-10-25', BERLIN);
    expect(starts(series)).toEqual(['2026-10-18T17:00:00.000Z', '2026-10-25T18:00:00.000Z']);
  });

  it('keeps 19:00 local across the New York change (2026-03-08)', () => {
    const series = expandWeeklySeries(local('2026-03-03', '19:00', '20:00', NEW_YORK), '2026-03-10', NEW_YORK);
    expect(starts(series)).toEqual(['2026-03-04T00:00:00.000Z', '2026-03-10T23:00:00.000Z']);
  });

  it('repeats an occurrence that ends on the next local day', () => {
    const series = expandWeeklySeries(local('2026-11-27', '22:00', '01:00', SHANGHAI, '2026-11-28'), '2026-12-04', SHANGHAI);
    expect(series.map((o) => [zonedDateOf(o.end, SHANGHAI), zonedWallTimeOf(o.end, SHANGHAI)])).toEqual([
      ['2026-11-28', '01:00'],
      ['2026-12-05', '01:00'],
    ]);
  });

  it('follows the DST policy for a 02:30 series that lands in the spring-forward gap', () => {
    const series = expandWeeklySeries(local('2026-03-22', '02:30', '03:30', BERLIN), '2026-03-29', BERLIN);
    expect(wall(series, BERLIN)).toEqual(['2026-03-22 02:30–03:30', '2026-03-29 03:00–03:30']);
  });

  it('stops generating at 53 occurrences however far `until` is', () => {
    expect(MAX_SERIES_OCCURRENCES).toBe(52);
    const first = local('2026-11-24', '19:00', '21:00', SHANGHAI);
    expect(expandWeeklySeries(first, addDays('2026-11-24', 7 * 51), SHANGHAI)).toHaveLength(52);
    expect(expandWeeklySeries(first, addDays('2026-11-24', 7 * 52), SHANGHAI)).toHaveLength(53);
    expect(expandWeeklySeries(first, '9999-12-31', SHANGHAI)).toHaveLength(53);
  });

  it('rejects a malformed `until`', () => {
    expect(() => expandWeeklySeries(local('2026-11-24', '19:00', '21:00', SHANGHAI), '2026-13-01', SHANGHAI)).toThrow(RangeError);
  });

  it('keeps weekday, wall-clock times and 7-day spacing at any time of day, across DST changes, midnight and week ends (property)', () => {
    const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(
        fc.constantFrom(SHANGHAI, BERLIN, NEW_YORK, LONDON),
        // Any day of 2026–2028 (each with its DST changes), any start minute, up to a whole day long.
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.integer({ min: 1, max: 24 * 60 }),
        fc.integer({ min: 0, max: 60 * 7 }),
        (tz, day, startMinute, length, untilOffset) => {
          const date = addDays('2026-01-01', day);
          const endMinute = startMinute + length;
          const endDayOffset = Math.floor(endMinute / (24 * 60));
          const [startTime, endTime] = [hhmm(startMinute), hhmm(endMinute % (24 * 60))];
          const first = local(date, startTime, endTime, tz, addDays(date, endDayOffset));
          // A first occurrence that starts or ends in a DST gap is not a request anyone can make: the
          // form offers only times the clock shows. (Later ones landing in a gap have their own test.)
          fc.pre(first.end > first.start && zonedWallTimeOf(first.start, tz) === startTime && zonedWallTimeOf(first.end, tz) === endTime);
          const until = addDays(date, untilOffset);
          const series = expandWeeklySeries(first, until, tz);
          expect(series).toHaveLength(Math.min(Math.floor(untilOffset / 7) + 1, MAX_SERIES_OCCURRENCES + 1));
          series.forEach((o, k) => {
            const d = zonedDateOf(o.start, tz);
            expect(daysBetween(date, d)).toBe(7 * k);
            expect(isoWeekdayOf(d)).toBe(isoWeekdayOf(date));
            expect([k, zonedWallTimeOf(o.start, tz), showsWallTime(o.start, tz, startTime)]).toEqual([k, expect.any(String), true]);
            expect([k, daysBetween(d, zonedDateOf(o.end, tz))]).toEqual([k, endDayOffset]);
            expect([k, zonedWallTimeOf(o.end, tz), showsWallTime(o.end, tz, endTime)]).toEqual([k, expect.any(String), true]);
            // Real length differs from the wall-clock length by at most the hour a DST change adds or
            // takes. (Not from the first's: the first can gain an hour in autumn and a later one lose
            // one in spring, two hours apart, e.g. London from 2026-10-24 05:48 to 02:00 the next day.)
            expect(Math.abs(o.end.getTime() - o.start.getTime() - length * 60_000)).toBeLessThanOrEqual(3_600_000);
            if (k > 0) expect(o.start.getTime()).toBeGreaterThan(series[k - 1].start.getTime());
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
