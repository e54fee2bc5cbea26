import type { Core } from '@strapi/strapi';

// better-sqlite3 (Strapi's SQLite driver) ships no types; these are the calls made here.
interface LockConnection {
  pragma(statement: string): unknown;
  exec(sql: string): unknown;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database: new (filename: string, options: { timeout: number }) => LockConnection = require('better-sqlite3');

/** Thrown when another process already serves the SQLite file. */
export const secondProcessMessage = (filename: string) =>
  `Another CMS process is already using the SQLite database ${filename}. SQLite serves one process only ` +
  '(a second one would answer bookings with errors where they clash); stop the other process, or run ' +
  'several on PostgreSQL (DATABASE_URL).';

/**
 * Refuses to serve a SQLite database that another CMS process already serves, and returns the
 * release. Two processes on one file interleave transactions that read before they write, and
 * SQLite then fails one of them outright where PostgreSQL would wait. The claim is SQLite's own
 * exclusive lock on a file beside the database, held by an open connection: the operating system
 * drops it when the process ends, however it ends, so a crash leaves no stale claim behind.
 */
export const claimSqliteFile = (strapi: Core.Strapi): (() => void) => {
  const { client, connection } = strapi.config.get('database.connection') as { client: string; connection?: { filename?: string } };
  if (client !== 'sqlite' || !connection?.filename) return () => {};
  const lock = new Database(`${connection.filename}.lock`, { timeout: 0 });
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
