import type { Core } from '@strapi/strapi';
import { isPostgres } from '../repositories/dialect';

/**
 * SQLite leaves the old bytes of an updated or deleted row in the file until the page is reused,
 * so an erased phone number could still be read from it (or a backup of it). secure_delete has it
 * overwrite them. PostgreSQL's old row versions are vacuumed and never dumped.
 * knex keeps SQLite to one connection, so setting it once at start holds.
 */
export const eraseForGoodOnSqlite = async (strapi: Core.Strapi): Promise<void> => {
  if (isPostgres(strapi)) return;
  await strapi.db.connection.raw('PRAGMA secure_delete = ON');
};
