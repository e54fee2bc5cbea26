import { Client } from 'pg';
import type { TestDatabase } from './cms';

/** The little of better-sqlite3 these tests use (the package ships no types). */
interface SqliteDb {
  prepare(sql: string): { all(...params: unknown[]): Array<Record<string, unknown>>; run(...params: unknown[]): unknown };
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const openSqlite = (file: string): SqliteDb => new (require('better-sqlite3'))(file, { timeout: 10_000 });

export interface RawDatabase {
  /** SQL with `?` placeholders, on either database. */
  query(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  /** Every text a dump of the database would show: each text column of each table, row by row. */
  allText(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Straight access to a test CMS's database, for what no API shows or does: what is stored, and
 * making a row old. Tests never write what the CMS itself could not have written.
 */
export const openDatabase = async (database: TestDatabase): Promise<RawDatabase> => {
  if (database.kind === 'postgres') {
    const client = new Client({ connectionString: database.env.DATABASE_URL });
    await client.connect();
    const query = async (sql: string, params: unknown[] = []) => {
      let n = 0;
      return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows;
    };
    return {
      query,
      async allText() {
        const columns = await query(
          `SELECT table_schema, table_name, column_name FROM information_schema.columns
           WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')`
        );
        const parts: string[] = [];
        // Every schema: the job queue (pg-boss) keeps its jobs in one of its own.
        for (const { table_schema, table_name, column_name } of columns) {
          const rows = await query(`SELECT "${column_name}"::text AS v FROM "${table_schema}"."${table_name}" WHERE "${column_name}" IS NOT NULL`);
          parts.push(...rows.map((r) => String(r.v)));
        }
        return parts.join('\n');
      },
      close: () => client.end(),
    };
  }
  const db = openSqlite(database.env.DATABASE_FILENAME);
  const query = async (sql: string, params: unknown[] = []) => (/^\s*select/i.test(sql) ? db.prepare(sql).all(...params) : (db.prepare(sql).run(...params), []));
  return {
    query,
    async allText() {
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all();
      const parts: string[] = [];
      for (const { name } of tables) {
        for (const row of db.prepare(`SELECT * FROM "${String(name)}"`).all()) {
          parts.push(...Object.values(row).filter((v) => typeof v === 'string'));
        }
      }
      return parts.join('\n');
    },
    close: async () => db.close(),
  };
};
