import { occurrenceLabel } from '../../../../../../../plugins/booking/admin/src/utils/occurrence-label';

describe('occurrenceLabel', () => {
  it('reads the centre’s date and clock from the string, with the weekday in the reader’s language', () => {
    expect(occurrenceLabel('2026-12-01T19:00:00+08:00', '2026-12-01T21:00:00+08:00', 'zh-Hans')).toBe('2026年12月1日周二 19:00–21:00');
    expect(occurrenceLabel('2026-12-01T19:00:00+08:00', '2026-12-01T21:00:00+08:00', 'en')).toBe('Tue, Dec 1, 2026 19:00–21:00');
  });

  it('keeps the centre’s wall clock whatever the offset, including a date that UTC would put on another day', () => {
    expect(occurrenceLabel('2026-12-02T07:30:00+08:00', '2026-12-02T08:30:00+08:00', 'en')).toBe('Wed, Dec 2, 2026 07:30–08:30');
    expect(occurrenceLabel('2026-03-29T23:00:00-04:00', '2026-03-29T23:30:00-04:00', 'en')).toBe('Sun, Mar 29, 2026 23:00–23:30');
  });

  it('names the next day when a booking ends after midnight', () => {
    expect(occurrenceLabel('2026-12-31T22:00:00+08:00', '2027-01-01T01:00:00+08:00', 'zh-Hans')).toBe('2026年12月31日周四 22:00–1月1日周五 01:00');
  });
});
