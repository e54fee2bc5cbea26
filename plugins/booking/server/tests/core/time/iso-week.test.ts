import fc from 'fast-check';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { tz as inZone } from '@date-fns/tz';
import { isoWeekOf, mondayOfIsoWeek } from '../../../src/core/time/iso-week';
import { addDays, isoWeekdayOf } from '../../../src/core/time/zoned';

describe('isoWeekOf', () => {
  it('labels a mid-year week with its Monday', () => {
    expect(isoWeekOf('2026-11-24')).toEqual({ year: 2026, week: 48, monday: '2026-11-23', label: '2026-W48' });
    expect(isoWeekOf('2026-11-29').monday).toBe('2026-11-23');
    expect(isoWeekOf('2026-11-30').monday).toBe('2026-11-30');
  });

  it('puts early-January days in the previous ISO year when their week starts in December', () => {
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53, monday: '2026-12-28', label: '2026-W53' });
    expect(isoWeekOf('2027-01-03').label).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04').label).toBe('2027-W01');
  });

  it('puts late-December days in the next ISO year when their Thursday is in January', () => {
    expect(isoWeekOf('2025-12-29')).toEqual({ year: 2026, week: 1, monday: '2025-12-29', label: '2026-W01' });
    expect(isoWeekOf('2026-01-01').label).toBe('2026-W01');
  });

  it('agrees with date-fns and always starts on a Monday (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15000 }), (n) => {
        const date = addDays('1995-01-01', n);
        const week = isoWeekOf(date);
        const ctx = { in: inZone('UTC') };
        expect(week.week).toBe(getISOWeek(`${date}T12:00:00Z`, ctx));
        expect(week.year).toBe(getISOWeekYear(`${date}T12:00:00Z`, ctx));
        expect(isoWeekdayOf(week.monday)).toBe(1);
        expect(date >= week.monday && date <= addDays(week.monday, 6)).toBe(true);
      }),
    );
  });
});

describe('mondayOfIsoWeek', () => {
  it.each([
    ['2026-W01', '2025-12-29'],
    ['2026-W48', '2026-11-23'],
    ['2026-W53', '2026-12-28'],
    ['2020-W53', '2020-12-28'],
  ])('%s starts on %s', (label, monday) => {
    expect(mondayOfIsoWeek(label)).toBe(monday);
  });

  it.each(['2025-W53', '2026-W00', '2026-W54', '2026-48', 'W48'])('%s is no week', (label) => {
    expect(mondayOfIsoWeek(label)).toBeNull();
  });

  it('round-trips every week of several years', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      for (let w = 1; w <= 52; w += 1) {
        const label = `${year}-W${String(w).padStart(2, '0')}`;
        expect(isoWeekOf(mondayOfIsoWeek(label)!).label).toBe(label);
      }
    }
  });
});
