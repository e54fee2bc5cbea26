import fc from 'fast-check';
import { dayAvailability, rangeAvailability, type DayAvailability } from '../../../src/core/availability/day-availability';
import { DEFAULT_CENTRE_HOURS, WEEKDAYS, type WeeklyHours } from '../../../src/core/hours/opening-hours';
import { findConflicts, type Hold } from '../../../src/core/reservations/conflicts';
import { mergeIntervals, overlaps, subtractIntervals, type Interval } from '../../../src/core/time/intervals';
import { addDays, dayBounds, wallClockToInstant, zonedWallTimeOf } from '../../../src/core/time/zoned';

const SHANGHAI = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const HOUR = 3_600_000;
const at = (date: string, time: string, tz = SHANGHAI) => wallClockToInstant(date, time, tz);
const local = (date: string, from: string, to: string, tz = SHANGHAI, toDate = date): Interval => ({ start: at(date, from, tz), end: at(toDate, to, tz) });
const hold = (kind: Hold['kind'], date: string, from: string, to: string, tz = SHANGHAI): Hold => ({ ...local(date, from, to, tz), kind });
const wall = (list: Interval[], tz = SHANGHAI) => list.map((i) => `${zonedWallTimeOf(i.start, tz)}–${zonedWallTimeOf(i.end, tz)}`);
const busyWall = (a: DayAvailability, tz = SHANGHAI) => a.busy.map((b) => `${b.kind} ${zonedWallTimeOf(b.start, tz)}–${zonedWallTimeOf(b.end, tz)}`);
const hoursIn = (list: Interval[]) => list.reduce((s, i) => s + i.end.getTime() - i.start.getTime(), 0) / HOUR;

/** Monday. */
const DAY = '2026-11-23';
const base = { tz: SHANGHAI, hours: DEFAULT_CENTRE_HOURS, closures: [] as Interval[], holds: [] as Hold[], bufferMinutes: 0 };

