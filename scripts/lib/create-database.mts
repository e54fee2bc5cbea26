// Creating a PostgreSQL database by name, where it may already exist: the embedded server's test
// databases and a backup's restore target.
import type pg from 'pg';

/** Creates database `name` through `server` (a client of that server's maintenance database) unless it exists. */
export const createDatabaseIfMissing = async (server: pg.ClientBase, name: string): Promise<void> => {
  const { rowCount } = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  // A name is an identifier, not a value: quoted, with its own quotes doubled.
  if (!rowCount) await server.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
};
