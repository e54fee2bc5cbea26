import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES } from '../constants';

const TABLE = TABLES.cantComeCodes;

/** What an "I can't come" code cancels: one reserved date (a reservation row), or one session of an enrolment. */
export type CantComeTarget = { kind: 'reservation'; reservationId: string } | { kind: 'enrolment'; enrolmentId: string; sessionId: string };

export interface CantComeRow {
  target: CantComeTarget;
  /** The start of the date as the reminder named it. */
  startsAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

interface CantComeTableRow {
  code_hash: string;
  about_kind: 'reservation' | 'enrolment';
  reservation_id: string | null;
  enrolment_id: string | null;
  session_id: string | null;
  starts_at: Date | string | number;
  expires_at: Date | string | number;
  used_at: Date | string | number | null;
}

const toDate = (v: Date | string | number): Date => (v instanceof Date ? v : new Date(v));

const fromRow = (row: CantComeTableRow): CantComeRow => ({
  target: row.about_kind === 'reservation' ? { kind: 'reservation', reservationId: row.reservation_id! } : { kind: 'enrolment', enrolmentId: row.enrolment_id!, sessionId: row.session_id! },
  startsAt: toDate(row.starts_at),
  expiresAt: toDate(row.expires_at),
  usedAt: row.used_at === null ? null : toDate(row.used_at),
});

/** The codes table through knex; inside a transaction someone else opened, queries join it (see hold-repository). */
export const cantComeRepository = (strapi: Core.Strapi) => {
  const withTable = <T>(trx: Knex.Transaction | undefined, work: (q: Knex.QueryBuilder) => PromiseLike<T>): Promise<T> => {
    if (trx) return Promise.resolve(work(trx(TABLE)));
    if (strapi.db.inTransaction()) return strapi.db.transaction(async ({ trx: ambient }) => await work(ambient(TABLE))) as Promise<T>;
    return Promise.resolve(work(strapi.db.connection(TABLE)));
  };

  return {
    async create(codeHash: string, target: CantComeTarget, startsAt: Date, expiresAt: Date, now: Date): Promise<void> {
      await withTable(undefined, (q) =>
        q.insert({
          code_hash: codeHash,
          about_kind: target.kind,
          reservation_id: target.kind === 'reservation' ? target.reservationId : null,
          enrolment_id: target.kind === 'enrolment' ? target.enrolmentId : null,
          session_id: target.kind === 'enrolment' ? target.sessionId : null,
          starts_at: startsAt,
          expires_at: expiresAt,
          used_at: null,
          created_at: now,
        })
      );
    },

    async findByHash(codeHash: string, trx?: Knex.Transaction): Promise<CantComeRow | null> {
      const row = (await withTable(trx, (q) => q.where('code_hash', codeHash).first())) as CantComeTableRow | undefined;
      return row ? fromRow(row) : null;
    },

    async markUsed(codeHash: string, now: Date, trx?: Knex.Transaction): Promise<void> {
      await withTable(trx, (q) => q.where('code_hash', codeHash).whereNull('used_at').update({ used_at: now }));
    },

    /** Codes whose date began long enough ago that nobody will tap them any more (a start's clean-up). */
    async purgeExpiredBefore(cutoff: Date): Promise<number> {
      return withTable(undefined, (q) => q.where('expires_at', '<', cutoff).delete());
    },
  };
};
