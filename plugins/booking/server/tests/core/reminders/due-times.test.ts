import fc from 'fast-check';
import { reminderDueTimes, type ReminderTime } from '../../../src/core/reminders/due-times';
import { isInQuietHours } from '../../../src/core/reminders/quiet-hours';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../../../src/core/reminders/reminder-settings';
import { addDays, zonedDateOf, zonedWallTimeOf } from '../../../src/core/time/zoned';

const SHANGHAI = 'Asia/Shanghai';
const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';
const LONG_AGO = new Date('2026-01-01T00:00:00Z');

const settings = (change: Partial<{ at: string; hours: number; evening: boolean; hoursOn: boolean; quiet: [string, string] }> = {}): ReminderSettings => ({
  eveningBefore: { enabled: change.evening ?? true, at: change.at ?? '18:00' },
  hoursBefore: { enabled: change.hoursOn ?? true, hours: change.hours ?? 2 },
  quietHours: change.quiet ? { from: change.quiet[0], to: change.quiet[1] } : DEFAULT_REMINDER_SETTINGS.quietHours,
});
const NO_QUIET: [string, string] = ['00:00', '00:00'];

const due = (start: string, s: ReminderSettings, tz: string, confirmedAt: Date = LONG_AGO): Record<string, string> =>
  Object.fromEntries(reminderDueTimes(new Date(start), confirmedAt, s, tz).map((r: ReminderTime) => [r.kind, r.dueAt.toISOString()]));

