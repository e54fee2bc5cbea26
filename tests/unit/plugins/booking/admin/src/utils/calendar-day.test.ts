import { dayLabel, isCalendarDay, shiftDay, timeRange } from '../../../../../../../plugins/booking/admin/src/utils/calendar-day';

describe('calendar days', () => {
  it('step across months, years and leap days', () => {
    expect(shiftDay('2026-11-30', 1)).toBe('2026-12-01');
    expect(shiftDay('2027-01-01', -1)).toBe('2026-12-31');
    expect(shiftDay('2028-02-28', 1)).toBe('2028-02-29');
  });
  it('accept only real dates written YYYY-MM-DD', () => {
    expect(isCalendarDay('2026-11-30')).toBe(true);
    expect(['2026-02-30', '2026-1-3', 'today', '', null].map(isCalendarDay)).toEqual([false, false, false, false, false]);
  });
  it('name the day in the reader’s language and read times as the API wrote them', () => {
    expect(dayLabel('2026-11-30', 'zh-Hans')).toBe('2026年11月30日星期一');
    expect(dayLabel('2026-11-30', 'en')).toBe('Monday, November 30, 2026');
    expect(timeRange('2026-11-30T16:30:00+08:00', '2026-11-30T18:00:00+08:00')).toBe('16:30–18:00');
  });
});
