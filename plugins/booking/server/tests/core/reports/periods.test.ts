import fc from 'fast-check';
import { lastYearPeriod, monthsOf, periodKind, previousPeriod } from '../../../src/core/reports/periods';
import { addDays, daysBetween } from '../../../src/core/time/zoned';

describe('report periods', () => {
  it('reads a whole month, quarter or year as such, anything else as a range', () => {
    expect(periodKind({ from: '2026-02-01', to: '2026-02-28' })).toBe('month');
    expect(periodKind({ from: '2024-02-01', to: '2024-02-29' })).toBe('month');
    expect(periodKind({ from: '2026-04-01', to: '2026-06-30' })).toBe('quarter');
    expect(periodKind({ from: '2026-01-01', to: '2026-12-31' })).toBe('year');
    expect(periodKind({ from: '2026-02-01', to: '2026-04-30' })).toBe('range'); // three months, not a quarter
    expect(periodKind({ from: '2026-02-02', to: '2026-02-28' })).toBe('range');
    expect(periodKind({ from: '2026-07-01', to: '2027-06-30' })).toBe('range'); // a school year
  });

  it('compares a whole month, quarter or year with the one before', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('compares any other range with as many days just before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 1000 }), (start, length) => {
        const from = addDays('2020-01-03', start);
        const p = { from, to: addDays(from, length) };
        fc.pre(periodKind(p) === 'range');
        const before = previousPeriod(p);
        expect(addDays(before.to, 1)).toBe(p.from);
        expect(daysBetween(before.from, before.to)).toBe(length);
      })
    );
  });

  it('takes the same dates a year before, a month to its last day', () => {
    expect(lastYearPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(lastYearPeriod({ from: '2025-02-01', to: '2025-02-28' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(lastYearPeriod({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(lastYearPeriod({ from: '2024-02-29', to: '2024-03-10' })).toEqual({ from: '2023-02-28', to: '2023-03-10' });
  });

  it('lists the months a period touches', () => {
    expect(monthsOf({ from: '2025-11-20', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf({ from: '2026-02-03', to: '2026-02-03' })).toEqual(['2026-02']);
  });
});
