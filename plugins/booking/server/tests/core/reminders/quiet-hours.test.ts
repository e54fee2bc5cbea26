import fc from 'fast-check';
import { isInQuietHours, quietHoursEnd } from '../../../src/core/reminders/quiet-hours';

const NIGHT = { from: '21:00', to: '08:00' };

describe('quiet hours', () => {
  it.each([
    ['2026-12-01T12:59:00Z', false], // 20:59 in Shanghai
    ['2026-12-01T13:00:00Z', true], // 21:00: from is included
    ['2026-12-01T16:00:00Z', true], // midnight
    ['2026-12-01T23:59:00Z', true], // 07:59
    ['2026-12-02T00:00:00Z', false], // 08:00: to is excluded
  ])('%s is quiet in Shanghai: %s', (t, quiet) => {
    expect(isInQuietHours(new Date(t), NIGHT, 'Asia/Shanghai')).toBe(quiet);
  });

  it('are none when they start and end at the same time', () => {
    expect(isInQuietHours(new Date('2026-12-01T16:00:00Z'), { from: '00:00', to: '00:00' }, 'Asia/Shanghai')).toBe(false);
    expect(isInQuietHours(new Date('2026-12-01T13:00:00Z'), { from: '21:00', to: '21:00' }, 'Asia/Shanghai')).toBe(false);
  });

  it('end at the next 08:00 from the evening, the same day\'s from the small hours', () => {
    expect(quietHoursEnd(new Date('2026-12-01T14:00:00Z'), NIGHT, 'Asia/Shanghai').toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(quietHoursEnd(new Date('2026-12-01T20:00:00Z'), NIGHT, 'Asia/Shanghai').toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });

  it('end after any instant inside them, at an instant outside them', () => {
    const wall = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/London', 'America/New_York', 'Asia/Shanghai', 'Australia/Lord_Howe'),
        wall,
        wall,
        fc.integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2027, 0, 1) / 60_000 }),
        (tz, from, to, minute) => {
          const t = new Date(minute * 60_000);
          const quiet = { from, to };
          fc.pre(isInQuietHours(t, quiet, tz));
          const end = quietHoursEnd(t, quiet, tz);
          expect(end.getTime()).toBeGreaterThan(t.getTime());
          expect(isInQuietHours(end, quiet, tz)).toBe(false);
          // Nothing in between is outside them: the end is the first way out.
          expect(isInQuietHours(new Date(end.getTime() - 60_000), quiet, tz)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