describe('reminders of one occurrence in Asia/Shanghai', () => {
  it('reminds at 18:00 the evening before and two hours before, by default', () => {
    // Wednesday 2 December 10:00 in Shanghai is 02:00Z.
    expect(due('2026-12-02T02:00:00Z', DEFAULT_REMINDER_SETTINGS, SHANGHAI)).toEqual({
      'evening-before': '2026-12-01T10:00:00.000Z',
      'hours-before': '2026-12-02T00:00:00.000Z',
    });
  });

  it('lists them earliest first', () => {
    const times = reminderDueTimes(new Date('2026-12-02T02:00:00Z'), LONG_AGO, settings({ hours: 30 }), SHANGHAI);
    // 30 hours before 10:00 is 04:00 the day before, moved to the end of quiet hours (08:00): before 18:00.
    expect(times.map((r) => [r.kind, r.dueAt.toISOString()])).toEqual([
      ['hours-before', '2026-12-01T00:00:00.000Z'],
      ['evening-before', '2026-12-01T10:00:00.000Z'],
    ]);
  });

  it('uses the configured time and number of hours', () => {
    expect(due('2026-12-02T07:00:00Z', settings({ at: '19:30', hours: 3 }), SHANGHAI)).toEqual({
      'evening-before': '2026-12-01T11:30:00.000Z',
      'hours-before': '2026-12-02T04:00:00.000Z',
    });
  });

  it('leaves out a reminder that is switched off', () => {
    expect(due('2026-12-02T02:00:00Z', settings({ evening: false }), SHANGHAI)).toEqual({ 'hours-before': '2026-12-02T00:00:00.000Z' });
    expect(due('2026-12-02T02:00:00Z', settings({ hoursOn: false }), SHANGHAI)).toEqual({ 'evening-before': '2026-12-01T10:00:00.000Z' });
    expect(due('2026-12-02T02:00:00Z', settings({ evening: false, hoursOn: false }), SHANGHAI)).toEqual({});
  });

  it('moves a reminder in quiet hours to 08:00 when that is still before the start', () => {
    // 09:30 start: 07:30 is quiet, 08:00 is kept.
    expect(due('2026-12-02T01:30:00Z', DEFAULT_REMINDER_SETTINGS, SHANGHAI)['hours-before']).toBe('2026-12-02T00:00:00.000Z');
    // 08:01 start: 06:01 moves to 08:00, a minute before.
    expect(due('2026-12-02T00:01:00Z', DEFAULT_REMINDER_SETTINGS, SHANGHAI)['hours-before']).toBe('2026-12-02T00:00:00.000Z');
  });

  it('drops a reminder whose quiet hours end at or after the start', () => {
    // 08:00 start: 06:00 would move to 08:00, the start itself.
    expect(due('2026-12-02T00:00:00Z', DEFAULT_REMINDER_SETTINGS, SHANGHAI)).toEqual({ 'evening-before': '2026-12-01T10:00:00.000Z' });
    // 00:30 start: 22:30 the evening before is quiet until 08:00, long after the start.
    expect(due('2026-12-01T16:30:00Z', DEFAULT_REMINDER_SETTINGS, SHANGHAI)).toEqual({ 'evening-before': '2026-12-01T10:00:00.000Z' });
    // An evening reminder set at 22:00 moves to 08:00 on the day: dropped for a 07:30 start.
    expect(due('2026-12-01T23:30:00Z', settings({ at: '22:00', hoursOn: false }), SHANGHAI)).toEqual({});
  });

  it('keeps one reminder when the evening one moves onto the morning one', () => {
    // Evening set at 22:00 moves to 08:00; a 10:00 start's two-hours-before is 08:00 too.
    expect(due('2026-12-02T02:00:00Z', settings({ at: '22:00' }), SHANGHAI)).toEqual({ 'hours-before': '2026-12-02T00:00:00.000Z' });
  });

  it('sends in the small hours when there are no quiet hours', () => {
    expect(due('2026-12-02T00:00:00Z', settings({ quiet: NO_QUIET }), SHANGHAI)['hours-before']).toBe('2026-12-01T22:00:00.000Z');
  });

  it('follows quiet hours that do not span midnight', () => {
    // A lunch-time rest 12:00–14:00: a 15:00 start's 13:00 reminder moves to 14:00.
    expect(due('2026-12-02T07:00:00Z', settings({ quiet: ['12:00', '14:00'] }), SHANGHAI)['hours-before']).toBe('2026-12-02T06:00:00.000Z');
    // 11:59 is before them.
    expect(due('2026-12-02T05:59:00Z', settings({ quiet: ['12:00', '14:00'] }), SHANGHAI)['hours-before']).toBe('2026-12-02T03:59:00.000Z');
  });

  it('is never due before the booking was confirmed', () => {
    const start = '2026-12-02T02:00:00Z'; // tomorrow 10:00
    // Booked at 20:00 the evening before: 18:00 has passed, no evening reminder.
    expect(due(start, DEFAULT_REMINDER_SETTINGS, SHANGHAI, new Date('2026-12-01T12:00:00Z'))).toEqual({ 'hours-before': '2026-12-02T00:00:00.000Z' });
    // Confirmed exactly at 18:00: the reminder is still due, at that instant.
    expect(due(start, DEFAULT_REMINDER_SETTINGS, SHANGHAI, new Date('2026-12-01T10:00:00Z'))['evening-before']).toBe('2026-12-01T10:00:00.000Z');
    // Confirmed at 09:00 for 10:00: neither.
    expect(due(start, DEFAULT_REMINDER_SETTINGS, SHANGHAI, new Date('2026-12-02T01:00:00Z'))).toEqual({});
    // Booked at 23:00 (quiet) for 09:00: the 07:00 reminder moves to 08:00, after the booking, and is kept.
    expect(due('2026-12-02T01:00:00Z', DEFAULT_REMINDER_SETTINGS, SHANGHAI, new Date('2026-12-01T15:00:00Z'))).toEqual({
      'hours-before': '2026-12-02T00:00:00.000Z',
    });
  });
});

