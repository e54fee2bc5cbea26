import type { Core } from '@strapi/strapi';
import { NO_OVERLAP_CONSTRAINT, REFERENCE_UNIQUE_INDEX, TABLES } from '../constants';
import { isPostgres } from '../repositories/dialect';

const {
  holds: HOLDS_TABLE,
  idempotency: IDEMPOTENCY_TABLE,
  capacityLocks: CAPACITY_LOCKS_TABLE,
  rateLimits: RATE_LIMITS_TABLE,
  messages: MESSAGES_TABLE,
  cantComeCodes: CANT_COME_TABLE,
  absences: ABSENCES_TABLE,
  privacyNotices: PRIVACY_NOTICES_TABLE,
} = TABLES;

/**
 * Every period a room is held, whatever holds it (reservation, course or event session), in one
 * table, so a single database rule guards them all. `blocked_until` is the end plus the room's
 * buffer: two holds whose [starts_at, blocked_until) ranges overlap are too close.
 *
 * On PostgreSQL an exclusion constraint makes overlapping holds of one room impossible, whatever
 * number of CMS processes write at once. SQLite has no such constraint; there writes are
 * serialised (one connection, one writer) and re-checked inside the transaction.
 *
 * These tables are the plugin's own, not content types: Strapi's schema sync neither knows nor
 * touches them, so it cannot drop the constraint.
 */