describe('dayAvailability', () => {
  it('is all free on an open day without holds', () => {
    const a = dayAvailability({ ...base, date: DAY });
    expect(a.date).toBe(DAY);
    expect(wall(a.open)).toEqual(['08:30–12:00', '14:00–21:00']);
    expect(a.busy).toEqual([]);
    expect(a.free).toEqual(a.open);
  });

  it('subtracts holds, buffers and closures, clipping them to the day', () => {
    const a = dayAvailability({
      ...base,
      date: DAY,
      holds: [hold('reservation', DAY, '09:00', '10:00'), hold('course', DAY, '15:00', '17:00')],
      closures: [local(DAY, '19:00', '10:00', SHANGHAI, addDays(DAY, 1))],
      bufferMinutes: 15,
    });
    expect(busyWall(a)).toEqual([
      'buffer 08:45–09:00',
      'reservation 09:00–10:00',
      'buffer 10:00–10:15',
      'buffer 14:45–15:00',
      'course 15:00–17:00',
      'buffer 17:00–17:15',
      'closure 19:00–00:00',
    ]);
    expect(a.busy.at(-1)!.end).toEqual(dayBounds(DAY, SHANGHAI).end);
    expect(wall(a.free)).toEqual(['08:30–08:45', '10:15–12:00', '14:00–14:45', '17:15–19:00']);
  });

  it('adds no buffer between back-to-back holds or inside a closure', () => {
    const a = dayAvailability({
      ...base,
      date: DAY,
      holds: [hold('reservation', DAY, '10:00', '11:00'), hold('event', DAY, '11:00', '11:30')],
      closures: [local(DAY, '11:30', '14:00')],
      bufferMinutes: 30,
    });
    expect(busyWall(a)).toEqual(['buffer 09:30–10:00', 'reservation 10:00–11:00', 'event 11:00–11:30', 'closure 11:30–14:00']);
    expect(wall(a.free)).toEqual(['08:30–09:30', '14:00–21:00']);
  });

  it('trims a buffer that a neighbouring hold partly covers', () => {
    const a = dayAvailability({
      ...base,
      date: DAY,
      holds: [hold('reservation', DAY, '10:00', '11:00'), hold('course', DAY, '11:10', '12:00')],
      bufferMinutes: 30,
    });
    expect(busyWall(a)).toEqual([
      'buffer 09:30–10:00',
      'reservation 10:00–11:00',
      'buffer 11:00–11:10',
      'course 11:10–12:00',
      'buffer 12:00–12:30',
    ]);
  });

  it('includes holds and buffers reaching in from neighbouring days', () => {
    const yesterday = addDays(DAY, -1);
    const a = dayAvailability({
      ...base,
      date: DAY,
      hours: { mon: [{ start: '00:00', end: '24:00' }] },
      holds: [hold('event', yesterday, '22:00', '24:00'), { ...local(addDays(DAY, 1), '00:30', '02:00'), kind: 'reservation' }],
      bufferMinutes: 60,
    });
    expect(busyWall(a)).toEqual(['buffer 00:00–01:00', 'buffer 23:30–00:00']);
    expect(wall(a.free)).toEqual(['01:00–23:30']);
  });

  it('keeps a hold outside opening hours as busy but does not change free time', () => {
    const a = dayAvailability({ ...base, date: DAY, holds: [hold('course', DAY, '12:00', '14:00')] });
    expect(busyWall(a)).toEqual(['course 12:00–14:00']);
    expect(a.free).toEqual(a.open);
  });

  it('has nothing open or free on a closed day', () => {
    const a = dayAvailability({ ...base, date: DAY, hours: { sat: [{ start: '09:00', end: '17:00' }] }, holds: [hold('event', DAY, '09:00', '10:00')] });
    expect(a.open).toEqual([]);
    expect(a.free).toEqual([]);
    expect(busyWall(a)).toEqual(['event 09:00–10:00']);
  });

  it('computes the Berlin spring-forward Sunday (2026-03-29) as a 23-hour day', () => {
    const sunday: WeeklyHours = { sun: [{ start: '00:00', end: '24:00' }] };
    const empty = dayAvailability({ ...base, tz: BERLIN, hours: sunday, date: '2026-03-29' });
    expect(hoursIn(empty.open)).toBe(23);
    expect(hoursIn(empty.free)).toBe(23);
    const night = dayAvailability({ ...base, tz: BERLIN, hours: sunday, date: '2026-03-29', holds: [hold('event', '2026-03-29', '00:00', '06:00', BERLIN)] });
    expect(hoursIn(night.busy)).toBe(5);
    expect(hoursIn(night.free)).toBe(18);
    expect(wall(night.free, BERLIN)).toEqual(['06:00–00:00']);
  });

  it('computes the Berlin fall-back Sunday (2026-10-25) as a 25-hour day', () => {
    const sunday: WeeklyHours = { sun: [{ start: '00:00', end: '24:00' }] };
    const a = dayAvailability({ ...base, tz: BERLIN, hours: sunday, date: '2026-10-25' });
    expect(hoursIn(a.free)).toBe(25);
  });
});

