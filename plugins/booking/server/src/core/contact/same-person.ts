import { phoneKey } from '../../../../shared/phone';

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

/**
 * The same person: the same phone number however it was typed (compared in E.164 by
 * libphonenumber-js, see `phoneKey`) or the same e-mail address. Blank details match nothing.
 */
export function isSamePerson(candidate: ContactDetails, other: ContactDetails): boolean {
  const phone = candidate.phone ? phoneKey(candidate.phone) : '';
  const email = candidate.email ? normalizeEmail(candidate.email) : '';
  return (
    (phone !== '' && other.phone != null && phoneKey(other.phone) === phone) ||
    (email !== '' && other.email != null && normalizeEmail(other.email) === email)
  );
}

/** What one person's bookings are serialised by (the weekly quota): each detail they gave, normalised. */
export function contactKeys(contact: ContactDetails): string[] {
  const phone = contact.phone ? phoneKey(contact.phone) : '';
  const email = contact.email ? normalizeEmail(contact.email) : '';
  return [...(phone ? [`phone:${phone}`] : []), ...(email ? [`email:${email}`] : [])];
}
