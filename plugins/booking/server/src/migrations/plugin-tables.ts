import type { Knex } from 'knex';
import { NO_OVERLAP_CONSTRAINT, TABLES } from '../constants';
import type { MigrationContext } from './runner';

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

/*
 * The plugin's own tables, not content types: Strapi's schema sync neither knows nor touches them,
 * so they are made by migrations (migrations/index.ts). Each checks before it makes, since a
 * database from before the plugin recorded its steps already has those of its time.
 */

/** Makes the table unless the database already has it (then leaves it as it is). */
const createTableOnce = async (knex: Knex.Transaction, table: string, columns: (t: Knex.CreateTableBuilder) => void): Promise<void> => {
  if (!(await knex.schema.hasTable(table))) await knex.schema.createTable(table, columns);
};

/**
 * Every period a room is held, whatever holds it (reservation, course or event session), in one
 * table, so a single database rule guards them all. `blocked_until` is the end plus the room's
 * buffer: two holds whose [starts_at, blocked_until) ranges overlap are too close.
 *
 * On PostgreSQL an exclusion constraint makes overlapping holds of one room impossible, whatever
 * number of CMS processes write at once. SQLite has no such constraint; there writes are
 * serialised (one connection, one writer) and re-checked inside the transaction.
 */
export const createHolds = async ({ knex, postgres }: MigrationContext): Promise<void> => {
  await createTableOnce(knex, HOLDS_TABLE, (t) => {
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
  if (!postgres) return;
  await knex.raw('CREATE EXTENSION IF NOT EXISTS btree_gist');
  const { rows } = await knex.raw('SELECT 1 FROM pg_constraint WHERE conname = ?', [NO_OVERLAP_CONSTRAINT]);
  if (rows.length === 0) {
    await knex.raw(
      `ALTER TABLE ${HOLDS_TABLE} ADD CONSTRAINT ${NO_OVERLAP_CONSTRAINT}
       EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, blocked_until, '[)') WITH &&)`
    );
  }
};

/** Stored answers to requests sent with an Idempotency-Key, so a retried request is answered, not repeated. */
export const createIdempotencyKeys = ({ knex }: MigrationContext): Promise<void> =>
  createTableOnce(knex, IDEMPOTENCY_TABLE, (t) => {
    t.string('key', 200).primary();
    t.string('request_hash', 64).notNullable();
    t.integer('status').notNullable();
    t.text('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });

/** One row per named lock (repositories/locks.ts): a transaction locks the row, so writers of one thing queue. */
export const createCapacityLocks = ({ knex }: MigrationContext): Promise<void> =>
  createTableOnce(knex, CAPACITY_LOCKS_TABLE, (t) => {
    t.string('target', 100).primary();
  });

/**
 * Every message to a resident, whatever its channel: what the outbox sends and staff read as the
 * delivery log (outbox/message-repository.ts). A dedupe key is used once, so a reminder is never sent twice.
 */
export const createMessages = ({ knex }: MigrationContext): Promise<void> =>
  createTableOnce(knex, MESSAGES_TABLE, (t) => {
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

/**
 * The request budgets every CMS process shares (middlewares/rate-limiters.ts), in the layout
 * rate-limiter-flexible's RateLimiterPostgres expects: key, points, expire (epoch ms).
 * SQLite keeps them in memory (one process).
 */
export const createRateLimits = async ({ knex, postgres }: MigrationContext): Promise<void> => {
  if (!postgres) return;
  await createTableOnce(knex, RATE_LIMITS_TABLE, (t) => {
    t.string('key', 255).primary();
    t.integer('points').notNullable().defaultTo(0);
    t.bigInteger('expire');
  });
};

/**
 * The "I can't come" links a reminder carries: the code is stored hashed (like manage tokens), and
 * names one reserved date or one enrolment's session; it works until that date begins.
 */
export const createCantComeCodes = ({ knex }: MigrationContext): Promise<void> =>
  createTableOnce(knex, CANT_COME_TABLE, (t) => {
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

/** A term enrolment's "I can't come" for one session: the place is kept, the session knows who is away. */
export const createAbsences = ({ knex }: MigrationContext): Promise<void> =>
  createTableOnce(knex, ABSENCES_TABLE, (t) => {
    t.string('enrolment_id', 64).notNullable();
    t.string('session_id', 64).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['enrolment_id', 'session_id']);
    t.index(['session_id'], 'booking_absences_session');
  });

/**
 * Every privacy notice someone agreed to, by version: a booking's consentVersion names its text
 * here after Site settings have moved on. Rows are only ever added.
 */
export const createPrivacyNotices = ({ knex }: MigrationContext): Promise<void> =>
  createTableOnce(knex, PRIVACY_NOTICES_TABLE, (t) => {
    t.string('version', 16).primary();
    t.string('language', 8).notNullable();
    t.text('text').notNullable();
    t.timestamp('first_accepted_at', { useTz: true }).notNullable();
  });
