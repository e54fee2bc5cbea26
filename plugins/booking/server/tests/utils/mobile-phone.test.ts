import { isMobileNumber } from '../../src/utils/phone';

/** Whether a text message can reach a number: what `notifyBy: 'sms'` asks of the phone given. */
describe('isMobileNumber (libphonenumber-js, full metadata)', () => {
  it.each([
    ['13800138000', true],
    ['138 0013 8000', true],
    ['+86 138-0013-8000', true],
    ['19912345678', true],
    ['+44 7911 123456', true],
    // The US does not tell mobile numbers from fixed lines.
    ['+1 212 555 0100', true],
    ['010-6552 9988', false],
    ['021 6123 4567', false],
    ['+44 20 7946 0958', false],
    // Eleven digits, but no mobile range starts with 12.
    ['12345678901', false],
    ['1380013800', false],
    ['not a number', false],
    ['', false],
  ])('%j → %j', (typed, mobile) => {
    expect(isMobileNumber(typed)).toBe(mobile);
  });

  it('reads a number without + as one of the country given', () => {
    expect(isMobileNumber('07911 123456', 'GB')).toBe(true);
    expect(isMobileNumber('07911 123456')).toBe(false);
  });
});
