import type { Core } from '@strapi/strapi';
import { TABLES } from '../constants';
import type { MigrationContext } from '../migrations/runner';

const VERSION_TABLE = TABLES.dataVersion;
const BUMP_FUNCTION = 'booking_bump_data_version';
const TRIGGER = 'booking_data_version';

/**
 * Every table a public read of rooms or availability depends on: holds (reservations, pending
 * requests, sessions), closures and the rooms they close, rooms, the centre's hours, room photos,
 * the locales (the default one lives in Strapi's settings store), and users-permissions' roles and
 * permissions, which say who may read them (auth/public-cached-read.ts).
 */
export const WATCHED_TABLES = [
  TABLES.holds,
  'booking_closures',
  'booking_closures_rooms_lnk',
  'booking_rooms',
  'booking_centres',
  'files',
  'files_related_mph',
  'i18n_locale',
  'strapi_core_store_settings',
  'up_permissions',
  'up_permissions_role_lnk',
  'up_roles',
] as const;

/**
 * One number that every committed write to a watched table raises, kept by database triggers so
 * that every CMS process on the database sees it, whoever wrote (the content manager, SQL, another
 * process). Read before the data it versions: an answer stored under a version is then never older
 * than that version.
 *
 * On PostgreSQL the trigger is deferred to commit and raises the number once per transaction: the
 * row is locked only while a transaction commits, so writers to different rooms do not queue on it.
 * The table is made by a migration; the triggers on every start (a repair): Strapi's schema sync may rebuild a table.
 */
export const createDataVersionTable = async ({ knex }: MigrationContext): Promise<void> => {
  if (!(await knex.schema.hasTable(VERSION_TABLE))) {
    await knex.schema.createTable(VERSION_TABLE, (t) => {
      t.integer('id').primary();
      t.bigInteger('version').notNullable();
      // The transaction that raised it last (PostgreSQL), so that one transaction raises it once.
      t.bigInteger('raised_by');
    });
  }
  await knex(VERSION_TABLE).insert({ id: 1, version: 1 }).onConflict('id').ignore();
};

export const ensureDataVersionTriggers = async ({ knex, postgres }: MigrationContext): Promise<void> => {
  const tables: string[] = [];
  for (const table of WATCHED_TABLES) if (await knex.schema.hasTable(table)) tables.push(table);

  if (postgres) {
    await knex.raw(`CREATE OR REPLACE FUNCTION ${BUMP_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ${VERSION_TABLE} SET version = version + 1, raised_by = txid_current()
          WHERE id = 1 AND raised_by IS DISTINCT FROM txid_current();
        RETURN NULL;
      END $$`);
    for (const table of tables) {
      const { rows } = await knex.raw('SELECT 1 FROM pg_trigger WHERE tgname = ? AND tgrelid = ?::regclass', [TRIGGER, table]);
      if (rows.length > 0) continue;
      await knex.raw(
        `CREATE CONSTRAINT TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON ${table}
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${BUMP_FUNCTION}()`
      );
    }
    return;
  }

  // SQLite has one writer at a time: a plain trigger per statement kind is enough.
  for (const table of tables) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      await knex.raw(
        `CREATE TRIGGER IF NOT EXISTS ${TRIGGER}_${table}_${event.toLowerCase()} AFTER ${event} ON ${table}
         BEGIN UPDATE ${VERSION_TABLE} SET version = version + 1 WHERE id = 1; END`
      );
    }
  }
};

/** The current data version: one indexed read. */
export const readDataVersion = async (strapi: Core.Strapi): Promise<string> => {
  const row = await strapi.db.connection(VERSION_TABLE).where({ id: 1 }).first('version');
  return String(row?.version ?? 0);
};
