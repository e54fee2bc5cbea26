import { maskPhoneMiddle, maskRecipient } from '../../../../../plugins/booking/shared/mask-contact';

describe('maskRecipient', () => {
  it('masks a phone as the sign-in sheet does: the last four digits', () => {
    expect(maskRecipient('+8613900001234')).toBe('****1234');
  });
  it('masks an address to its first character and its domain', () => {
    expect(maskRecipient('li.xiuying@example.org')).toBe('l***@example.org');
    expect(maskRecipient('@nobody')).toBe('***');
  });
  it('leaves nothing for no recipient', () => {
    expect(maskRecipient(null)).toBe('');
  });
});

describe('maskPhoneMiddle', () => {
  it('keeps a mobile number’s first three and last four digits, however it was typed', () => {
    expect(maskPhoneMiddle('13800138000')).toBe('138****8000');
    expect(maskPhoneMiddle('+86 138-0013-8000')).toBe('138****8000');
  });
  it('keeps only the last four of any other number, and nothing of none', () => {
    expect(maskPhoneMiddle('6552 9988')).toBe('****9988');
    expect(maskPhoneMiddle('')).toBe('');
    expect(maskPhoneMiddle(null)).toBe('');
  });
});
