import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Digits and capitals without the look-alikes 0/O, 1/I/L, so a reference survives being read aloud or handwritten. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const REFERENCE_LENGTH = 5;
export const REFERENCE_PATTERN = new RegExp(`^LL-[${REFERENCE_ALPHABET}]{${REFERENCE_LENGTH}}$`);

/**
 * A short human reference like 'LL-7K3Q9' (31^5 ≈ 28.6 million values). Not a secret and not
 * guaranteed unique: store it under a unique constraint and draw again on a collision.
 */
export function newReference(): string {
  let code = '';
  for (let k = 0; k < REFERENCE_LENGTH; k++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `LL-${code}`;
}

/**
 * Runs `attempt` with a newly drawn reference, and again with another while `isClash` says the
 * database refused it as taken (two requests drew the same one at once): a clash is retried, not a 500.
 */
export async function withNewReference<T>(attempt: (reference: string) => Promise<T>, isClash: (error: unknown) => boolean, tries = 8, draw: () => string = newReference): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt(draw());
    } catch (error) {
      if (n >= tries || !isClash(error)) throw error;
    }
  }
}

/** The secret in a "manage my booking" link: 32 random bytes, base64url (43 characters). */
export function newManageToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of the token, so a database leak does not hand out manage links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
