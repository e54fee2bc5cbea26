import {
  assignLanes,
  byRoomAndDate,
  cellKey,
  clockOf,
  columnsOf,
  datesOfView,
  dayWindow,
  endChoices,
  shiftDate,
  slotAt,
  startChoices,
} from '../../../../../../../plugins/booking/admin/src/utils/board-layout';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

describe('board layout', () => {
  it('shows a day, or Monday to Sunday of its week, and steps over month ends', () => {
    expect(datesOfView('day', '2026-12-02')).toEqual(['2026-12-02']);
    expect(datesOfView('week', '2026-12-02')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(datesOfView('week', '2026-12-06')[0]).toBe('2026-11-30');
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('places an item on the columns of a day’s window on the centre’s clock, clipped at its edges', () => {
    const w = dayWindow([], '2026-12-02', SH);
    expect(w).toEqual({ from: 480, to: 1320, slot: 30 });
    // 09:00–10:30: columns 3 to 5 (1-based), ending on line 6.
    expect(columnsOf({ start: at('2026-12-02', '09:00'), end: at('2026-12-02', '10:30') }, '2026-12-02', SH, w)).toEqual({ start: 3, end: 6 });
    // Written in UTC, read on the centre's clock.
    expect(columnsOf({ start: '2026-12-02T01:00:00Z', end: '2026-12-02T02:30:00Z' }, '2026-12-02', SH, w)).toEqual({ start: 3, end: 6 });
    // A closure over the whole day fills the window; one on another day is not there.
    expect(columnsOf({ start: at('2026-12-01', '00:00'), end: at('2026-12-03', '00:00') }, '2026-12-02', SH, w)).toEqual({ start: 1, end: 29 });
    expect(columnsOf({ start: at('2026-12-03', '09:00'), end: at('2026-12-03', '10:00') }, '2026-12-02', SH, w)).toBeNull();
    // A ten-minute item still takes a column.
    expect(columnsOf({ start: at('2026-12-02', '09:10'), end: at('2026-12-02', '09:20') }, '2026-12-02', SH, w)).toEqual({ start: 3, end: 4 });
  });

  it('widens the window to whole hours so an early or late item is seen', () => {
    expect(dayWindow([{ start: at('2026-12-02', '06:30'), end: at('2026-12-02', '23:15') }], '2026-12-02', SH)).toEqual({ from: 360, to: 1440, slot: 30 });
    expect(dayWindow([{ start: at('2026-12-01', '20:00'), end: at('2026-12-03', '08:00') }], '2026-12-02', SH)).toEqual({ from: 0, to: 1440, slot: 30 });
  });

  it('puts overlapping items on separate lanes and reuses a lane once it is free', () => {
    const a = { start: at('2026-12-02', '09:00'), end: at('2026-12-02', '12:00') };
    const b = { start: at('2026-12-02', '10:00'), end: at('2026-12-02', '11:00') };
    const c = { start: at('2026-12-02', '12:00'), end: at('2026-12-02', '13:00') };
    const d = { start: at('2026-12-02', '11:00'), end: at('2026-12-02', '12:30') };
    const lanes = assignLanes([c, d, b, a]);
    expect(lanes.map(({ item, lane }) => [item, lane])).toEqual([[a, 0], [b, 1], [d, 1], [c, 0]]);
  });

  it('lists each room’s items per day of a week, an item across midnight on both days', () => {
    const late = { roomId: 'r1', start: at('2026-12-02', '22:00'), end: at('2026-12-03', '01:00') };
    const morning = { roomId: 'r1', start: at('2026-12-02', '09:00'), end: at('2026-12-02', '10:00') };
    const other = { roomId: 'r2', start: at('2026-12-04', '09:00'), end: at('2026-12-04', '10:00') };
    const cells = byRoomAndDate([late, other, morning], datesOfView('week', '2026-12-02'), SH);
    expect(cells.get(cellKey('r1', '2026-12-02'))).toEqual([morning, late]);
    expect(cells.get(cellKey('r1', '2026-12-03'))).toEqual([late]);
    expect(cells.get(cellKey('r2', '2026-12-04'))).toEqual([other]);
    expect(cells.get(cellKey('r2', '2026-12-02'))).toBeUndefined();
    // Ending at midnight is not on the next day.
    const toMidnight = { roomId: 'r1', start: at('2026-12-05', '20:00'), end: at('2026-12-06', '00:00') };
    expect(byRoomAndDate([toMidnight], ['2026-12-05', '2026-12-06'], SH).get(cellKey('r1', '2026-12-06'))).toBeUndefined();
  });

  it('offers start and end times on the slot grid inside free stretches, on the centre’s clock', () => {
    const free = [{ start: at('2026-12-02', '08:15'), end: at('2026-12-02', '10:00') }, { start: at('2026-12-02', '14:00'), end: at('2026-12-02', '15:00') }];
    expect(startChoices(free, 30, SH).map((s) => clockOf(s, SH))).toEqual(['08:30', '09:00', '09:30', '14:00', '14:30']);
    expect(startChoices(free, 30, SH)[0]).toBe(at('2026-12-02', '08:30'));
    expect(endChoices(free, at('2026-12-02', '09:00'), 30, SH).map((s) => clockOf(s, SH))).toEqual(['09:30', '10:00']);
    expect(endChoices(free, at('2026-12-02', '12:00'), 30, SH)).toEqual([]);
    // Where staff click on a free stretch: the slot under the pointer.
    expect(slotAt(free[1], 0.6, 30, SH)).toBe(at('2026-12-02', '14:30'));
    expect(slotAt(free[1], 1, 30, SH)).toBe(at('2026-12-02', '14:30'));
    expect(slotAt(free[1], 0, 30, SH)).toBe(at('2026-12-02', '14:00'));
  });

  it('counts real minutes on a day the clocks change', () => {
    // New York, 8 March 2026: 02:00 becomes 03:00, so 01:00–04:00 lasts two hours.
    const w = dayWindow([], '2026-03-08', NY, 60);
    expect(columnsOf({ start: '2026-03-08T09:00:00-04:00', end: '2026-03-08T10:00:00-04:00' }, '2026-03-08', NY, w)).toEqual({ start: 1, end: 2 });
    expect(startChoices([{ start: '2026-03-08T01:00:00-05:00', end: '2026-03-08T04:00:00-04:00' }], 60, NY).map((s) => clockOf(s, NY))).toEqual(['01:00', '03:00']);
  });
});
