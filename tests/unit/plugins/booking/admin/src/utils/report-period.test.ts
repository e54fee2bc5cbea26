import { kindOf, lastFullMonth, monthLabel, periodFromParams, periodLabel, periodOf, shiftPeriod } from '../../../../../../../plugins/booking/admin/src/utils/report-period';

describe('report periods', () => {
  it('default to the last month that has ended, across a year’s turn', () => {
    expect(lastFullMonth('2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(lastFullMonth('2026-12-01')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(lastFullMonth('2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(lastFullMonth('2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('are the whole month, quarter or year holding a day', () => {
    expect(periodOf('month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('quarter', '2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('year', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('step back and forth by their own length', () => {
    expect(shiftPeriod('month', { from: '2026-03-01', to: '2026-03-31' }, -1)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(shiftPeriod('month', { from: '2026-12-01', to: '2026-12-31' }, 1)).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(shiftPeriod('quarter', { from: '2026-01-01', to: '2026-03-31' }, -1)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(shiftPeriod('year', { from: '2026-01-01', to: '2026-12-31' }, -2)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('are recognised from the days a link names', () => {
    expect(kindOf({ from: '2026-10-01', to: '2026-10-31' })).toBe('month');
    expect(kindOf({ from: '2026-10-01', to: '2026-12-31' })).toBe('quarter');
    expect(kindOf({ from: '2026-01-01', to: '2026-12-31' })).toBe('year');
    expect(kindOf({ from: '2026-10-01', to: '2026-10-30' })).toBe('custom');
    expect(kindOf({ from: '2026-09-01', to: '2026-11-30' })).toBe('custom');
  });

  it('are read from the address only when both days are real and in order', () => {
    expect(periodFromParams(new URLSearchParams('from=2026-10-01&to=2026-10-31'))).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(periodFromParams(new URLSearchParams('from=2026-10-31&to=2026-10-01'))).toBeNull();
    expect(periodFromParams(new URLSearchParams('from=2026-02-30&to=2026-03-31'))).toBeNull();
    expect(periodFromParams(new URLSearchParams('to=2026-03-31'))).toBeNull();
  });

  it('are named as a report names them, in both languages', () => {
    expect(periodLabel({ from: '2026-10-01', to: '2026-10-31' }, 'zh-Hans')).toBe('2026年10月');
    expect(periodLabel({ from: '2026-10-01', to: '2026-10-31' }, 'en')).toBe('October 2026');
    expect(periodLabel({ from: '2026-10-01', to: '2026-12-31' }, 'zh-Hans')).toBe('2026年第4季度');
    expect(periodLabel({ from: '2026-10-01', to: '2026-12-31' }, 'en')).toBe('Q4 2026');
    expect(periodLabel({ from: '2026-01-01', to: '2026-12-31' }, 'zh-Hans')).toBe('2026年');
    expect(periodLabel({ from: '2026-10-05', to: '2026-11-04' }, 'en')).toBe('2026-10-05 – 2026-11-04');
    expect(monthLabel('2026-03', 'zh-Hans')).toBe('3月');
    expect(monthLabel('2026-03', 'en')).toBe('Mar 2026');
  });
});
