import type { Knex } from 'knex';

/** What a step is given: the transaction it runs in, and which database that is. */
export interface MigrationContext {
  knex: Knex.Transaction;
  postgres: boolean;
  log: { info(message: string): void; error(message: string): void };
}

/**
 * A change to the plugin's data made once per database and recorded under its version. Written
 * against the tables as they were when it was added (plain table and column names, not today's
 * models), and idempotent, since a database may already hold what it makes (one made before the
 * plugin recorded its steps).
 */
export interface Migration {
  version: number;
  id: string;
  up(context: MigrationContext): Promise<void>;
}

/**
 * Made again on every start, after the migrations: what Strapi's schema sync may drop when it
 * rebuilds a content type's table (an index or trigger on it), or what must come back if someone
 * removed it. Idempotent; not recorded.
 */
export interface Repair {
  id: string;
  run(context: MigrationContext): Promise<void>;
}

export const MIGRATIONS_TABLE = 'booking_plugin_migrations';

/** Any fixed number, the same in every process: the key of the advisory lock the steps are applied under. */
const LOCK_KEY = 0x6c696e6c69; // "linli"

/**
 * Applies the steps a database has not had yet, in order, then the repairs, in one transaction.
 * On PostgreSQL the transaction first takes an advisory lock, so processes starting at once run
 * one after the other and the later ones find every step applied; a failing step rolls back all
 * of it and the start fails with the step's name. SQLite has one writer at a time.
 * Returns the versions applied by this call.
 */
export const runMigrations = async (
  knex: Knex,
  options: { postgres: boolean; migrations: readonly Migration[]; repairs: readonly Repair[]; pluginVersion: string; log: MigrationContext['log'] }
): Promise<number[]> => {
  const { postgres, migrations, repairs, pluginVersion, log } = options;
  assertOrdered(migrations);
  return knex.transaction(async (trx) => {
    if (postgres) await trx.raw('SELECT pg_advisory_xact_lock(?)', [LOCK_KEY]);
    if (!(await trx.schema.hasTable(MIGRATIONS_TABLE))) {
      await trx.schema.createTable(MIGRATIONS_TABLE, (t) => {
        t.integer('version').primary();
        t.string('id', 100).notNullable();
        t.string('plugin_version', 40).notNullable();
        t.timestamp('applied_at', { useTz: true }).notNullable();
      });
    }
    const done = new Set((await trx(MIGRATIONS_TABLE).select('version')).map((r: { version: number | string }) => Number(r.version)));
    const context: MigrationContext = { knex: trx, postgres, log };
    const applied: number[] = [];
    for (const step of migrations) {
      if (done.has(step.version)) continue;
      try {
        await step.up(context);
      } catch (error) {
        throw new Error(`booking plugin: migration ${step.version} (${step.id}) failed, nothing was changed: ${(error as Error).message}`, { cause: error });
      }
      await trx(MIGRATIONS_TABLE).insert({ version: step.version, id: step.id, plugin_version: pluginVersion, applied_at: new Date() });
      applied.push(step.version);
    }
    for (const repair of repairs) await repair.run(context);
    if (applied.length > 0) log.info(`[booking] Database upgraded to schema version ${applied.at(-1)} (applied ${applied.join(', ')})`);
    return applied;
  });
};

/** The latest version a database has had, or 0 before the plugin's first start on it. */
export const schemaVersion = async (knex: Knex): Promise<number> => {
  if (!(await knex.schema.hasTable(MIGRATIONS_TABLE))) return 0;
  const row = await knex(MIGRATIONS_TABLE).max({ version: 'version' }).first();
  return Number(row?.version ?? 0);
};

const assertOrdered = (migrations: readonly Migration[]) => {
  migrations.forEach((step, i) => {
    if (step.version !== i + 1) throw new Error(`booking plugin: migration ${step.id} has version ${step.version}, expected ${i + 1} (versions count up from 1 without gaps)`);
  });
};
