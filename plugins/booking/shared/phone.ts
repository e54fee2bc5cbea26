import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Pure (libphonenumber-js only): imported by the server's schemas and by the admin panel's forms. */

/** What a typed number may look like at all: digits, spaces or dashes, a leading + allowed. */
const SHAPE = /^[+\d][\d\s-]{5,30}$/;

export const isPhoneShaped = (typed: string): boolean => SHAPE.test(typed);

/**
 * The number in E.164 form (+8613800138000), read as a Chinese number unless it starts with +,
 * or null when it cannot be a phone number (too short, too long, letters).
 */
export const normalisePhone = (typed: string): string | null => {
  if (!isPhoneShaped(typed)) return null;
  const parsed = parsePhoneNumberFromString(typed, 'CN');
  return parsed?.isPossible() ? parsed.number : null;
};
