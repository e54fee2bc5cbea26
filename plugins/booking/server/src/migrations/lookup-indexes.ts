import { REFERENCE_UNIQUE_INDEX, RESERVATION_PERIOD_INDEX } from '../constants';
import type { MigrationContext } from './runner';

/**
 * Lookups by reference and by manage link scan the whole table without these. They are on content
 * types' tables, which Strapi's schema sync does not know them on and may rebuild, so they are
 * (re)made on every start.
 */
export const ensureLookupIndexes = async ({ knex }: MigrationContext): Promise<void> => {
  for (const [table, column] of [
    ['booking_reservations', 'reference'],
    ['booking_reservations', 'manage_token_hash'],
    ['booking_enrolments', 'manage_token_hash'],
    ['booking_reservations', 'found_token_hash'],
    ['booking_enrolments', 'found_token_hash'],
    ['booking_sessions', 'activity_id'],
    ['booking_enrolments', 'activity_id'],
  ]) {
    if ((await knex.schema.hasTable(table)) && (await knex.schema.hasColumn(table, column))) {
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${table}_${column}_idx ON ${table} (${column})`);
    }
  }
};

/**
 * The reservations overlapping a period (the front desk's board) are found through this index on
 * PostgreSQL: without it every read scans the whole table, a year of a busy centre's bookings for
 * one week's. A range index, since neither a start nor an end bound alone narrows an overlap.
 * Made on every start like the lookups above; Strapi keeps datetimes without a time zone (tsrange).
 */
export const ensureReservationPeriodIndex = async ({ knex, postgres }: MigrationContext): Promise<void> => {
  const table = 'booking_reservations';
  if (!postgres || !(await knex.schema.hasTable(table))) return;
  const { rows } = await knex.raw(
    "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = ? AND column_name IN ('starts_at', 'ends_at') AND data_type = 'timestamp without time zone'",
    [table]
  );
  if (rows[0].n !== 2) return;
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${RESERVATION_PERIOD_INDEX} ON ${table} USING gist (tsrange(starts_at, ends_at))`);
};

/**
 * A reference belongs to one request (REFERENCE_UNIQUE_INDEX), made on every start like the
 * lookups above. Rows written before it existed may already share one: then the index is not made
 * and the references are logged for staff to sort out, rather than the CMS refusing to start.
 */
export const ensureUniqueReferences = async (context: MigrationContext): Promise<void> => {
  const { knex, log } = context;
  const table = 'booking_reservations';
  if (!(await knex.schema.hasTable(table)) || !(await knex.schema.hasColumn(table, 'series_index'))) return;
  // Made once: a start should not scan every reservation to look for shared references again.
  if (await indexExists(context, REFERENCE_UNIQUE_INDEX)) return;
  const shared = (await knex(table).select('reference').groupBy('reference', 'series_index').havingRaw('count(*) > 1')) as Array<{ reference: string }>;
  if (shared.length > 0) {
    log.error(`[booking] References shared by more than one request, so they are not yet made unique: ${[...new Set(shared.map((r) => r.reference))].join(', ')}`);
    return;
  }
  await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${REFERENCE_UNIQUE_INDEX} ON ${table} (reference, series_index)`);
};

const indexExists = async ({ knex, postgres }: MigrationContext, name: string): Promise<boolean> => {
  if (postgres) return (await knex.raw('SELECT 1 FROM pg_indexes WHERE indexname = ?', [name])).rows.length > 0;
  return (await knex.raw("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", [name])).length > 0;
};
