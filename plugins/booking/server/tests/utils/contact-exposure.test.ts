import fc from 'fast-check';
import { maskPhoneMiddle } from '../../../shared/mask-contact';
import { withPhonesMasked } from '../../src/utils/contact-exposure';

/** The plain definition: a deep copy with every string `phone` masked. */
const maskedCopy = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(maskedCopy);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key === 'phone' && typeof v === 'string' ? maskPhoneMiddle(v) : maskedCopy(v)]));
};

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

  it('gives what a masked deep copy gives, and never changes what it was given', () => {
    const phone = fc.oneof(fc.constantFrom('13800138000', '+86 139 0000 0101', '020-8888 1234', ''), fc.string());
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), tie('node'), fc.array(tie('tree'), { maxLength: 4 })),
      node: fc.record({ phone: fc.oneof(phone, fc.constant(null)), name: fc.string(), contact: fc.option(tie('tree')), items: fc.array(tie('tree'), { maxLength: 3 }) }, { requiredKeys: [] }),
    }));
    fc.assert(
      fc.property(tree, (value) => {
        const before = structuredClone(value);
        expect(withPhonesMasked(value)).toEqual(maskedCopy(value));
        expect(value).toEqual(before);
      })
    );
  });

  it('copies nothing that holds no phone', () => {
    const session = { kind: 'session', title: { zh: '太极', en: 'Tai chi' }, tags: ['a'] };
    const booking = { kind: 'reservation', contact: { name: '李', phone: '13800138000' }, tags: ['b'] };
    const [sessionOut, bookingOut] = withPhonesMasked([session, booking]);
    expect(sessionOut).toBe(session);
    expect(bookingOut).not.toBe(booking);
    expect(bookingOut.tags).toBe(booking.tags);
    expect(bookingOut.contact.phone).toBe('138****8000');
  });
});
