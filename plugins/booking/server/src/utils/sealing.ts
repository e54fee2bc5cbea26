import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Sealing with AES-256-GCM, for what the plugin must keep but nobody reading the database may read
 * (an idempotency answer holds a working manage token). The key is derived with HKDF from a server
 * secret, so nothing new has to be configured; `context` binds a sealed text to where it is stored
 * (a row's key), so it cannot be moved to another row.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SealingKey = Buffer;

/** One key per secret and purpose: another purpose derives another key from the same secret. */
export const sealingKey = (secret: string, purpose: string): SealingKey => Buffer.from(hkdfSync('sha256', secret, 'linli-booking', purpose, 32));

export const seal = (plaintext: string, key: SealingKey, context: string): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
};

/** The plaintext, or null when no key opens it (another secret, another context, or altered). */
export const open = (sealed: string, keys: SealingKey[], context: string): string | null => {
  if (!sealed.startsWith(`${VERSION}.`)) return null;
  const raw = Buffer.from(sealed.slice(VERSION.length + 1), 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) return null;
  const iv = raw.subarray(0, IV_BYTES);
  const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const body = raw.subarray(IV_BYTES + TAG_BYTES);
  for (const key of keys) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      // not this key: try the next (APP_KEYS rotate: the first seals, all open)
    }
  }
  return null;
};

/** The prefix every sealed text starts with, so a start-up purge can drop rows stored in clear by an older version. */
export const SEALED_PREFIX = `${VERSION}.`;
