import fc from 'fast-check';
import { reminderDedupeKey, remindersDueAt } from '../../../src/core/reminders/due-reminders';
import { DEFAULT_REMINDER_SETTINGS } from '../../../src/core/reminders/reminder-settings';

const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

// Wednesday 2 December 10:00 and 15:00 in Shanghai; both booked long before.
const morning = { about: 'reservation:r1', start: at('2026-12-02T02:00:00Z'), confirmedAt: at('2026-11-20T00:00:00Z') };
const afternoon = { about: 'enrolment:e1', start: at('2026-12-02T07:00:00Z'), confirmedAt: at('2026-11-20T00:00:00Z') };

const sweep = (now: string) =>
  remindersDueAt([morning, afternoon], DEFAULT_REMINDER_SETTINGS, SHANGHAI, at(now)).map((r) => [r.occurrence.about, r.kind, r.dedupeKey]);

describe('which reminders a sweep sends at a given moment', () => {
  it('sends nothing before the evening before', () => {
    expect(sweep('2026-12-01T09:59:59Z')).toEqual([]);
  });

  it('sends the evening reminders from 18:00, with keys naming the reminder, the booking and the start', () => {
    expect(sweep('2026-12-01T10:00:00Z')).toEqual([
      ['reservation:r1', 'evening-before', 'reminder:evening-before:reservation:r1:2026-12-02T02:00:00.000Z'],
      ['enrolment:e1', 'evening-before', 'reminder:evening-before:enrolment:e1:2026-12-02T07:00:00.000Z'],
    ]);
  });

  it('offers the evening reminder until the later one is due, then only the later one', () => {
    expect(sweep('2026-12-01T23:59:00Z').map(([, kind]) => kind)).toEqual(['evening-before', 'evening-before']);
    expect(sweep('2026-12-02T00:00:00Z')).toEqual([
      ['reservation:r1', 'hours-before', 'reminder:hours-before:reservation:r1:2026-12-02T02:00:00.000Z'],
      ['enrolment:e1', 'evening-before', 'reminder:evening-before:enrolment:e1:2026-12-02T07:00:00.000Z'],
    ]);
  });

  it('sends nothing for what has started', () => {
    expect(sweep('2026-12-02T02:00:00Z').map(([about]) => about)).toEqual(['enrolment:e1']);
    expect(sweep('2026-12-02T07:00:00Z')).toEqual([]);
  });

  it('gives an occurrence moved to a new start new keys', () => {
    const moved = { ...morning, start: at('2026-12-02T03:00:00Z') };
    const [before] = remindersDueAt([morning], DEFAULT_REMINDER_SETTINGS, SHANGHAI, at('2026-12-01T12:00:00Z'));
    const [after] = remindersDueAt([moved], DEFAULT_REMINDER_SETTINGS, SHANGHAI, at('2026-12-01T12:00:00Z'));
    expect(before.dedupeKey).not.toBe(after.dedupeKey);
    expect(after.dedupeKey).toBe(reminderDedupeKey('evening-before', 'reservation:r1', moved.start));
  });

  it('sends nothing for a booking confirmed after the evening reminder\'s time until the morning one', () => {
    const late = { ...morning, confirmedAt: at('2026-12-01T12:00:00Z') };
    expect(remindersDueAt([late], DEFAULT_REMINDER_SETTINGS, SHANGHAI, at('2026-12-01T12:01:00Z'))).toEqual([]);
    expect(remindersDueAt([late], DEFAULT_REMINDER_SETTINGS, SHANGHAI, at('2026-12-02T00:00:00Z')).map((r) => r.kind)).toEqual(['hours-before']);
  });

  it('sends at most one reminder per occurrence, due and not yet started, for any moment', () => {
    const occurrenceArb = fc.record({
      about: fc.constantFrom('reservation:a', 'reservation:b', 'enrolment:c'),
      start: fc.integer({ min: 0, max: 10 * 24 * 60 }).map((m) => new Date(Date.UTC(2026, 11, 1) + m * 60_000)),
      confirmedBefore: fc.integer({ min: 0, max: 5 * 24 * 60 }),
    }).map(({ about, start, confirmedBefore }) => ({ about, start, confirmedAt: new Date(start.getTime() - confirmedBefore * 60_000) }));
    fc.assert(
      fc.property(fc.array(occurrenceArb, { maxLength: 6 }), fc.integer({ min: 0, max: 12 * 24 * 60 }), (occurrences, nowMinutes) => {
        const now = new Date(Date.UTC(2026, 10, 30) + nowMinutes * 60_000);
        const due = remindersDueAt(occurrences, DEFAULT_REMINDER_SETTINGS, SHANGHAI, now);
        expect(new Set(due.map((r) => r.occurrence)).size).toBe(due.length);
        for (const r of due) {
          expect(r.dueAt.getTime()).toBeLessThanOrEqual(now.getTime());
          expect(now.getTime()).toBeLessThan(r.occurrence.start.getTime());
          expect(r.dedupeKey).toBe(`reminder:${r.kind}:${r.occurrence.about}:${r.occurrence.start.toISOString()}`);
        }
      }),
    );
  });
});
