import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { Interval } from '../core/time/intervals';
import { documentsOf } from './documents';

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
  roomIds: d.allRooms ? null : (d.rooms ?? []).map((r) => r.documentId),
});

const populate = { rooms: { fields: ['documentId'] } };

export const closureRepository = (strapi: Core.Strapi) => {
  const docs = () => documentsOf<ClosureDocument>(strapi, CLOSURE_UID);
  return {
    /** Closures that reach into [from, to) and apply to any of these rooms. */
    async findTouching(roomIds: string[], from: Date, to: Date): Promise<ClosureRow[]> {
      const filters = {
        startsAt: { $lt: to.toISOString() },
        endsAt: { $gt: from.toISOString() },
        $or: [{ allRooms: true }, { rooms: { documentId: { $in: roomIds } } }],
      };
      return (await docs().findMany({ filters, populate, sort: [{ startsAt: 'asc' }] })).map(fromDocument);
    },

    async findById(documentId: string): Promise<ClosureRow | null> {
      const d = await docs().findOne({ documentId, populate });
      return d ? fromDocument(d) : null;
    },
  };
};

export const closuresOfRoom = (closures: ClosureRow[], roomId: string): ClosureRow[] =>
  closures.filter((c) => c.roomIds === null || c.roomIds.includes(roomId));
