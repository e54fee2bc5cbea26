import fc from 'fast-check';
import { findConflicts, type Hold } from '../../../src/core/reservations/conflicts';
import { overlaps, padInterval, type Interval } from '../../../src/core/time/intervals';

const BASE = Date.UTC(2026, 10, 24, 0, 0);
const m = (from: number, to: number): Interval => ({ start: new Date(BASE + from * 60_000), end: new Date(BASE + to * 60_000) });
const hold = (from: number, to: number, kind: Hold['kind'] = 'reservation'): Hold => ({ ...m(from, to), kind });

describe('findConflicts', () => {
  it('finds nothing without holds or candidates', () => {
    expect(findConflicts([m(0, 60)], [], 15)).toEqual([]);
    expect(findConflicts([], [hold(0, 60)], 15)).toEqual([]);
  });

  it('reports an overlapping hold', () => {
    const h = hold(30, 90);
    expect(findConflicts([m(0, 60)], [h], 0)).toEqual([{ candidate: m(0, 60), with: [h] }]);
  });

  it('lets bookings touch when there is no buffer', () => {
    expect(findConflicts([m(60, 120)], [hold(0, 60), hold(120, 180)], 0)).toEqual([]);
  });

  it('keeps the buffer on both sides', () => {
    expect(findConflicts([m(60, 120)], [hold(0, 50)], 15)).toHaveLength(1);
    expect(findConflicts([m(60, 120)], [hold(130, 200)], 15)).toHaveLength(1);
    expect(findConflicts([m(60, 120)], [hold(0, 45), hold(135, 200)], 15)).toEqual([]);
  });

  it('lists every hold a candidate clashes with and keeps their kinds', () => {
    const holds = [hold(0, 30, 'course'), hold(40, 50, 'event'), hold(200, 300, 'closure')];
    const [conflict] = findConflicts([m(20, 60)], holds, 0);
    expect(conflict!.with.map((h) => h.kind)).toEqual(['course', 'event']);
  });

  it('returns only the clashing candidates, in the order given', () => {
    const candidates = [m(0, 30), m(100, 130), m(200, 230), m(300, 330)];
    const found = findConflicts(candidates, [hold(110, 120), hold(310, 400)], 0);
    expect(found.map((c) => c.candidate)).toEqual([candidates[1], candidates[3]]);
  });

  it('ignores empty holds', () => {
    expect(findConflicts([m(0, 60)], [hold(30, 30)], 0)).toEqual([]);
  });

  describe('first-come booking never double-books (property)', () => {
    const request = fc.record({
      startQuarter: fc.integer({ min: 0, max: 4 * 24 * 3 }),
      lengthQuarters: fc.integer({ min: 1, max: 16 }),
      weeks: fc.integer({ min: 1, max: 3 }),
    });
    const WEEK = 7 * 24 * 60;
    const toCandidates = (r: { startQuarter: number; lengthQuarters: number; weeks: number }) =>
      Array.from({ length: r.weeks }, (_, w) => m(r.startQuarter * 15 + w * WEEK, (r.startQuarter + r.lengthQuarters) * 15 + w * WEEK));
    const gapMs = (a: Interval, b: Interval) => Math.max(a.start.getTime() - b.end.getTime(), b.start.getTime() - a.end.getTime());

    it('accepted bookings stay buffer-apart, and a rejection always names a real clash', () => {
      fc.assert(
        fc.property(fc.array(request, { maxLength: 40 }), fc.constantFrom(0, 10, 15, 30, 60), (requests, buffer) => {
          const accepted: Interval[] = [];
          for (const r of requests) {
            const candidates = toCandidates(r);
            const conflicts = findConflicts(candidates, accepted, buffer);
            if (conflicts.length === 0) {
              accepted.push(...candidates);
            } else {
              // A rejected request really is closer than the buffer to something accepted.
              for (const c of conflicts) for (const w of c.with) expect(gapMs(c.candidate, w)).toBeLessThan(buffer * 60_000);
            }
          }
          for (let i = 0; i < accepted.length; i++) {
            for (let j = 0; j < accepted.length; j++) {
              if (i === j) continue;
              expect(overlaps(padInterval(accepted[i]!, buffer), accepted[j]!)).toBe(false);
              expect(gapMs(accepted[i]!, accepted[j]!)).toBeGreaterThanOrEqual(buffer * 60_000);
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});
