import { maskRecipient } from '../../../../../plugins/booking/shared/mask-contact';

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
