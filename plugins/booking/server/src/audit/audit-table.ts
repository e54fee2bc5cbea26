import { TABLES } from '../constants';
import type { MigrationContext } from '../migrations/runner';

const TABLE = TABLES.audit;
const REFUSAL = `${TABLE} is append-only: entries cannot be changed or deleted`;

/**
 * The audit trail: one row per staff action, written once and never changed. It names people by
 * staff account and subjects by kind and id only (no resident's name, phone or e-mail), so erasing
 * a resident never has to touch it.
 *
 * Triggers refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) at the database itself, so neither
 * the plugin's code, nor Strapi, nor a script on the same connection can rewrite history; only
 * someone who may drop triggers (the database owner, by hand) could, and that is outside the app.
 */
export const createAuditTable = async ({ knex }: MigrationContext): Promise<void> => {
  if (!(await knex.schema.hasTable(TABLE))) {
    await knex.schema.createTable(TABLE, (t) => {
      t.increments('id').primary();
      t.timestamp('at', { useTz: true }).notNullable();
      // The staff member as they were then: a later rename or deleted account leaves the entry as it was.
      t.integer('actor_id');
      t.string('actor_name', 200);
      t.string('actor_email', 320);
      t.string('action', 64).notNullable();
      t.string('subject_kind', 32);
      t.string('subject_id', 128);
      t.text('details');
      t.string('ip', 64);
      t.index(['at'], `${TABLE}_at`);
      t.index(['action', 'at'], `${TABLE}_action_at`);
      t.index(['actor_id', 'at'], `${TABLE}_actor_at`);
      t.index(['subject_kind', 'subject_id'], `${TABLE}_subject`);
    });
  }
};

/** Made on every start (a repair: IF NOT EXISTS / OR REPLACE), so a trigger someone dropped comes back. */
export const guardAuditTable = async ({ knex, postgres }: MigrationContext): Promise<void> => {
  if (postgres) {
    await knex.raw(`CREATE OR REPLACE FUNCTION ${TABLE}_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '${REFUSAL}' USING ERRCODE = 'insufficient_privilege'; END $$`);
    await knex.raw(`CREATE OR REPLACE TRIGGER ${TABLE}_no_change BEFORE UPDATE OR DELETE ON ${TABLE}
      FOR EACH ROW EXECUTE FUNCTION ${TABLE}_refuse_change()`);
    await knex.raw(`CREATE OR REPLACE TRIGGER ${TABLE}_no_truncate BEFORE TRUNCATE ON ${TABLE}
      FOR EACH STATEMENT EXECUTE FUNCTION ${TABLE}_refuse_change()`);
  } else {
    for (const event of ['UPDATE', 'DELETE']) {
      await knex.raw(`CREATE TRIGGER IF NOT EXISTS ${TABLE}_no_${event.toLowerCase()} BEFORE ${event} ON ${TABLE}
        BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`);
    }
  }
};
