import fc from 'fast-check';
import { isDuplicateEnrolment } from '../../../src/core/enrolment/duplicates';
import { contactKeys, normalizeEmail } from '../../../src/core/contact/same-person';
import { phoneKey } from '../../../src/utils/phone';

describe('phoneKey (libphonenumber-js)', () => {
  it.each([
    ['13800138000', '+8613800138000'],
    ['138 0013 8000', '+8613800138000'],
    ['138-0013-8000', '+8613800138000'],
    ['+86 138 0013 8000', '+8613800138000'],
    ['+86 138-0013-8000', '+8613800138000'],
    ['+86-13800138000', '+8613800138000'],
    ['(+86) 138 0013 8000', '+8613800138000'],
    ['0086 13800138000', '+8613800138000'],
    ['008613800138000', '+8613800138000'],
    ['8613800138000', '+8613800138000'],
    ['１３８００１３８０００', '+8613800138000'],
    ['＋８６ １３８ ００１３ ８０００', '+8613800138000'],
    ['010-1234 5678', '+861012345678'],
    ['+86 10 1234 5678', '+861012345678'],
    ['0086 21 6123 4567', '+862161234567'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+852 2123 4567', '+85221234567'],
    ['12', '12'],
    ['', ''],
    ['   ', ''],
    ['no number', ''],
    // An unreadable international number keys as its digits read once more, so its key keys to itself.
    ['+0000000', '+860000000'],
  ])('%j → %j', (input, expected) => {
    expect(phoneKey(input)).toBe(expected);
  });

  const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);

  it('property: every way of writing a Chinese mobile number gives the same digits', () => {
    const fullWidth = (s: string) => s.replace(/[0-9+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(mobile, fc.constantFrom('', '+86', '+86 ', '0086', '0086 ', '86'), fc.constantFrom(' ', '-', ''), fc.boolean(), (m, prefix, sep, wide) => {
        let written = `${prefix}${m.slice(0, 3)}${sep}${m.slice(3, 7)}${sep}${m.slice(7)}`;
        if (wide) written = fullWidth(written);
        expect(phoneKey(written)).toBe(`+86${m}`);
      })
    );
  });

  it('property: idempotent, E.164 or bare digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^\+?[\d\s-]{0,20}$/)), (s) => {
        const once = phoneKey(s);
        expect(once).toMatch(/^(\+[1-9]\d+|\d*)$/);
        expect(phoneKey(once)).toBe(once);
      })
    );
  });
});

describe('contactKeys', () => {
  it('gives one key per detail, the same however it was written', () => {
    expect(contactKeys({ phone: '138 0013 8000', email: ' Wang@163.COM' })).toEqual(['phone:+8613800138000', 'email:wang@163.com']);
    expect(contactKeys({ phone: '+86 138-0013-8000' })).toEqual(contactKeys({ phone: '13800138000', email: null }));
    expect(contactKeys({ phone: '', email: '' })).toEqual([]);
  });
});

describe('normalizeEmail', () => {
  it.each([
    ['Li.Wei@Example.COM', 'li.wei@example.com'],
    ['  li.wei@example.com \n', 'li.wei@example.com'],
    ['li.wei＠example.com', 'li.wei@example.com'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it('keeps provider-specific tricks apart (dots and plus tags are not undone)', () => {
    expect(normalizeEmail('li.wei@gmail.com')).not.toBe(normalizeEmail('liwei@gmail.com'));
    expect(normalizeEmail('li+yoga@qq.com')).not.toBe(normalizeEmail('li@qq.com'));
  });
});

describe('isDuplicateEnrolment', () => {
  const existing = [{ phone: '138 0013 8000' }, { email: 'Wang.Fang@163.com' }, { phone: '', email: '' }, { phone: null, email: null }];

  it('matches the same phone written differently', () => {
    expect(isDuplicateEnrolment({ phone: '+86 13800138000' }, existing)).toBe(true);
  });

  it('matches the same email in another case', () => {
    expect(isDuplicateEnrolment({ email: ' wang.fang@163.COM' }, existing)).toBe(true);
  });

  it('matches on either detail', () => {
    expect(isDuplicateEnrolment({ phone: '13900000000', email: 'wang.fang@163.com' }, existing)).toBe(true);
  });

  it('different details are not duplicates', () => {
    expect(isDuplicateEnrolment({ phone: '13900000000', email: 'zhao@163.com' }, existing)).toBe(false);
  });

  it('blank details match nothing, not even other blanks', () => {
    expect(isDuplicateEnrolment({}, existing)).toBe(false);
    expect(isDuplicateEnrolment({ phone: '', email: '  ' }, existing)).toBe(false);
    expect(isDuplicateEnrolment({ phone: '—' }, [{ phone: '-' }])).toBe(false);
  });

  it('nothing is a duplicate of an empty list', () => {
    expect(isDuplicateEnrolment({ phone: '13800138000' }, [])).toBe(false);
  });
});
