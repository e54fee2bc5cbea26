import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { NO_OVERLAP_CONSTRAINT, TABLES } from '../constants';
import { isPostgres } from './dialect';

const HOLDS_TABLE = TABLES.holds;

export type HoldKind = 'reservation' | 'course' | 'event';

export interface HoldRow {
  roomId: string;
  kind: HoldKind;
  sourceId: string;
  start: Date;
  end: Date;
  blockedUntil: Date;
}

/** A Date as the driver gives it: a Date, milliseconds (a number, or numeric's text), or an ISO string. */
const toDate = (v: unknown): Date => {
  if (v instanceof Date) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return new Date(Number(v));
  return new Date(v as string | number);
};

interface HoldTableRow {
  room_id: string;
  kind: HoldKind;
  source_id: string;
  starts_at: Date | string | number;
  ends_at: Date | string | number;
  blocked_until: Date | string | number;
}

/** PostgreSQL's answer when the exclusion constraint refuses a hold: someone took the time meanwhile. */
export const isOverlapRefusal = (error: unknown): boolean =>
  (error as { code?: string })?.code === '23P01' ||
  String((error as Error)?.message ?? '').includes(NO_OVERLAP_CONSTRAINT);

/**
 * PostgreSQL's times as milliseconds since the epoch (numeric: a number as Strapi sets up the
 * driver, text otherwise): parsing a timestamp's text into a Date cost the database driver a regular
 * expression and a dozen strings, and every room's week is thousands of holds, three times each.
 */
const inMilliseconds = (strapi: Core.Strapi) => [
  'room_id',
  'kind',
  'source_id',
  ...['starts_at', 'ends_at', 'blocked_until'].map((column) => strapi.db.connection.raw('(extract(epoch from ??) * 1000) as ??', [column, column])),
];

const fromRow = (row: HoldTableRow): HoldRow => ({
  roomId: row.room_id,
  kind: row.kind,
  sourceId: row.source_id,
  start: toDate(row.starts_at),
  end: toDate(row.ends_at),
  blockedUntil: toDate(row.blocked_until),
});

/** The holds table through knex; pass the transaction for reads that decide a write. */
export const holdRepository = (strapi: Core.Strapi) => {
  // Inside a transaction someone else opened (the content manager publishes in one), queries must
  // join it: on SQLite the pool has a single connection, and a second query would wait for ever.
  const withTable = <T>(trx: Knex.Transaction | undefined, work: (q: Knex.QueryBuilder) => PromiseLike<T>): Promise<T> => {
    if (trx) return Promise.resolve(work(trx(HOLDS_TABLE)));
    if (strapi.db.inTransaction()) return strapi.db.transaction(async ({ trx: ambient }) => await work(ambient(HOLDS_TABLE))) as Promise<T>;
    return Promise.resolve(work(strapi.db.connection(HOLDS_TABLE)));
  };

  return {
    /** Holds of these rooms whose blocked range reaches into [from, to). */
    async findTouching(roomIds: string[], from: Date, to: Date, trx?: Knex.Transaction): Promise<HoldRow[]> {
      if (roomIds.length === 0) return [];
      const rows: HoldTableRow[] = await withTable(trx, (q) =>
        q
          .select(isPostgres(strapi) ? inMilliseconds(strapi) : '*')
          .whereIn('room_id', roomIds)
          .andWhere('starts_at', '<', to)
          .andWhere('blocked_until', '>', from)
          // The table's column, not the select's milliseconds of the same name: the index has it in order.
          .orderBy(`${HOLDS_TABLE}.starts_at`, 'asc')
      );
      return rows.map(fromRow);
    },

    async insert(holds: HoldRow[], trx: Knex.Transaction): Promise<void> {
      if (holds.length === 0) return;
      await withTable(trx, (q) =>
        q.insert(
          holds.map((h) => ({
            room_id: h.roomId,
            kind: h.kind,
            source_id: h.sourceId,
            starts_at: h.start,
            ends_at: h.end,
            blocked_until: h.blockedUntil,
          }))
        )
      );
    },

    async release(kind: HoldKind, sourceIds: string[], trx: Knex.Transaction): Promise<void> {
      if (sourceIds.length === 0) return;
      await withTable(trx, (q) => q.where('kind', kind).whereIn('source_id', sourceIds).delete());
    },
  };
};
