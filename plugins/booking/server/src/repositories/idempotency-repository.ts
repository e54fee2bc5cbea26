import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { validationError } from '../utils/errors';
import { TABLES } from '../constants';

const IDEMPOTENCY_TABLE = TABLES.idempotency;

/** What a key's request is compared by: the same key with another body is a client error, not a replay. */
export const hashRequest = (request: unknown): string => createHash('sha256').update(JSON.stringify(request)).digest('hex');

export interface StoredAnswer {
  requestHash: string;
  status: number;
  body: { data: Record<string, unknown> };
}

/** Answers already given to an Idempotency-Key, so a retried or double-clicked request books once. */
export const idempotencyRepository = (strapi: Core.Strapi) => ({
  async find(key: string): Promise<StoredAnswer | null> {
    const row = await strapi.db.connection(IDEMPOTENCY_TABLE).where({ key }).first();
    return row ? { requestHash: row.request_hash, status: row.status, body: JSON.parse(row.body) } : null;
  },

  async save(key: string, requestHash: string, status: number, body: unknown, now: Date, trx: Knex.Transaction) {
    await trx(IDEMPOTENCY_TABLE).insert({ key, request_hash: requestHash, status, body: JSON.stringify(body), created_at: now });
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
