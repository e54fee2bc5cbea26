import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { HOLDS_TABLE } from '../database/tables';

export type HoldKind = 'reservation' | 'course' | 'event';

export interface HoldRow {
  roomId: string;
  kind: HoldKind;
  sourceId: string;
  start: Date;
  end: Date;
  blockedUntil: Date;
}

const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string | number));

const fromRow = (row: any): HoldRow => ({
  roomId: row.room_id,
  kind: row.kind,
  sourceId: row.source_id,
  start: toDate(row.starts_at),
  end: toDate(row.ends_at),
  blockedUntil: toDate(row.blocked_until),
});

/** The holds table through knex; pass the transaction for reads that decide a write. */
export const holdRepository = (strapi: Core.Strapi) => {
  const table = (trx?: Knex.Transaction) => (trx ? trx(HOLDS_TABLE) : strapi.db.connection(HOLDS_TABLE));

  return {
    /** Holds of these rooms whose blocked range reaches into [from, to). */
    async findTouching(roomIds: string[], from: Date, to: Date, trx?: Knex.Transaction): Promise<HoldRow[]> {
      if (roomIds.length === 0) return [];
      const rows = await table(trx)
        .whereIn('room_id', roomIds)
        .andWhere('starts_at', '<', to)
        .andWhere('blocked_until', '>', from)
        .orderBy('starts_at', 'asc');
      return rows.map(fromRow);
    },

    async insert(holds: HoldRow[], trx: Knex.Transaction): Promise<void> {
      if (holds.length === 0) return;
      await table(trx).insert(
        holds.map((h) => ({
          room_id: h.roomId,
          kind: h.kind,
          source_id: h.sourceId,
          starts_at: h.start,
          ends_at: h.end,
          blocked_until: h.blockedUntil,
        }))
      );
    },

    async release(kind: HoldKind, sourceIds: string[], trx: Knex.Transaction): Promise<void> {
      if (sourceIds.length === 0) return;
      await table(trx).where('kind', kind).whereIn('source_id', sourceIds).delete();
    },
  };
};
