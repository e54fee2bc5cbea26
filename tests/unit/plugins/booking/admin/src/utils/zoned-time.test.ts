import { zonedInstant, zonedParts } from '../../../../../../../plugins/booking/admin/src/utils/zoned-time';

describe('times typed at the desk on the centre’s clock', () => {
  it('turns a date and time in the centre’s zone into an instant with its offset, whatever zone the browser is in', () => {
    expect(zonedInstant('2026-12-04', '14:30', 'Asia/Shanghai')).toBe('2026-12-04T14:30:00+08:00');
    expect(Date.parse(zonedInstant('2026-12-04', '00:15', 'Asia/Shanghai')!)).toBe(Date.parse('2026-12-03T16:15:00Z'));
  });

  it('follows daylight saving where the centre has it', () => {
    expect(zonedInstant('2026-07-01', '09:00', 'Europe/London')).toBe('2026-07-01T09:00:00+01:00');
    expect(zonedInstant('2026-12-01', '09:00', 'Europe/London')).toBe('2026-12-01T09:00:00Z');
  });

  it('reads an instant back as the date and wall time the centre’s clock shows', () => {
    expect(zonedParts('2026-12-03T16:15:00Z', 'Asia/Shanghai')).toEqual({ date: '2026-12-04', time: '00:15' });
    expect(zonedParts('2026-12-04T14:30:00+08:00', 'America/New_York')).toEqual({ date: '2026-12-04', time: '01:30' });
  });

  it('gives null for a date or time that is not a real one', () => {
    expect(zonedInstant('2026-02-30', '10:00', 'Asia/Shanghai')).toBeNull();
    expect(zonedInstant('2026-12-04', '24:00', 'Asia/Shanghai')).toBeNull();
    expect(zonedInstant('', '10:00', 'Asia/Shanghai')).toBeNull();
    expect(zonedInstant('2026-12-04', '', 'Asia/Shanghai')).toBeNull();
  });
});
