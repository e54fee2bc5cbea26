import fc from 'fast-check';
import {
  clipInterval,
  mergeIntervals,
  overlaps,
  padInterval,
  subtractIntervals,
  type Interval,
} from '../../../src/core/time/intervals';

const BASE = Date.UTC(2026, 10, 24, 0, 0);
/** Interval from minute offsets after a fixed base, to keep expectations readable. */
const m = (from: number, to: number): Interval => ({ start: new Date(BASE + from * 60_000), end: new Date(BASE + to * 60_000) });
const asMinutes = (list: Interval[]) => list.map((i) => [(i.start.getTime() - BASE) / 60_000, (i.end.getTime() - BASE) / 60_000]);

describe('overlaps', () => {
  it.each([
    ['identical', m(0, 60), m(0, 60), true],
    ['partial overlap', m(0, 60), m(30, 90), true],
    ['containment', m(0, 120), m(30, 60), true],
    ['contained', m(30, 60), m(0, 120), true],
    ['touching end to start', m(0, 60), m(60, 120), false],
    ['touching start to end', m(60, 120), m(0, 60), false],
    ['disjoint', m(0, 30), m(60, 90), false],
    ['one millisecond of overlap', m(0, 60), { start: new Date(BASE + 60 * 60_000 - 1), end: new Date(BASE + 90 * 60_000) }, true],
    ['empty interval inside another', m(30, 30), m(0, 60), false],
    ['inverted interval', m(60, 0), m(0, 60), false],
  ])('%s', (_name, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe('mergeIntervals', () => {
  it('returns an empty list for no input', () => {
    expect(mergeIntervals([])).toEqual([]);
  });

  it('sorts and merges overlapping and touching intervals, keeping gaps', () => {
    expect(asMinutes(mergeIntervals([m(100, 120), m(0, 30), m(30, 45), m(40, 50), m(60, 70)]))).toEqual([
      [0, 50],
      [60, 70],
      [100, 120],
    ]);
  });

  it('absorbs contained intervals and drops empty or inverted ones', () => {
    expect(asMinutes(mergeIntervals([m(0, 100), m(10, 20), m(50, 50), m(90, 80)]))).toEqual([[0, 100]]);
  });

  it('does not mutate or alias its input', () => {
    const input = [m(0, 30), m(10, 40)];
    const out = mergeIntervals(input);
    out[0]!.start.setTime(0);
    expect(asMinutes(input)).toEqual([
      [0, 30],
      [10, 40],
    ]);
  });
});

describe('subtractIntervals', () => {
  it('cuts holes, trims edges and removes covered pieces', () => {
    expect(asMinutes(subtractIntervals([m(0, 100), m(200, 300)], [m(10, 20), m(90, 210), m(250, 400)]))).toEqual([
      [0, 10],
      [20, 90],
      [210, 250],
    ]);
  });

  it('leaves `from` untouched (but merged) when nothing is subtracted', () => {
    expect(asMinutes(subtractIntervals([m(30, 60), m(0, 30)], []))).toEqual([[0, 60]]);
  });

  it('returns nothing when `minus` covers everything', () => {
    expect(subtractIntervals([m(0, 60)], [m(-10, 30), m(30, 70)])).toEqual([]);
  });

  it('keeps pieces that only touch a subtracted interval', () => {
    expect(asMinutes(subtractIntervals([m(0, 60)], [m(60, 90), m(-30, 0)]))).toEqual([[0, 60]]);
  });
});

describe('padInterval', () => {
  it('widens both sides by the given minutes', () => {
    expect(asMinutes([padInterval(m(60, 120), 15)])).toEqual([[45, 135]]);
  });

  it('is the identity for 0 minutes', () => {
    expect(asMinutes([padInterval(m(60, 120), 0)])).toEqual([[60, 120]]);
  });
});

describe('clipInterval', () => {
  it('returns the part inside the bounds', () => {
    expect(asMinutes([clipInterval(m(0, 100), m(50, 200))!])).toEqual([[50, 100]]);
    expect(asMinutes([clipInterval(m(60, 70), m(0, 200))!])).toEqual([[60, 70]]);
  });

  it('returns null when nothing or only a touching point remains', () => {
    expect(clipInterval(m(0, 50), m(50, 100))).toBeNull();
    expect(clipInterval(m(0, 10), m(20, 30))).toBeNull();
  });
});

describe('interval algebra (properties)', () => {
  const interval = fc
    .tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 300 }))
    .map(([start, length]) => m(start, start + length));
  const list = fc.array(interval, { maxLength: 12 });
  const minutesIn = (l: Interval[]) => l.reduce((sum, i) => sum + (i.end.getTime() - i.start.getTime()) / 60_000, 0);
  const covers = (l: Interval[], t: number) => l.some((i) => i.start.getTime() <= t && t < i.end.getTime());

  it('merge is idempotent, sorted, disjoint and non-touching', () => {
    fc.assert(
      fc.property(list, (l) => {
        const once = mergeIntervals(l);
        expect(asMinutes(mergeIntervals(once))).toEqual(asMinutes(once));
        for (let k = 1; k < once.length; k++) expect(once[k]!.start.getTime()).toBeGreaterThan(once[k - 1]!.end.getTime());
      }),
    );
  });

  it('merge covers exactly the same instants as its input', () => {
    fc.assert(
      fc.property(list, fc.integer({ min: -10, max: 2400 }), (l, minute) => {
        const t = BASE + minute * 60_000;
        expect(covers(mergeIntervals(l), t)).toBe(covers(l, t));
      }),
    );
  });

  it('subtract results are inside `from`, disjoint from `minus`, and miss no instant', () => {
    fc.assert(
      fc.property(list, list, fc.integer({ min: -10, max: 2400 }), (from, minus, minute) => {
        const result = subtractIntervals(from, minus);
        for (const r of result) {
          expect(minus.some((x) => overlaps(r, x))).toBe(false);
          expect(mergeIntervals(from).some((f) => f.start <= r.start && r.end <= f.end)).toBe(true);
        }
        const t = BASE + minute * 60_000;
        expect(covers(result, t)).toBe(covers(from, t) && !covers(minus, t));
      }),
    );
  });

  it('measure of subtract + measure of intersection = measure of from', () => {
    fc.assert(
      fc.property(list, list, (from, minus) => {
        const kept = minutesIn(subtractIntervals(from, minus));
        const removed = minutesIn(subtractIntervals(from, subtractIntervals(from, minus)));
        expect(kept + removed).toBe(minutesIn(mergeIntervals(from)));
      }),
    );
  });

  it('overlaps agrees with a non-null clip', () => {
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        expect(overlaps(a, b)).toBe(clipInterval(a, b) !== null);
      }),
    );
  });
});
