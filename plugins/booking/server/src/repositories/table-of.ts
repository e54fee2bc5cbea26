import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

interface Meta {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }>;
}

/**
 * A content type's table as knex sees it, for the reads too hot for the Document Service (public
 * availability after a write): column names come from Strapi's metadata, not from guesses.
 */
export const tableOf = (strapi: Core.Strapi, uid: string) => {
  const meta = strapi.db.metadata.get(uid as never) as unknown as Meta;
  const snake = (a: string) => a.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const column = (attribute: string) => meta.attributes[attribute]?.columnName ?? snake(attribute);
  return {
    name: meta.tableName,
    col: (attribute: string) => `${meta.tableName}.${column(attribute)}`,
    /** The bare column name, as an insert names it. */
    column,
    /** The link table of a relation attribute: its name, this side's column and the target's. */
    links: (attribute: string) => {
      const join = meta.attributes[attribute]?.joinTable;
      if (!join) throw new Error(`${uid}.${attribute} has no link table`);
      return { name: join.name, own: `${join.name}.${join.joinColumn.name}`, target: `${join.name}.${join.inverseJoinColumn.name}` };
    },
  };
};

/**
 * Runs reads on the transaction a caller may have opened (the content manager publishes in one):
 * on SQLite the pool has a single connection, and a query beside it would wait for ever.
 */
export const withAmbient = <T>(strapi: Core.Strapi, work: (db: Knex) => PromiseLike<T>): Promise<T> =>
  strapi.db.inTransaction() ? (strapi.db.transaction(async ({ trx }) => await work(trx)) as Promise<T>) : Promise.resolve(work(strapi.db.connection));

// Columns read as Strapi's query engine reads them (@strapi/database fields' fromDB), so that an
// answer is the same whichever way its rows were read.

/** PostgreSQL parses JSON, SQLite gives the text (twice encoded by early Strapi 5 releases). */
export const jsonColumn = (value: unknown): unknown => {
  if (typeof value !== 'string') return value ?? null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? JSON.parse(parsed) : parsed;
  } catch {
    return value;
  }
};

/** SQLite stores 0 and 1. */
export const booleanColumn = (value: unknown): boolean | null => {
  if (value === null || value === undefined || typeof value === 'boolean') return (value as boolean | null | undefined) ?? null;
  const text = String(value);
  return text === '1' ? true : text === '0' ? false : null;
};

/** PostgreSQL gives decimals as text. */
export const numberColumn = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export const dateColumn = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string | number));
