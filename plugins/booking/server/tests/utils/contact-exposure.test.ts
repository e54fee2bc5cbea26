import { withPhonesMasked } from '../../src/utils/contact-exposure';

describe('withPhonesMasked', () => {
  it('masks every phone field however deep, and leaves everything else', () => {
    const roster = { session: { id: 's1', start: '2026-03-01T09:00' }, confirmed: [{ name: '王秀兰', phone: '13900000101', email: 'w@example.org', people: 1 }], waitlist: [{ name: 'Lucy', phone: null }] };
    expect(withPhonesMasked(roster)).toEqual({
      session: { id: 's1', start: '2026-03-01T09:00' },
      confirmed: [{ name: '王秀兰', phone: '139****0101', email: 'w@example.org', people: 1 }],
      waitlist: [{ name: 'Lucy', phone: null }],
    });
    expect(roster.confirmed[0].phone).toBe('13900000101');
  });
});
