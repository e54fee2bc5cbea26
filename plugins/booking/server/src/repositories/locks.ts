import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES } from '../constants';
import { isPostgres } from './dialect';

/**
 * A named lock held until the transaction ends: on PostgreSQL a row lock (SELECT … FOR UPDATE)
 * on a row of the locks table; SQLite has a single writer anyway.
 */
const lock = async (strapi: Core.Strapi, trx: Knex.Transaction, target: string): Promise<void> => {
  await trx(TABLES.capacityLocks).insert({ target }).onConflict('target').ignore();
  if (isPostgres(strapi)) await trx(TABLES.capacityLocks).where({ target }).forUpdate().first();
};

/** Serialises everything that counts places of one course, event or session (key from `targetKey`). */
export const lockCapacity = (strapi: Core.Strapi, trx: Knex.Transaction, targetKey: string) => lock(strapi, trx, targetKey);

/** Staff's changes to one session (attendance, cancel, move) are made one at a time. */
export const lockSession = (strapi: Core.Strapi, trx: Knex.Transaction, sessionId: string) => lock(strapi, trx, `session:${sessionId}`);
