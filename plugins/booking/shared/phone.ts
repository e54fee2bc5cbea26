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

/**
 * What two numbers are compared by ("same person?"): E.164 when libphonenumber reads a possible
 * number (full-width digits from a Chinese input method included, punctuation ignored), else the
 * bare digits, so a number stored before it was checked still matches itself. Empty for no digits.
 */
export const phoneKey = (typed: string): string => {
  const text = typed.normalize('NFKC').trim();
  const parsed = possibleNumber(text);
  if (parsed) return parsed;
  // An unreadable "+0…" falls back to its digits; they are read once more so the key of a key is itself.
  const digits = text.replace(/\D/g, '');
  return possibleNumber(digits) ?? digits;
};

const possibleNumber = (text: string): string | null => {
  const parsed = parsePhoneNumberFromString(text, 'CN');
  return parsed?.isPossible() ? parsed.number : null;
};
