import { randomInt } from 'node:crypto';
import { REFERENCE_ALPHABET } from '../reservations/reference';

/**
 * The code of an "I can't come" link: short enough for a text message, without look-alike
 * characters. 31^10 ≈ 8 × 10^14 values, against a rate limit of a few dozen tries a minute per
 * client, and each code works only until its date begins: guessing one is hopeless. Stored hashed.
 */
export const CANT_COME_CODE_LENGTH = 10;
export const CANT_COME_CODE_PATTERN = new RegExp(`^[${REFERENCE_ALPHABET}]{${CANT_COME_CODE_LENGTH}}$`);

export function newCantComeCode(): string {
  let code = '';
  for (let k = 0; k < CANT_COME_CODE_LENGTH; k++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return code;
}
