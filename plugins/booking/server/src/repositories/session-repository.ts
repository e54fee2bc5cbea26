import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { ActivityKind } from './activity-repository';
import { documentsOf } from './documents';

export const SESSION_UID = UID.session;

export interface SessionRow {
  documentId: string;
  activityKind: ActivityKind;
  activityId: string;
  roomId: string | null;
  start: Date;
  end: Date;
  status: 'scheduled' | 'cancelled';
  capacity: number | null;
  note: string | null;
  /** Staff put this session in another room: a re-publish of the activity leaves its room alone. */
  roomOverride: boolean;
  /** Set when staff moved the session: the times its schedule gave it, by which sync matches it. */
  scheduledStart: Date | null;
  scheduledEnd: Date | null;
}

/** The times the schedule gave a session (moved sessions keep them), for matching against the schedule. */
export const scheduledTimesOf = (s: SessionRow) => ({ start: s.scheduledStart ?? s.start, end: s.scheduledEnd ?? s.end });

type StaffFields = 'roomOverride' | 'scheduledStart' | 'scheduledEnd';

interface SessionDocument {
  documentId: string;
  activityKind: ActivityKind;
  activityId: string;
  roomId?: string | null;
  startsAt: string;
  endsAt: string;
  status: SessionRow['status'];
  capacity?: number | null;
  note?: string | null;
  roomOverride?: boolean | null;
  scheduledStartsAt?: string | null;
  scheduledEndsAt?: string | null;
}

const fromDocument = (d: SessionDocument): SessionRow => ({
  documentId: d.documentId,
  activityKind: d.activityKind,
  activityId: d.activityId,
  roomId: d.roomId ?? null,
  start: new Date(d.startsAt),
  end: new Date(d.endsAt),
  status: d.status,
  capacity: d.capacity ?? null,
  note: d.note ?? null,
  roomOverride: d.roomOverride === true,
  scheduledStart: d.scheduledStartsAt ? new Date(d.scheduledStartsAt) : null,
  scheduledEnd: d.scheduledEndsAt ? new Date(d.scheduledEndsAt) : null,
});

/** The most sessions one read returns. */
const FIND_LIMIT = 10_000;

export const sessionRepository = (strapi: Core.Strapi) => {
  const docs = () => documentsOf<SessionDocument>(strapi, SESSION_UID);
  const findMany = async (filters: Record<string, unknown>) => (await docs().findMany({ filters, sort: [{ startsAt: 'asc' }], limit: FIND_LIMIT })).map(fromDocument);

  return {
    forActivity: (kind: ActivityKind, activityId: string) => findMany({ activityKind: kind, activityId }),
    /**
     * Each activity's first session (by start) that ends after `after`, cancelled ones included,
     * for many activities at once: one query unless the sessions found fill a page.
     */
    async firstEndingAfter(kind: ActivityKind, activityIds: string[], after: Date): Promise<Map<string, SessionRow>> {
      const found = new Map<string, SessionRow>();
      let missing = [...new Set(activityIds)];
      while (missing.length > 0) {
        const page = await findMany({ activityKind: kind, activityId: { $in: missing }, endsAt: { $gt: after.toISOString() } });
        for (const s of page) if (!found.has(s.activityId)) found.set(s.activityId, s);
        if (page.length < FIND_LIMIT) break;
        missing = missing.filter((id) => !found.has(id));
      }
      return found;
    },
    /** The latest-starting session of any of these activities, cancelled ones included: where a term ends. */
    async lastOf(kind: ActivityKind, activityIds: string[]): Promise<SessionRow | null> {
      if (activityIds.length === 0) return null;
      const [last] = await docs().findMany({ filters: { activityKind: kind, activityId: { $in: [...new Set(activityIds)] } }, sort: [{ startsAt: 'desc' }], limit: 1 });
      return last ? fromDocument(last) : null;
    },
    inRange: (from: Date, to: Date) => findMany({ startsAt: { $lt: to.toISOString() }, endsAt: { $gt: from.toISOString() } }),
    async findById(documentId: string) {
      const d = await docs().findOne({ documentId });
      return d ? fromDocument(d) : null;
    },
    async create(row: Omit<SessionRow, 'documentId' | StaffFields> & Partial<Pick<SessionRow, StaffFields>>) {
      const d = await docs().create({
        data: { activityKind: row.activityKind, activityId: row.activityId, roomId: row.roomId, startsAt: row.start.toISOString(), endsAt: row.end.toISOString(), status: row.status, capacity: row.capacity, note: row.note, roomOverride: row.roomOverride ?? false },
      });
      return fromDocument(d);
    },
    async update(documentId: string, data: Partial<{ start: Date; end: Date; roomId: string | null; status: SessionRow['status']; note: string | null; roomOverride: boolean; scheduledStart: Date | null; scheduledEnd: Date | null }>) {
      const d = await docs().update({
        documentId,
        data: {
          ...(data.start ? { startsAt: data.start.toISOString() } : {}),
          ...(data.end ? { endsAt: data.end.toISOString() } : {}),
          ...(data.roomId !== undefined ? { roomId: data.roomId } : {}),
          ...(data.status ? { status: data.status } : {}),
          ...(data.note !== undefined ? { note: data.note } : {}),
          ...(data.roomOverride !== undefined ? { roomOverride: data.roomOverride } : {}),
          ...(data.scheduledStart !== undefined ? { scheduledStartsAt: data.scheduledStart?.toISOString() ?? null } : {}),
          ...(data.scheduledEnd !== undefined ? { scheduledEndsAt: data.scheduledEnd?.toISOString() ?? null } : {}),
        },
      });
      return fromDocument(d);
    },
    remove: (documentId: string) => docs().delete({ documentId }),
  };
};