export const ensureBookingTables = async (strapi: Core.Strapi): Promise<void> => {
  const knex = strapi.db.connection;

  if (!(await knex.schema.hasTable(HOLDS_TABLE))) {
    await knex.schema.createTable(HOLDS_TABLE, (t) => {
      t.increments('id').primary();
      t.string('room_id', 64).notNullable();
      t.string('kind', 16).notNullable();
      t.string('source_id', 64).notNullable();
      t.timestamp('starts_at', { useTz: true }).notNullable();
      t.timestamp('ends_at', { useTz: true }).notNullable();
      t.timestamp('blocked_until', { useTz: true }).notNullable();
      t.index(['room_id', 'starts_at'], 'booking_holds_room_start');
      t.index(['kind', 'source_id'], 'booking_holds_source');
    });
  }

  if (isPostgres(strapi)) {
    await knex.raw('CREATE EXTENSION IF NOT EXISTS btree_gist');
    const { rows } = await knex.raw('SELECT 1 FROM pg_constraint WHERE conname = ?', [NO_OVERLAP_CONSTRAINT]);
    if (rows.length === 0) {
      await knex.raw(
        `ALTER TABLE ${HOLDS_TABLE} ADD CONSTRAINT ${NO_OVERLAP_CONSTRAINT}
         EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, blocked_until, '[)') WITH &&)`
      );
    }
  }

  // Lookups by reference and by manage link scan the whole table without these. Strapi's schema
  // sync does not know them and may drop them, so they are (re)made on every start.
  for (const [table, column] of [
    ['booking_reservations', 'reference'],
    ['booking_reservations', 'manage_token_hash'],
    ['booking_enrolments', 'manage_token_hash'],
    ['booking_sessions', 'activity_id'],
    ['booking_enrolments', 'activity_id'],
  ]) {
    if ((await knex.schema.hasTable(table)) && (await knex.schema.hasColumn(table, column))) {
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${table}_${column}_idx ON ${table} (${column})`);
    }
  }

  await ensureUniqueReferences(strapi);

  if (!(await knex.schema.hasTable(CAPACITY_LOCKS_TABLE))) {
    await knex.schema.createTable(CAPACITY_LOCKS_TABLE, (t) => {
      t.string('target', 100).primary();
    });
  }

  if (!(await knex.schema.hasTable(IDEMPOTENCY_TABLE))) {
    await knex.schema.createTable(IDEMPOTENCY_TABLE, (t) => {
      t.string('key', 200).primary();
      t.string('request_hash', 64).notNullable();
      t.integer('status').notNullable();
      t.text('body').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
    });
  }

  // The "I can't come" links a reminder carries: the code is stored hashed (like manage tokens), and
  // names one reserved date or one enrolment's session; it works until that date begins.
  if (!(await knex.schema.hasTable(CANT_COME_TABLE))) {
    await knex.schema.createTable(CANT_COME_TABLE, (t) => {
      t.string('code_hash', 64).primary();
      t.string('about_kind', 16).notNullable();
      t.string('reservation_id', 64);
      t.string('enrolment_id', 64);
      t.string('session_id', 64);
      t.timestamp('starts_at', { useTz: true }).notNullable();
      t.timestamp('expires_at', { useTz: true }).notNullable();
      t.timestamp('used_at', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.index(['expires_at'], 'booking_cant_come_codes_expiry');
    });
  }

  // A term enrolment's "I can't come" for one session: the place is kept, the session knows who is away.
  if (!(await knex.schema.hasTable(ABSENCES_TABLE))) {
    await knex.schema.createTable(ABSENCES_TABLE, (t) => {
      t.string('enrolment_id', 64).notNullable();
      t.string('session_id', 64).notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.primary(['enrolment_id', 'session_id']);
      t.index(['session_id'], 'booking_absences_session');
    });
  }

  // Every privacy notice someone agreed to, by version: a booking's consentVersion names its text
  // here after Site settings have moved on. Rows are only ever added.
  if (!(await knex.schema.hasTable(PRIVACY_NOTICES_TABLE))) {
    await knex.schema.createTable(PRIVACY_NOTICES_TABLE, (t) => {
      t.string('version', 16).primary();
      t.string('language', 8).notNullable();
      t.text('text').notNullable();
      t.timestamp('first_accepted_at', { useTz: true }).notNullable();
    });
  }

  // The request budgets every CMS process shares (middlewares/rate-limiters.ts), in the layout
  // rate-limiter-flexible's RateLimiterPostgres expects: key, points, expire (epoch ms).
  if (isPostgres(strapi) && !(await knex.schema.hasTable(RATE_LIMITS_TABLE))) {
    await knex.schema.createTable(RATE_LIMITS_TABLE, (t) => {
      t.string('key', 255).primary();
      t.integer('points').notNullable().defaultTo(0);
      t.bigInteger('expire');
    });
  }

  // Every message to a resident, whatever its channel: what the outbox sends and staff read as the
  // delivery log (outbox/message-repository.ts). A dedupe key is used once, so a reminder is never sent twice.
  if (!(await knex.schema.hasTable(MESSAGES_TABLE))) {
    await knex.schema.createTable(MESSAGES_TABLE, (t) => {
      t.increments('id').primary();
      t.string('dedupe_key', 200).unique();
      t.string('kind', 32).notNullable();
      t.string('channel', 8).notNullable();
      t.string('recipient', 320);
      t.string('name', 80).notNullable();
      t.string('language', 8).notNullable();
      t.string('about_kind', 16).notNullable();
      t.string('about_id', 64).notNullable();
      t.string('summary', 300).notNullable();
      t.text('content').notNullable();
      t.string('state', 12).notNullable();
      t.integer('attempts').notNullable().defaultTo(0);
      t.text('last_answer');
      t.string('handled_by', 120);
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.timestamp('sent_at', { useTz: true });
      t.index(['about_kind', 'about_id'], 'booking_messages_about');
      t.index(['state', 'channel'], 'booking_messages_state');
    });
  }
};

/**
 * A reference belongs to one request (REFERENCE_UNIQUE_INDEX), made on every start like the
 * lookups above. Rows written before it existed may already share one: then the index is not made
 * and the references are logged for staff to sort out, rather than the CMS refusing to start.
 */
const ensureUniqueReferences = async (strapi: Core.Strapi): Promise<void> => {
  const knex = strapi.db.connection;
  const table = 'booking_reservations';
  if (!(await knex.schema.hasTable(table)) || !(await knex.schema.hasColumn(table, 'series_index'))) return;
  // Made once: a start should not scan every reservation to look for shared references again.
  if (await indexExists(strapi, REFERENCE_UNIQUE_INDEX)) return;
  const shared = (await knex(table).select('reference').groupBy('reference', 'series_index').havingRaw('count(*) > 1')) as Array<{ reference: string }>;
  if (shared.length > 0) {
    strapi.log.error(`[booking] References shared by more than one request, so they are not yet made unique: ${[...new Set(shared.map((r) => r.reference))].join(', ')}`);
    return;
  }
  await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${REFERENCE_UNIQUE_INDEX} ON ${table} (reference, series_index)`);
};

const indexExists = async (strapi: Core.Strapi, name: string): Promise<boolean> => {
  const knex = strapi.db.connection;
  if (isPostgres(strapi)) return (await knex.raw('SELECT 1 FROM pg_indexes WHERE indexname = ?', [name])).rows.length > 0;
  return (await knex.raw("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", [name])).length > 0;
};
