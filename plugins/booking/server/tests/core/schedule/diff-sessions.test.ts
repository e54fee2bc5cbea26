import fc from 'fast-check';
import { diffSessions, type ExistingSession, type WantedSession } from '../../../src/core/schedule/diff-sessions';

const SHANGHAI = 'Asia/Shanghai';
const now = new Date('2026-09-10T00:00:00Z');
const at = (iso: string) => new Date(iso);
const slot = (startIso: string, minutes = 90): WantedSession => {
  const start = at(startIso);
  return { start, end: new Date(start.getTime() + minutes * 60_000) };
};
const session = (id: string, startIso: string, enrolled = 0, status: ExistingSession['status'] = 'scheduled', minutes = 90): ExistingSession => ({
  id, ...slot(startIso, minutes), enrolled, status,
});

describe('diffSessions', () => {
  it('keeps everything when nothing changed', () => {
    const existing = [session('a', '2026-09-15T11:00:00Z', 3), session('b', '2026-09-22T11:00:00Z')];
    const diff = diffSessions(existing, [slot('2026-09-22T11:00:00Z'), slot('2026-09-15T11:00:00Z')], now);
    expect(diff).toEqual({
      keep: [{ id: 'a', ...slot('2026-09-15T11:00:00Z') }, { id: 'b', ...slot('2026-09-22T11:00:00Z') }],
      update: [], create: [], remove: [], orphaned: [],
    });
  });

  it('updates the end when only the duration changed, keeping the session and its enrolments', () => {
    const diff = diffSessions([session('a', '2026-09-15T11:00:00Z', 3)], [slot('2026-09-15T11:00:00Z', 120)], now);
    expect(diff.update).toEqual([{ id: 'a', ...slot('2026-09-15T11:00:00Z', 120) }]);
    expect(diff.keep).toEqual([]);
    expect(diff.create).toEqual([]);
  });

  it('creates the sessions that are new', () => {
    const diff = diffSessions([session('a', '2026-09-15T11:00:00Z')], [slot('2026-09-29T11:00:00Z'), slot('2026-09-15T11:00:00Z'), slot('2026-09-22T11:00:00Z')], now);
    expect(diff.create).toEqual([slot('2026-09-22T11:00:00Z'), slot('2026-09-29T11:00:00Z')]);
  });

  it('removes an unwanted future session nobody is enrolled on', () => {
    const diff = diffSessions([session('a', '2026-09-15T11:00:00Z'), session('b', '2026-09-22T11:00:00Z')], [slot('2026-09-15T11:00:00Z')], now);
    expect(diff.remove).toEqual([{ id: 'b' }]);
    expect(diff.orphaned).toEqual([]);
  });

  it('reports an unwanted future session with enrolments as orphaned, never removes it', () => {
    const diff = diffSessions([session('a', '2026-09-15T11:00:00Z', 4)], [], now);
    expect(diff.orphaned).toEqual([{ id: 'a', enrolled: 4 }]);
    expect(diff.remove).toEqual([]);
    expect(diff.keep).toEqual([]);
  });

  it('never touches past sessions, wanted or not, nor one that started exactly at now', () => {
    const existing = [
      session('past-enrolled', '2026-09-01T11:00:00Z', 5),
      session('past-empty', '2026-09-08T11:00:00Z', 0),
      session('starting-now', '2026-09-10T00:00:00Z', 0),
    ];
    const diff = diffSessions(existing, [slot('2026-09-01T11:00:00Z', 120)], now);
    expect(diff.keep.map((s) => s.id)).toEqual(['past-enrolled', 'past-empty', 'starting-now']);
    expect(diff.keep[0]).toEqual({ id: 'past-enrolled', ...slot('2026-09-01T11:00:00Z') });
    expect(diff).toMatchObject({ update: [], create: [], remove: [], orphaned: [] });
  });

  it('does not create sessions at or before now', () => {
    const diff = diffSessions([], [slot('2026-09-09T11:00:00Z'), slot('2026-09-10T00:00:00Z'), slot('2026-09-10T00:00:01Z')], now);
    expect(diff.create).toEqual([slot('2026-09-10T00:00:01Z')]);
  });

  it('a cancelled session that is still wanted stays (and stays cancelled): nothing new is created for it', () => {
    const diff = diffSessions([session('c', '2026-09-15T11:00:00Z', 0, 'cancelled')], [slot('2026-09-15T11:00:00Z')], now);
    expect(diff.keep).toEqual([{ id: 'c', ...slot('2026-09-15T11:00:00Z') }]);
    expect(diff.create).toEqual([]);
  });

  it('an unwanted cancelled session follows the same rule as any other', () => {
    const diff = diffSessions([session('c0', '2026-09-15T11:00:00Z', 0, 'cancelled'), session('c2', '2026-09-22T11:00:00Z', 2, 'cancelled')], [], now);
    expect(diff.remove).toEqual([{ id: 'c0' }]);
    expect(diff.orphaned).toEqual([{ id: 'c2', enrolled: 2 }]);
  });

  it('of two existing sessions at the same start, matches the scheduled one, then the fuller one', () => {
    const existing = [
      session('cancelled', '2026-09-15T11:00:00Z', 9, 'cancelled'),
      session('empty', '2026-09-15T11:00:00Z', 0),
      session('full', '2026-09-15T11:00:00Z', 6),
    ];
    const diff = diffSessions(existing, [slot('2026-09-15T11:00:00Z')], now);
    expect(diff.keep.map((s) => s.id)).toEqual(['full']);
    expect(diff.remove).toEqual([{ id: 'empty' }]);
    expect(diff.orphaned).toEqual([{ id: 'cancelled', enrolled: 9 }]);
  });

  it('creates a doubly wanted start once', () => {
    expect(diffSessions([], [slot('2026-09-15T11:00:00Z'), slot('2026-09-15T11:00:00Z')], now).create).toHaveLength(1);
  });

  describe('a change of class time', () => {
    const existing = [
      session('past', '2026-09-08T11:00:00Z', 5),
      session('a', '2026-09-15T11:00:00Z', 5),
      session('b', '2026-09-22T11:00:00Z', 0),
    ];
    const wanted = ['2026-09-08T11:30:00Z', '2026-09-15T11:30:00Z', '2026-09-22T11:30:00Z'].map((s) => slot(s));

    it('without a zone: enrolled sessions are orphaned, empty ones replaced', () => {
      const diff = diffSessions(existing, wanted, now);
      expect(diff.orphaned).toEqual([{ id: 'a', enrolled: 5 }]);
      expect(diff.remove).toEqual([{ id: 'b' }]);
      expect(diff.create).toEqual([slot('2026-09-15T11:30:00Z'), slot('2026-09-22T11:30:00Z')]);
      expect(diff.keep.map((s) => s.id)).toEqual(['past']);
    });

    it('with the zone: each future session moves to the new time on its local date, keeping its enrolments', () => {
      const diff = diffSessions(existing, wanted, now, { tz: SHANGHAI });
      expect(diff.update).toEqual([
        { id: 'a', ...slot('2026-09-15T11:30:00Z') },
        { id: 'b', ...slot('2026-09-22T11:30:00Z') },
      ]);
      expect(diff).toMatchObject({ create: [], remove: [], orphaned: [] });
      expect(diff.keep.map((s) => s.id)).toEqual(['past']);
    });

    it('pairs by the local date, not the UTC date (07:00 → 08:00 in Shanghai crosses UTC midnight)', () => {
      const diff = diffSessions([session('a', '2026-09-14T23:00:00Z', 2)], [slot('2026-09-15T00:00:00Z')], now, { tz: SHANGHAI });
      expect(diff.update).toEqual([{ id: 'a', ...slot('2026-09-15T00:00:00Z') }]);
    });

    it('does not pair across local dates', () => {
      const diff = diffSessions([session('a', '2026-09-15T11:00:00Z', 2)], [slot('2026-09-16T11:00:00Z')], now, { tz: SHANGHAI });
      expect(diff.orphaned).toEqual([{ id: 'a', enrolled: 2 }]);
      expect(diff.create).toEqual([slot('2026-09-16T11:00:00Z')]);
    });

    it('an exact match wins over a same-day pairing', () => {
      const diff = diffSessions(
        [session('early', '2026-09-15T01:00:00Z', 1), session('late', '2026-09-15T11:00:00Z', 1)],
        [slot('2026-09-15T11:00:00Z')],
        now,
        { tz: SHANGHAI }
      );
      expect(diff.keep.map((s) => s.id)).toEqual(['late']);
      expect(diff.orphaned).toEqual([{ id: 'early', enrolled: 1 }]);
    });
  });

  describe('properties', () => {
    const base = Date.parse('2026-09-01T00:00:00Z');
    const hour = 3_600_000;
    // Starts on a coarse grid so that exact matches are frequent.
    const instant = fc.integer({ min: 0, max: 24 * 30 }).map((h) => new Date(base + h * hour));
    const existingArb = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 4 }),
        start: instant,
        minutes: fc.constantFrom(60, 90),
        enrolled: fc.nat({ max: 3 }),
        status: fc.constantFrom('scheduled' as const, 'cancelled' as const),
      }),
      { selector: (s) => s.id, maxLength: 25 }
    ).map((list) => list.map(({ minutes, ...s }) => ({ ...s, end: new Date(s.start.getTime() + minutes * 60_000) })));
    const wantedArb = fc.array(
      fc.record({ start: instant, minutes: fc.constantFrom(60, 90) }).map(({ start, minutes }) => ({ start, end: new Date(start.getTime() + minutes * 60_000) })),
      { maxLength: 25 }
    );
    const tzArb = fc.constantFrom(undefined, SHANGHAI, 'Europe/Berlin');

    it('accounts for every existing session once, never removes enrolments, never touches the past, and ends with exactly the wanted future', () => {
      fc.assert(
        fc.property(existingArb, wantedArb, instant, tzArb, (existing, wanted, now, tz) => {
          const diff = diffSessions(existing, wanted, now, { tz });
          const isFuture = (d: Date) => d.getTime() > now.getTime();
          const byId = new Map(existing.map((s) => [s.id, s]));

          const accounted = [...diff.keep, ...diff.update, ...diff.remove, ...diff.orphaned].map((s) => s.id);
          expect([...accounted].sort()).toEqual(existing.map((s) => s.id).sort());

          for (const { id } of diff.remove) expect(byId.get(id)!.enrolled).toBe(0);
          for (const { id, enrolled } of diff.orphaned) {
            expect(enrolled).toBeGreaterThan(0);
            expect(byId.get(id)!.enrolled).toBe(enrolled);
          }
          for (const s of [...diff.remove, ...diff.orphaned, ...diff.update]) expect(isFuture(byId.get(s.id)!.start)).toBe(true);
          for (const s of existing.filter((e) => !isFuture(e.start))) {
            expect(diff.keep).toContainEqual({ id: s.id, start: s.start, end: s.end });
          }
          for (const k of diff.keep) expect(k).toEqual({ id: k.id, start: byId.get(k.id)!.start, end: byId.get(k.id)!.end });
          for (const c of diff.create) expect(isFuture(c.start)).toBe(true);

          // After applying the diff, the future sessions (orphans aside) are exactly the wanted future ones.
          const key = (s: { start: Date; end: Date }) => `${s.start.toISOString()}/${s.end.toISOString()}`;
          const after = [...diff.keep.filter((s) => isFuture(s.start)), ...diff.update, ...diff.create].map(key).sort();
          // Of two wanted sessions at the same start, the first given counts.
          const wantedFuture = [...new Map(wanted.filter((w) => isFuture(w.start)).reverse().map((w) => [w.start.getTime(), w])).values()];
          expect(after).toEqual(wantedFuture.map(key).sort());

          if (!tz) for (const u of diff.update) expect(u.start).toEqual(byId.get(u.id)!.start);
        }),
        { numRuns: 500 }
      );
    });
  });
});
