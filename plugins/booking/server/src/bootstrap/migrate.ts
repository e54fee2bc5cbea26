import type { Core } from '@strapi/strapi';
import { MIGRATIONS, REPAIRS } from '../migrations';
import { runMigrations } from '../migrations/runner';
import { isPostgres } from '../repositories/dialect';
import { version as pluginVersion } from '../../../package.json';

/** Brings the plugin's tables and data up to this version's schema; after Strapi's own schema sync, before anything reads them. */
export const migrate = async (strapi: Core.Strapi): Promise<void> => {
  await runMigrations(strapi.db.connection, {
    postgres: isPostgres(strapi),
    migrations: MIGRATIONS,
    repairs: REPAIRS,
    pluginVersion,
    log: { info: (m) => strapi.log.info(m), error: (m) => strapi.log.error(m) },
  });
};
