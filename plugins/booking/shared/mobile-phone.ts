import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { isPhoneShaped } from './phone';

/**
 * Whether a text message can reach this number: libphonenumber-js (its full metadata, which alone
 * knows mobile ranges) reads it as a valid mobile number, or one its country does not tell apart
 * from a mobile (as in the US). Read as a number of `country` unless it starts with +, as
 * `normalisePhone` reads it. Server only: the full metadata is too large for the admin panel.
 */
export const isMobileNumber = (typed: string, country: CountryCode = 'CN'): boolean => {
  if (!isPhoneShaped(typed)) return false;
  const parsed = parsePhoneNumberFromString(typed, country);
  if (!parsed?.isValid()) return false;
  const type = parsed.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
};
