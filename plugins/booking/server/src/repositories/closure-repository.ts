import type { Core } from '@strapi/strapi';
import type { Interval } from '../core/time/intervals';

export const CLOSURE_UID = 'plugin::booking.closure';

export interface ClosureRow extends Interval {
  id: string;
  reason: string;
  reasonEn: string | null;
  /** null: every room. */
  roomIds: string[] | null;
}

export const closureRepository = (strapi: Core.Strapi) => ({
  /** Closures that reach into [from, to) and apply to any of these rooms. */
  async findTouching(roomIds: string[], from: Date, to: Date): Promise<ClosureRow[]> {
    const docs = await strapi.documents(CLOSURE_UID).findMany({
      filters: {
        startsAt: { $lt: to.toISOString() },
        endsAt: { $gt: from.toISOString() },
        $or: [{ allRooms: true }, { rooms: { documentId: { $in: roomIds } } }],
      } as any,
      populate: { rooms: { fields: ['documentId'] } } as any,
      sort: [{ startsAt: 'asc' }] as any,
    });
    return (docs as any[]).map((d) => ({
      id: d.documentId,
      reason: d.reason,
      reasonEn: d.reasonEn ?? null,
      start: new Date(d.startsAt),
      end: new Date(d.endsAt),
      roomIds: d.allRooms ? null : (d.rooms ?? []).map((r: any) => r.documentId),
    }));
  },
});

export const closuresOfRoom = (closures: ClosureRow[], roomId: string): ClosureRow[] =>
  closures.filter((c) => c.roomIds === null || c.roomIds.includes(roomId));
