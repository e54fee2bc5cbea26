import type { Core } from '@strapi/strapi';
import { createHmac, hkdfSync } from 'node:crypto';
import { phoneKey } from './phone';

/**
 * One person across reservations, enrolments and years, without keeping who they are.
 *
 * Reports count unique people ("服务居民N人") and new people by this key; retention keeps it on
 * a row whose phone and e-mail it erases (column `personKey`), so the counts are the same before
 * and after. It is a keyed hash (HMAC from APP_KEYS), not a plain one: a phone number has so few
 * possible values that an unkeyed hash could be reversed by trying them all.
 */
export interface Contact {
  phone?: string | null;
  email?: string | null;
}

const keyOf = (strapi: Core.Strapi): Buffer => {
  const secret = ((strapi.config.get('server.app.keys') as string[] | undefined) ?? [])[0];
  if (!secret) throw new Error('booking plugin: server.app.keys (APP_KEYS) must be set to count people');
  return Buffer.from(hkdfSync('sha256', secret, 'linli-booking', 'person-key', 32));
};

/** The identity a person is counted by: the phone when there is one, else the e-mail. */
export const identityOf = (contact: Contact): string | null => {
  const phone = contact.phone ? phoneKey(contact.phone) : '';
  if (phone) return `tel:${phone}`;
  const email = contact.email?.trim().toLowerCase();
  return email ? `mailto:${email}` : null;
};

/** A function giving each contact its person key (24 hex characters), or null for no phone and no e-mail. */
export const personKeys = (strapi: Core.Strapi) => {
  const key = keyOf(strapi);
  return (contact: Contact): string | null => {
    const identity = identityOf(contact);
    return identity ? createHmac('sha256', key).update(identity).digest('hex').slice(0, 24) : null;
  };
};

/** The key of a stored row: the one retention kept, else computed from its contact. */
export const personKeyOfRow = (keyFor: (c: Contact) => string | null, row: Contact & { personKey?: string | null }): string | null =>
  row.personKey ?? keyFor(row);
