/**
 * Contact details as lists that may lie on the desk or be read over a shoulder show them: enough
 * for staff to recognise whose they are, not enough to copy. The call list shows numbers in full,
 * since staff ring them.
 */

/** A phone's last four digits only. */
export const maskPhone = (phone: string | null | undefined): string => {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length === 0 ? '' : `****${digits.slice(-4)}`;
};

/**
 * A phone as rosters and lists show it to staff who may not read numbers in full: the first three
 * and last four digits of a mobile (138****8000), enough to tell two people apart and to confirm
 * one on the phone; a shorter number keeps its last four only.
 */
export const maskPhoneMiddle = (phone: string | null | undefined): string => {
  const digits = (phone ?? '').replace(/\D/g, '');
  const national = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  if (national.length === 0) return '';
  return national.length === 11 ? `${national.slice(0, 3)}****${national.slice(-4)}` : `****${national.slice(-4)}`;
};

/** An e-mail address's first character and domain: l***@example.org. */
export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
};

/** Whom a message went to: an address masked as an address, anything else as a phone. */
export const maskRecipient = (recipient: string | null | undefined): string => {
  if (!recipient) return '';
  return recipient.includes('@') ? maskEmail(recipient) : maskPhone(recipient);
};
