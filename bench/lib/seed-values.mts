// Values the SQL seeds write as the product would: document ids like Strapi's, and a repeatable
// source of randomness so every run seeds the same data.
import { randomBytes } from 'node:crypto';

/** Like Strapi's document ids (cuid2): 24 lower-case letters and digits, starting with a letter. */
export const documentId = (): string => {
  const bytes = randomBytes(24);
  let id = String.fromCharCode(97 + (bytes[0] % 26));
  for (let i = 1; i < 24; i++) id += (bytes[i] % 36).toString(36);
  return id;
};

/** A deterministic PRNG (mulberry32): numbers in [0, 1), the same sequence for the same seed. */
export const prng = (seed: number) => (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
