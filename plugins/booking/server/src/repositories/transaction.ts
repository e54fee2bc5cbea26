import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { databaseBusy } from '../utils/errors';

/** Seconds a client is told to wait when SQLite stayed locked. */
const BUSY_RETRY_AFTER = 5;

/** better-sqlite3's code when the file stayed locked past its timeout (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, …). */
const isSqliteBusy = (error: unknown) => typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('SQLITE_BUSY');

/**
 * Runs `work` in one database transaction. Document Service calls made inside join it; knex
 * queries join it through `trx` (repositories take it as their last argument). `onCommit` runs its
 * callback once the outermost transaction commits (the content manager's bulk actions open one
 * around ours), and never if it rolls back. A SQLite file
 * another program kept locked rolls the transaction back and answers 503 with Retry-After, not 500.
 */
export const inTransaction = async <T>(strapi: Core.Strapi, work: (trx: Knex.Transaction, onCommit: (after: () => void) => void) => Promise<T>): Promise<T> => {
  try {
    return (await strapi.db.transaction(({ trx, onCommit }) => work(trx, onCommit))) as T;
  } catch (error) {
    if (!isSqliteBusy(error)) throw error;
    strapi.requestContext.get()?.set('Retry-After', String(BUSY_RETRY_AFTER));
    throw databaseBusy(BUSY_RETRY_AFTER);
  }
};
