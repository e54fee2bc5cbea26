import { optionalPhone } from '../../src/schemas/fields';

const problem = (typed: string) => {
  const result = optionalPhone.safeParse(typed);
  return result.success ? null : result.error.issues.map((i) => i.message);
};

describe('optionalPhone', () => {
  it('takes mainland mobiles and landlines as typed, and a blank as none', () => {
    for (const typed of ['13800138000', '138 0013 8000', '138-0013-8000', '+86 138 0013 8000', '010-6552 9988', '021 5555 6666']) {
      expect(optionalPhone.parse(typed)).toBe(typed.trim());
    }
    expect(optionalPhone.parse('')).toBeNull();
  });

  it('says which fix a refused number needs: its characters, or its length', () => {
    expect(problem('138abc00138')).toEqual(['must be a phone number of digits, spaces or dashes']);
    expect(problem('123456')).toEqual(['has too few or too many digits to be a phone number (a mobile number has 11)']);
    expect(problem('1380013800012345')).toEqual(['has too few or too many digits to be a phone number (a mobile number has 11)']);
  });
});
