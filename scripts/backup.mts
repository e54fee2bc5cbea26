// `node scripts/backup.mts dump <file>` and `node scripts/backup.mts restore <file>`: a logical
// backup of the centre's PostgreSQL database (DATABASE_URL) with pg_dump's custom format, and its
// restore into an empty database, created when missing. PG_BIN_DIR names the folder of the
// pg_dump/pg_restore to use (their major version must be at least the server's); else PATH's.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { createDatabaseIfMissing } from './lib/create-database.mts';

const usage = 'usage: DATABASE_URL=postgres://… node scripts/backup.mts dump|restore <file>';

const tool = (name: string) => (process.env.PG_BIN_DIR ? path.join(process.env.PG_BIN_DIR, name) : name);

const run = (name: string, args: string[]) => {
  const result = spawnSync(tool(name), args, { stdio: 'inherit' });
  if (result.error) throw new Error(`${name} could not be started: ${result.error.message} (install PostgreSQL's client programs, or set PG_BIN_DIR)`);
  if (result.status !== 0) throw new Error(`${name} failed with exit code ${result.status}`);
};

/** The URL of the same server's maintenance database, to create the target from. */
const maintenanceUrl = (url: URL) => Object.assign(new URL(url), { pathname: '/postgres' }).toString();

/** Creates the database when it does not exist; refuses one that already holds tables, so a restore never mixes two centres' data. */
const prepareEmptyDatabase = async (url: URL) => {
  const name = decodeURIComponent(url.pathname.slice(1));
  const server = new pg.Client({ connectionString: maintenanceUrl(url) });
  await server.connect();
  try {
    await createDatabaseIfMissing(server, name);
  } finally {
    await server.end();
  }
  const target = new pg.Client({ connectionString: url.toString() });
  await target.connect();
  try {
    const { rows } = await target.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
    if (rows[0].n > 0) throw new Error(`database "${name}" already has ${rows[0].n} tables: restore into an empty database`);
  } finally {
    await target.end();
  }
};

const [command, file] = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !file || (command !== 'dump' && command !== 'restore')) {
  console.error(usage);
  process.exit(2);
}

try {
  if (command === 'dump') {
    // --no-owner: the restoring server's user owns everything, whatever the backed-up one was called.
    run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${databaseUrl}`]);
  } else {
    await prepareEmptyDatabase(new URL(databaseUrl));
    // One transaction: a restore that fails halfway leaves the database empty, not half a centre.
    run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${databaseUrl}`, file]);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
