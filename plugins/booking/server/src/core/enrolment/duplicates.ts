/**
 * Same person, whatever way the number was typed: "+86 138-0013-8000",
 * "0086 13800138000", "13800138000" and full-width "１３８００１３８０００" from a Chinese
 * input method all give 13800138000.
 *
 * - NFKC first, which turns full-width digits and "＋" into ASCII.
 * - A leading "+" or "00" marks an international number; China's 86 is then dropped,
 *   and other country codes are kept (digits only).
 * - A bare 86 in front of an 11-digit mobile number (861…, 13 digits) is dropped too.
 * - A Chinese landline written internationally (+86 10 1234 5678) gets back its
 *   trunk 0 (01012345678), as it is written at home.
 */
export function normalizePhone(s: string): string {
  const text = s.normalize('NFKC').trim();
  const digits = text.replace(/\D/g, '');
  let international: string | null = null;
  if (text.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  else if (digits.length === 13 && digits.startsWith('861')) international = digits;

  if (international === null) return digits;
  if (!international.startsWith('86')) return international;
  const national = international.slice(2);
  const isMobile = national.length === 11 && national.startsWith('1');
  return isMobile || national.startsWith('0') || national === '' ? national : `0${national}`;
}

/**
 * Trimmed and lower-cased (after NFKC, for a full-width "＠"). The local part is
 * case-sensitive in theory, never in practice; provider tricks such as Gmail's dots
 * are not undone.
 */
export function normalizeEmail(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

export interface ContactDetails {
  phone?: string | null;
  email?: string | null;
}

/** The same phone number or email as an existing enrolment; blank details match nothing. */
export function isDuplicateEnrolment(candidate: ContactDetails, existing: ContactDetails[]): boolean {
  const phone = candidate.phone ? normalizePhone(candidate.phone) : '';
  const email = candidate.email ? normalizeEmail(candidate.email) : '';
  if (!phone && !email) return false;
  return existing.some(
    (e) =>
      (phone !== '' && e.phone != null && normalizePhone(e.phone) === phone) ||
      (email !== '' && e.email != null && normalizeEmail(e.email) === email)
  );
}
