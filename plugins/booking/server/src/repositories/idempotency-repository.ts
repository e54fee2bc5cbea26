import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DAY_MS } from '../core/time/instants';
import { validationError } from '../utils/errors';
import { open, seal, SEALED_PREFIX, sealingKey, type SealingKey } from '../utils/sealing';
import { TABLES } from '../constants';

const IDEMPOTENCY_TABLE = TABLES.idempotency;

/**
 * How long a key's answer is kept. A retry comes within seconds or minutes; after a day the key
 * counts as new (and its row is purged), as with Stripe's keys, so a stored answer, which names a
 * person's booking, lives no longer than that.
 */
export const IDEMPOTENCY_TTL_MS = DAY_MS;

/** What a key's request is compared by: the same key with another body is a client error, not a replay. */
export const hashRequest = (request: unknown): string => createHash('sha256').update(JSON.stringify(request)).digest('hex');

export interface StoredAnswer {
  requestHash: string;
  status: number;
  body: { data: Record<string, unknown> };
}

/**
 * The keys that seal stored answers: derived from the app's APP_KEYS (Strapi's `server.app.keys`),
 * the first sealing and every one opening, so rotating them keeps a day's answers readable.
 */
const answerKeys = (strapi: Core.Strapi): SealingKey[] => {
  const secrets = (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];
  if (secrets.length === 0) throw new Error('booking plugin: server.app.keys (APP_KEYS) must be set to seal stored idempotency answers');
  return secrets.map((secret) => sealingKey(secret, 'idempotency-answers'));
};

const cutoff = (now: Date) => new Date(now.getTime() - IDEMPOTENCY_TTL_MS);

/**
 * Answers already given to an Idempotency-Key, so a retried or double-clicked request books once.
 * The answer holds the new booking's manage token, which the client must get again on a replay, so
 * it is stored sealed (AES-GCM, bound to its key), never in clear.
 */
export const idempotencyRepository = (strapi: Core.Strapi) => ({
  async find(key: string, now: Date = new Date()): Promise<StoredAnswer | null> {
    const row = await strapi.db.connection(IDEMPOTENCY_TABLE).where({ key }).andWhere('created_at', '>=', cutoff(now)).first();
    if (!row) return null;
    const body = open(row.body, answerKeys(strapi), key);
    if (body === null) {
      // Sealed under secrets this server no longer has: the answer cannot be given again.
      throw validationError([{ path: 'Idempotency-Key', message: 'was used before and its answer can no longer be read; use a new key' }], 'This Idempotency-Key cannot be replayed');
    }
    return { requestHash: row.request_hash, status: row.status, body: JSON.parse(body) };
  },

  /** Stores the answer sealed, and purges the answers older than a day (an expired copy of this key among them). */
  async save(key: string, requestHash: string, status: number, body: unknown, now: Date, trx: Knex.Transaction) {
    await trx(IDEMPOTENCY_TABLE).where('created_at', '<', cutoff(now)).delete();
    const [sealingKeyNow] = answerKeys(strapi);
    await trx(IDEMPOTENCY_TABLE).insert({ key, request_hash: requestHash, status, body: seal(JSON.stringify(body), sealingKeyNow, key), created_at: now });
  },

  /** At start-up: answers past their day, and any an older version stored in clear. */
  async purge(now: Date) {
    await strapi.db
      .connection(IDEMPOTENCY_TABLE)
      .where('created_at', '<', cutoff(now))
      .orWhere('body', 'not like', `${SEALED_PREFIX}%`)
      .delete();
  },

  /**
   * Drops the stored answers that name any of `needles` (a person's references, enrolment ids,
   * phone or e-mail): an erased person's booking must not come back from a replay. Answers live a
   * day, so there are few to open.
   */
  async forgetAnswersNaming(needles: string[], trx: Knex.Transaction): Promise<void> {
    const wanted = needles.filter(Boolean);
    if (wanted.length === 0) return;
    const keys = answerKeys(strapi);
    for (const row of (await trx(IDEMPOTENCY_TABLE).select('key', 'body')) as Array<{ key: string; body: string }>) {
      const body = open(row.body, keys, row.key);
      if (body === null || wanted.some((needle) => body.includes(needle))) await trx(IDEMPOTENCY_TABLE).where('key', row.key).delete();
    }
  },

  /**
   * The answer already given to this key, if any: before the work, and again after a failed attempt
   * (a concurrent request with the same key may have won the race).
   */
  async answered(key: string | undefined, requestHash: string) {
    if (!key) return null;
    const stored = await this.find(key);
    return stored ? this.replay(stored, requestHash) : null;
  },

  /** The first answer again, or a 422-style refusal when the key came with a different request. */
  replay(stored: StoredAnswer, requestHash: string): { status: 201; body: { data: Record<string, unknown> } } {
    if (stored.requestHash !== requestHash) {
      throw validationError([{ path: 'Idempotency-Key', message: 'was already used for a different request; use a new key' }], 'This Idempotency-Key was already used for a different request');
    }
    return { status: stored.status as 201, body: stored.body };
  },
});
