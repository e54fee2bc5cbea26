import { maskPhone } from '../../../../../../../plugins/booking/admin/src/utils/mask-phone';

describe('maskPhone', () => {
  it('shows only the last four digits, whatever the spacing', () => {
    expect(maskPhone('139 0000 1234')).toBe('****1234');
    expect(maskPhone('+86 139-0000-5678')).toBe('****5678');
  });
  it('leaves nothing for no phone', () => {
    expect(maskPhone(null)).toBe('');
    expect(maskPhone('')).toBe('');
  });
});