describe('rangeAvailability', () => {
  it('returns one day per date, both ends included', () => {
    const holds = [hold('reservation', '2026-11-24', '09:00', '10:00')];
    const days = rangeAvailability({ ...base, holds, from: '2026-11-23', to: '2026-11-29' });
    expect(days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    days.forEach((d) => expect(d).toEqual(dayAvailability({ ...base, holds, date: d.date })));
    expect(wall(days[5]!.open)).toEqual(['09:00–17:00']);
  });

  it('is empty when `to` is before `from`', () => {
    expect(rangeAvailability({ ...base, from: '2026-11-24', to: '2026-11-23' })).toEqual([]);
  });
});

describe('dayAvailability invariants (property)', () => {
  const toTime = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const period = fc.tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 40 })).map(([a, len]) => ({
    start: toTime(a * 15),
    end: toTime(Math.min(1440, (a + len) * 15)),
  }));
  const hours = fc
    .tuple(...WEEKDAYS.map(() => fc.array(period, { maxLength: 3 })))
    .map((days) => Object.fromEntries(WEEKDAYS.map((d, k) => [d, days[k]!])) as WeeklyHours);
  const scenario = fc
    .record({
      tz: fc.constantFrom(SHANGHAI, BERLIN, 'America/New_York'),
      date: fc.constantFrom('2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01', '2026-11-23', '2026-06-15'),
      hours,
      bufferMinutes: fc.constantFrom(0, 5, 15, 30, 60),
      holdSpecs: fc.array(
        fc.record({
          kind: fc.constantFrom<Hold['kind']>('reservation', 'course', 'event', 'closure'),
          startMinute: fc.integer({ min: -24 * 60, max: 48 * 60 }),
          minutes: fc.integer({ min: 0, max: 600 }),
        }),
        { maxLength: 8 },
      ),
      closureSpecs: fc.array(fc.record({ startMinute: fc.integer({ min: -24 * 60, max: 48 * 60 }), minutes: fc.integer({ min: 1, max: 900 }) }), {
        maxLength: 3,
      }),
    })
    .map((s) => {
      const dayStart = wallClockToInstant(s.date, '00:00', s.tz).getTime();
      const span = (startMinute: number, minutes: number) => ({
        start: new Date(dayStart + startMinute * 60_000),
        end: new Date(dayStart + (startMinute + minutes) * 60_000),
      });
      return {
        tz: s.tz,
        date: s.date,
        hours: s.hours,
        bufferMinutes: s.bufferMinutes,
        holds: s.holdSpecs.map((h) => ({ ...span(h.startMinute, h.minutes), kind: h.kind })),
        closures: s.closureSpecs.map((c) => span(c.startMinute, c.minutes)),
      };
    });

  const sortedAndDisjoint = (list: Interval[]) => list.every((x, k) => k === 0 || list[k - 1]!.end.getTime() < x.start.getTime());

  it('free and busy never overlap, open = free ∪ busy within open, free ⊆ open, all sorted', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const a = dayAvailability(input);
        const day = dayBounds(input.date, input.tz);

        for (const f of a.free) for (const b of a.busy) expect(overlaps(f, b)).toBe(false);
        expect(subtractIntervals(a.open, [...a.free, ...a.busy])).toEqual([]);
        expect(subtractIntervals(a.free, a.open)).toEqual([]);

        expect(sortedAndDisjoint(a.open)).toBe(true);
        expect(sortedAndDisjoint(a.free)).toBe(true);
        for (let k = 1; k < a.busy.length; k++) {
          const [p, q] = [a.busy[k - 1]!, a.busy[k]!];
          expect(p.start.getTime() < q.start.getTime() || (p.start.getTime() === q.start.getTime() && p.end.getTime() <= q.end.getTime())).toBe(true);
        }
        for (const b of [...a.busy, ...a.open]) {
          expect(b.start.getTime()).toBeGreaterThanOrEqual(day.start.getTime());
          expect(b.end.getTime()).toBeLessThanOrEqual(day.end.getTime());
          expect(b.start.getTime()).toBeLessThan(b.end.getTime());
        }
      }),
      { numRuns: 400 },
    );
  });

  it('busy covers exactly the holds, closures and buffers within the day', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const a = dayAvailability(input);
        const day = dayBounds(input.date, input.tz);
        const expected = subtractIntervals(
          [day],
          subtractIntervals(
            [day],
            [...input.holds, ...input.closures, ...input.holds.filter((h) => h.start < h.end).map((h) => ({
              start: new Date(h.start.getTime() - input.bufferMinutes * 60_000),
              end: new Date(h.end.getTime() + input.bufferMinutes * 60_000),
            }))],
          ),
        );
        expect(mergeIntervals(a.busy)).toEqual(expected);
        const buffers = a.busy.filter((b) => b.kind === 'buffer');
        const occupied = a.busy.filter((b) => b.kind !== 'buffer');
        for (const b of buffers) for (const o of occupied) expect(overlaps(b, o)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('every free interval passes findConflicts against the same holds and buffer', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const a = dayAvailability(input);
        expect(findConflicts(a.free, input.holds, input.bufferMinutes)).toEqual([]);
        for (const f of a.free) for (const c of input.closures) expect(overlaps(f, c)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