describe('reminders across the clock changes of Europe/London', () => {
  // 2026: clocks go forward on Sunday 29 March at 01:00 GMT (01:00–02:00 never read) and back on
  // Sunday 25 October at 02:00 BST (01:00–02:00 read twice).
  it('reminds the evening before a Monday after the spring change at 18:00 summer time', () => {
    expect(due('2026-03-30T09:00:00Z', DEFAULT_REMINDER_SETTINGS, LONDON)).toEqual({
      'evening-before': '2026-03-29T17:00:00.000Z',
      'hours-before': '2026-03-30T07:00:00.000Z',
    });
  });

  it('reminds the evening before the change day at 18:00 winter time', () => {
    // Sunday 29 March 10:00 BST (09:00Z): evening before on Saturday, still GMT; two hours before is 08:00 BST.
    expect(due('2026-03-29T09:00:00Z', DEFAULT_REMINDER_SETTINGS, LONDON)).toEqual({
      'evening-before': '2026-03-28T18:00:00.000Z',
      'hours-before': '2026-03-29T07:00:00.000Z',
    });
  });

  it('counts "hours before" in elapsed time across the skipped hour', () => {
    // 03:00 BST (02:00Z) on the change night: two real hours before is 00:00 GMT, although the clock moved three.
    expect(due('2026-03-29T02:00:00Z', settings({ quiet: NO_QUIET, evening: false }), LONDON)).toEqual({ 'hours-before': '2026-03-29T00:00:00.000Z' });
  });

  it('moves a quiet-hours reminder to 08:00 summer time on the change morning', () => {
    // 09:30 BST (08:30Z): 06:30Z is 07:30 BST, quiet until 08:00 BST (07:00Z).
    expect(due('2026-03-29T08:30:00Z', DEFAULT_REMINDER_SETTINGS, LONDON)['hours-before']).toBe('2026-03-29T07:00:00.000Z');
  });

  it('sends an evening reminder set in the skipped hour at the jump', () => {
    // Set at 01:30 for a Monday 10:00 start: on Sunday 29 March 01:30 is never read; 02:00 BST is 01:00Z.
    expect(due('2026-03-30T09:00:00Z', settings({ at: '01:30', hoursOn: false, quiet: NO_QUIET }), LONDON)).toEqual({
      'evening-before': '2026-03-29T01:00:00.000Z',
    });
  });

  it('sends an evening reminder set in the repeated hour at its first reading', () => {
    // Sunday 25 October 01:30 is read at 00:30Z (BST) and again at 01:30Z (GMT): the first.
    expect(due('2026-10-26T10:00:00Z', settings({ at: '01:30', hoursOn: false, quiet: NO_QUIET }), LONDON)).toEqual({
      'evening-before': '2026-10-25T00:30:00.000Z',
    });
  });

  it('reminds the evening before the autumn change at 18:00 summer time, and after it at 18:00 winter time', () => {
    expect(due('2026-10-25T10:00:00Z', DEFAULT_REMINDER_SETTINGS, LONDON)).toEqual({
      'evening-before': '2026-10-24T17:00:00.000Z',
      'hours-before': '2026-10-25T08:00:00.000Z',
    });
    expect(due('2026-10-26T10:00:00Z', DEFAULT_REMINDER_SETTINGS, LONDON)['evening-before']).toBe('2026-10-25T18:00:00.000Z');
  });

  it('keeps quiet hours on the clock through the longer night', () => {
    // 08:30 GMT start on the change day: 06:30 GMT is quiet until 08:00 GMT.
    expect(due('2026-10-25T08:30:00Z', DEFAULT_REMINDER_SETTINGS, LONDON)['hours-before']).toBe('2026-10-25T08:00:00.000Z');
  });

  it('moves a reminder in the second reading of the repeated hour to the second reading of the quiet hours\' end', () => {
    // Quiet 00:00–01:45; two hours before a 03:15 GMT start is 01:15 GMT, the second reading of 01:15.
    // The first 01:45 (00:45Z) is already past; the quiet hours end at the second (01:45Z).
    expect(due('2026-10-25T03:15:00Z', settings({ evening: false, quiet: ['00:00', '01:45'] }), LONDON)).toEqual({
      'hours-before': '2026-10-25T01:45:00.000Z',
    });
  });

  it('ends quiet hours whose end is skipped at the jump', () => {
    // Quiet 23:00–01:30; 00:30 GMT on the spring night is quiet until the clocks jump to 02:00 BST (01:00Z).
    expect(due('2026-03-29T02:30:00Z', settings({ evening: false, quiet: ['23:00', '01:30'] }), LONDON)).toEqual({
      'hours-before': '2026-03-29T01:00:00.000Z',
    });
  });
});

