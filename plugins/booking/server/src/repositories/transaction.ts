import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Runs `work` in one database transaction. Document Service calls made inside join it; knex
 * queries join it through `trx` (repositories take it as their last argument).
 */
export const inTransaction = <T>(strapi: Core.Strapi, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
  strapi.db.transaction(({ trx }) => work(trx)) as Promise<T>;
