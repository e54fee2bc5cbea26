import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { Interval } from '../core/time/intervals';
import { documentsOf } from './documents';
import { booleanColumn, dateColumn, tableOf, withAmbient } from './table-of';

export const CLOSURE_UID = UID.closure;

export interface ClosureRow extends Interval {
  id: string;
  reason: string;
  reasonEn: string | null;
  /** null: every room. */
  roomIds: string[] | null;
}

interface ClosureDocument {
  documentId: string;
  reason: string;
  reasonEn?: string | null;
  startsAt: string;
  endsAt: string;
  allRooms?: boolean | null;
  rooms?: { documentId: string }[] | null;
}

const fromDocument = (d: ClosureDocument): ClosureRow => ({
  id: d.documentId,
  reason: d.reason,
  reasonEn: d.reasonEn ?? null,
  start: new Date(d.startsAt),
  end: new Date(d.endsAt),
  // A room's draft and published versions are both linked: one id each.
  roomIds: d.allRooms ? null : [...new Set((d.rooms ?? []).map((r) => r.documentId))],
});

const populate = { rooms: { fields: ['documentId'] } };

export const closureRepository = (strapi: Core.Strapi) => {
  const docs = () => documentsOf<ClosureDocument>(strapi, CLOSURE_UID);
  return {
    /** Closures that reach into [from, to) and apply to any of these rooms. */
    async findTouching(roomIds: string[], from: Date, to: Date): Promise<ClosureRow[]> {
      // One query through knex, not the Document Service: public availability reads this after every write.
      const c = tableOf(strapi, CLOSURE_UID);
      const room = tableOf(strapi, UID.room);
      const links = c.links('rooms');
      const rows = await withAmbient(strapi, (db) =>
        db(c.name)
          .leftJoin(links.name, links.own, c.col('id'))
          .leftJoin(room.name, room.col('id'), links.target)
          .where(c.col('startsAt'), '<', to)
          .andWhere(c.col('endsAt'), '>', from)
          .orderBy([{ column: c.col('startsAt'), order: 'asc' }, { column: c.col('id'), order: 'asc' }])
          .select({
            id: c.col('id'),
            documentId: c.col('documentId'),
            reason: c.col('reason'),
            reasonEn: c.col('reasonEn'),
            startsAt: c.col('startsAt'),
            endsAt: c.col('endsAt'),
            allRooms: c.col('allRooms'),
            roomId: room.col('documentId'),
          }) as PromiseLike<Array<Record<string, unknown>>>
      );
      const byRow = new Map<unknown, ClosureDocument>();
      for (const r of rows) {
        let d = byRow.get(r.id);
        if (!d) {
          d = {
            documentId: r.documentId as string,
            reason: r.reason as string,
            reasonEn: (r.reasonEn as string | null) ?? null,
            startsAt: dateColumn(r.startsAt).toISOString(),
            endsAt: dateColumn(r.endsAt).toISOString(),
            allRooms: booleanColumn(r.allRooms),
            rooms: [],
          };
          byRow.set(r.id, d);
        }
        if (r.roomId) d.rooms!.push({ documentId: r.roomId as string });
      }
      const asked = new Set(roomIds);
      return [...byRow.values()].filter((d) => d.allRooms || d.rooms!.some((r) => asked.has(r.documentId))).map(fromDocument);
    },

    async findById(documentId: string): Promise<ClosureRow | null> {
      const d = await docs().findOne({ documentId, populate });
      return d ? fromDocument(d) : null;
    },

    /** Closures not yet over at `now` (soonest first), or those over (latest first, at most `limit`). */
    async list(scope: 'upcoming' | 'past', now: Date, limit = 200): Promise<ClosureRow[]> {
      const filters = scope === 'upcoming' ? { endsAt: { $gt: now.toISOString() } } : { endsAt: { $lte: now.toISOString() } };
      const sort = [{ startsAt: scope === 'upcoming' ? 'asc' : 'desc' }];
      return (await docs().findMany({ filters, populate, sort, limit })).map(fromDocument);
    },

    /** A closure of these rooms (null: every room), linked to the rooms' `locale` versions as the content manager links them. */
    async create(closure: Omit<ClosureRow, 'id'>, locale: string | undefined): Promise<ClosureRow> {
      const { roomIds } = closure;
      const d = await docs().create({
        data: {
          reason: closure.reason,
          reasonEn: closure.reasonEn,
          startsAt: closure.start.toISOString(),
          endsAt: closure.end.toISOString(),
          allRooms: roomIds === null,
          ...(roomIds ? { rooms: { connect: roomIds.map((id) => ({ documentId: id, locale })) } } : {}),
        },
        populate,
      });
      return fromDocument(d);
    },

    remove: (documentId: string) => docs().delete({ documentId }),
  };
};