describe('reminders across the clock changes of America/New_York', () => {
  // 2026: forward on Sunday 8 March at 02:00 EST, back on Sunday 1 November at 02:00 EDT.
  it('reminds at 18:00 on the clock on either side of both changes', () => {
    expect(due('2026-03-09T14:00:00Z', DEFAULT_REMINDER_SETTINGS, NEW_YORK)).toEqual({
      'evening-before': '2026-03-08T22:00:00.000Z', // 18:00 EDT
      'hours-before': '2026-03-09T12:00:00.000Z', // 08:00 EDT
    });
    expect(due('2026-03-08T14:00:00Z', DEFAULT_REMINDER_SETTINGS, NEW_YORK)['evening-before']).toBe('2026-03-07T23:00:00.000Z'); // 18:00 EST
    expect(due('2026-11-02T15:00:00Z', DEFAULT_REMINDER_SETTINGS, NEW_YORK)['evening-before']).toBe('2026-11-01T23:00:00.000Z'); // 18:00 EST
    expect(due('2026-11-01T15:00:00Z', DEFAULT_REMINDER_SETTINGS, NEW_YORK)['evening-before']).toBe('2026-10-31T22:00:00.000Z'); // 18:00 EDT
  });

  it('moves quiet-hours reminders to 08:00 on the clock on both change mornings', () => {
    // 09:00 EDT on 8 March (13:00Z): 07:00 EDT is quiet until 08:00 EDT (12:00Z).
    expect(due('2026-03-08T13:00:00Z', DEFAULT_REMINDER_SETTINGS, NEW_YORK)['hours-before']).toBe('2026-03-08T12:00:00.000Z');
    // 09:00 EST on 1 November (14:00Z): 07:00 EST is quiet until 08:00 EST (13:00Z).
    expect(due('2026-11-01T14:00:00Z', DEFAULT_REMINDER_SETTINGS, NEW_YORK)['hours-before']).toBe('2026-11-01T13:00:00.000Z');
  });
});

describe('reminder due times, for any occurrence and settings', () => {
  const ZONES = [SHANGHAI, LONDON, NEW_YORK, 'Pacific/Chatham', 'Australia/Lord_Howe'];
  const wallTime = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const settingsArb: fc.Arbitrary<ReminderSettings> = fc.record({
    eveningBefore: fc.record({ enabled: fc.boolean(), at: wallTime }),
    hoursBefore: fc.record({ enabled: fc.boolean(), hours: fc.integer({ min: 1, max: 72 }) }),
    quietHours: fc.record({ from: wallTime, to: wallTime }),
  });
  // Starts through 2026, on any minute, so every clock change of these zones is crossed.
  const startArb = fc.integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2027, 0, 1) / 60_000 }).map((m) => new Date(m * 60_000));
  const caseArb = fc.record({
    tz: fc.constantFrom(...ZONES),
    settings: settingsArb,
    start: startArb,
    confirmedBeforeMinutes: fc.integer({ min: -60, max: 5 * 24 * 60 }),
  });

  it('is never in quiet hours, never at or after the start, never before confirmation', () => {
    fc.assert(
      fc.property(caseArb, ({ tz, settings: s, start, confirmedBeforeMinutes }) => {
        const confirmedAt = new Date(start.getTime() - confirmedBeforeMinutes * 60_000);
        for (const r of reminderDueTimes(start, confirmedAt, s, tz)) {
          expect(isInQuietHours(r.dueAt, s.quietHours, tz)).toBe(false);
          expect(r.dueAt.getTime()).toBeLessThan(start.getTime());
          expect(r.dueAt.getTime()).toBeGreaterThanOrEqual(confirmedAt.getTime());
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives each switched-on reminder exactly its time when nothing is quiet and it was confirmed long before', () => {
    fc.assert(
      fc.property(caseArb, ({ tz, settings: s, start }) => {
        const open = { ...s, quietHours: { from: '00:00', to: '00:00' } };
        const times = reminderDueTimes(start, new Date(start.getTime() - 30 * 86_400_000), open, tz);
        const hours = times.find((r) => r.kind === 'hours-before');
        const evening = times.find((r) => r.kind === 'evening-before');
        if (s.hoursBefore.enabled) expect(hours?.dueAt.getTime()).toBe(start.getTime() - s.hoursBefore.hours * 3_600_000);
        else expect(hours).toBeUndefined();
        if (!s.eveningBefore.enabled) expect(evening).toBeUndefined();
        else if (evening) {
          expect(zonedDateOf(evening.dueAt, tz)).toBe(addDays(zonedDateOf(start, tz), -1));
          // The clock reads the set time, or later when the clocks skipped it.
          expect(zonedWallTimeOf(evening.dueAt, tz) >= s.eveningBefore.at).toBe(true);
        } else {
          // Only one that coincides with the hours-before one is left out.
          expect(hours).toBeDefined();
        }
      }),
      { numRuns: 1000 },
    );
  });
});
