import { wallClockOf } from '../../../../../site/src/islands/zoned-time.ts';

describe('the wall clock of an instant in the centre’s zone', () => {
  it('is read in that zone, not the machine’s', () => {
    const instant = Date.parse('2026-11-24T17:05:00Z');
    expect(wallClockOf(instant, 'Asia/Shanghai')).toEqual({ date: '2026-11-25', time: '01:05', minutes: 65 });
    expect(wallClockOf(instant, 'America/New_York')).toEqual({ date: '2026-11-24', time: '12:05', minutes: 725 });
  });

  it('follows daylight saving, and writes midnight as 00:00', () => {
    // Berlin: UTC+2 in summer, UTC+1 in winter.
    expect(wallClockOf(Date.parse('2026-07-01T22:00:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-07-02', time: '00:00', minutes: 0 });
    expect(wallClockOf(Date.parse('2026-12-01T22:00:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-12-01', time: '23:00', minutes: 1380 });
  });
});
