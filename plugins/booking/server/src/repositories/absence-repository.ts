import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES } from '../constants';

const TABLE = TABLES.absences;

/** Who said "I can't come" to one session of a term they keep their place in. */
export interface AbsenceRow {
  enrolmentId: string;
  sessionId: string;
}

export const absenceRepository = (strapi: Core.Strapi) => {
  const withTable = <T>(trx: Knex.Transaction | undefined, work: (q: Knex.QueryBuilder) => PromiseLike<T>): Promise<T> => {
    if (trx) return Promise.resolve(work(trx(TABLE)));
    if (strapi.db.inTransaction()) return strapi.db.transaction(async ({ trx: ambient }) => await work(ambient(TABLE))) as Promise<T>;
    return Promise.resolve(work(strapi.db.connection(TABLE)));
  };

  return {
    /** Records the absence; false when it was recorded before. */
    async record(enrolmentId: string, sessionId: string, now: Date, trx?: Knex.Transaction): Promise<boolean> {
      const existing = await withTable(trx, (q) => q.where({ enrolment_id: enrolmentId, session_id: sessionId }).first());
      if (existing) return false;
      await withTable(trx, (q) => q.insert({ enrolment_id: enrolmentId, session_id: sessionId, created_at: now }));
      return true;
    },

    async isAway(enrolmentId: string, sessionId: string): Promise<boolean> {
      return Boolean(await withTable(undefined, (q) => q.where({ enrolment_id: enrolmentId, session_id: sessionId }).first()));
    },

    async forSessions(sessionIds: string[]): Promise<AbsenceRow[]> {
      if (sessionIds.length === 0) return [];
      const rows = (await withTable(undefined, (q) => q.whereIn('session_id', sessionIds).select('enrolment_id', 'session_id'))) as Array<{ enrolment_id: string; session_id: string }>;
      return rows.map((r) => ({ enrolmentId: r.enrolment_id, sessionId: r.session_id }));
    },
  };
};
