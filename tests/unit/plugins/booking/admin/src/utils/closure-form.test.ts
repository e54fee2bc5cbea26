import { wallClockToIso } from '../../../../../../../plugins/booking/admin/src/utils/centre-clock';
import { checkClosureForm, type ClosureForm } from '../../../../../../../plugins/booking/admin/src/utils/closure-form';

const form: ClosureForm = { allRooms: false, rooms: ['room1'], start: '2026-12-18T08:00', end: '2026-12-18T22:00', reason: '水管维修', reasonEn: '' };

describe('wallClockToIso', () => {
  it('reads what was typed on the centre’s clock, whatever the browser’s zone', () => {
    expect(wallClockToIso('2026-12-18T08:00', 'Asia/Shanghai')).toBe('2026-12-18T08:00:00+08:00');
    // A centre with daylight saving: summer and winter offsets differ.
    expect(wallClockToIso('2026-07-01T09:30', 'Europe/London')).toBe('2026-07-01T09:30:00+01:00');
    expect(wallClockToIso('2026-12-01T09:30', 'Europe/London')).toBe('2026-12-01T09:30:00Z');
  });

  it('refuses what is no time', () => {
    expect(wallClockToIso('', 'Asia/Shanghai')).toBeNull();
    expect(wallClockToIso('2026-02-31T08:00', 'Asia/Shanghai')).toBeNull();
  });
});

describe('checkClosureForm', () => {
  it('builds the request with both ends on the centre’s clock', () => {
    expect(checkClosureForm(form, 'Asia/Shanghai')).toEqual({
      errors: {},
      request: { allRooms: false, rooms: ['room1'], start: '2026-12-18T08:00:00+08:00', end: '2026-12-18T22:00:00+08:00', reason: '水管维修', reasonEn: '' },
    });
  });

  it('names each broken field with the server’s rule code', () => {
    expect(checkClosureForm({ ...form, end: '2026-12-18T07:00' }, 'Asia/Shanghai')).toEqual({ errors: { end: 'end_before_start' }, request: null });
    expect(checkClosureForm({ ...form, end: '2028-12-18T07:00' }, 'Asia/Shanghai').errors).toEqual({ end: 'too_long' });
    expect(checkClosureForm({ ...form, rooms: [], reason: ' ', start: '' }, 'Asia/Shanghai').errors).toEqual({ rooms: 'rooms_required', reason: 'reason_required', start: 'time_required' });
    expect(checkClosureForm({ ...form, reasonEn: 'x'.repeat(201) }, 'Asia/Shanghai').errors).toEqual({ reasonEn: 'reason_too_long' });
    expect(checkClosureForm({ ...form, allRooms: true, rooms: [] }, 'Asia/Shanghai').request).toMatchObject({ allRooms: true, rooms: [] });
  });
});
