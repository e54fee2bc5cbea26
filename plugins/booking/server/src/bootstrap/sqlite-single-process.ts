import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

// better-sqlite3 (Strapi's SQLite driver) ships no types; these are the calls made here.
interface LockConnection {
  pragma(statement: string): unknown;
  exec(sql: string): unknown;
  close(): void;
}
type LockDriver = new (filename: string, options: { timeout: number }) => LockConnection;

/** Thrown when another process already serves the SQLite file. */
export const secondProcessMessage = (filename: string) =>
  `Another CMS process is already using the SQLite database ${filename}. SQLite serves one process only ` +
  '(a second one would answer bookings with errors where they clash); stop the other process, or run ' +
  'several on PostgreSQL (DATABASE_URL).';

/** The settings the claim reads: Strapi's database config and the app's folder. */
type ClaimContext = Pick<Core.Strapi, 'config'> & { dirs: { app: { root: string } } };

/**
 * Refuses to serve a SQLite database that another CMS process already serves, and returns the
 * release; on any other database it does nothing. Two processes on one file interleave
 * transactions that read before they write, and SQLite then fails one of them outright where
 * PostgreSQL would wait. The claim is SQLite's own exclusive lock on a file beside the database,
 * held by an open connection: the operating system drops it when the process ends, however it
 * ends, so a crash leaves no stale claim behind.
 */
export const claimSqliteFile = (strapi: ClaimContext): (() => void) => {
  const { client, connection } = strapi.config.get('database.connection') as { client: string; connection?: { filename?: string } };
  if (client !== 'sqlite' || !connection?.filename) return () => {};
  // The app's own driver: Strapi's sqlite client needs it installed in the app, the plugin does not ship one.
  const Database = createRequire(path.join(strapi.dirs.app.root, 'package.json'))('better-sqlite3') as LockDriver;
  const filename = path.resolve(strapi.dirs.app.root, connection.filename);
  // Claimed before Strapi opens the database, which is when it would make the folder.
  mkdirSync(path.dirname(filename), { recursive: true });
  const lock = new Database(`${filename}.lock`, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new Error(secondProcessMessage(connection.filename));
    throw error;
  }
  return () => lock.close();
};

const releases = new WeakMap<object, () => void>();

/** Claims the file for as long as this Strapi runs (register: before the schema is synced, a second process changes nothing). */
export const holdSqliteFile = (strapi: ClaimContext) => {
  releases.set(strapi, claimSqliteFile(strapi));
};

/** Lets the file go as Strapi stops, for a restart in the same process. */
export const releaseSqliteFile = (strapi: object) => {
  releases.get(strapi)?.();
  releases.delete(strapi);
};
