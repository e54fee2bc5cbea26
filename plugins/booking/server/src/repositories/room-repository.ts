import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { RoomRuleFields } from '../core/rules/room-rules';
import { documentsOf, findByIdsInOrder, findOneInOrder, type Version } from './documents';
import { readPublishedRooms } from './room-table';

export const ROOM_UID = UID.room;

export interface ImageRow {
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  formats: Record<string, { url: string; width: number; height: number }> | null;
}

/** A room as editors wrote it; its rule fields stay as entered (core/rules/room-rules reads them). */
export interface RoomRow extends RoomRuleFields {
  documentId: string;
  slug: string;
  locale: string | null;
  name: string;
  description: string | null;
  capacity: number;
  /** The storey as staff number it (1 = ground floor in China); null when not given. */
  floor: number | null;
  location: string | null;
  amenities: string | null;
  accessibility: string | null;
  /** As stored; null only when an editor cleared it. */
  bookable: boolean | null;
  sortOrder: number | null;
  photos: ImageRow[];
}

/** What the Document Service returns for a room. */
interface RoomDocument extends RoomRuleFields {
  documentId: string;
  slug: string;
  locale?: string | null;
  name: string;
  description?: string | null;
  capacity: number;
  floor?: number | null;
  location?: string | null;
  amenities?: string | null;
  accessibility?: string | null;
  bookable?: boolean | null;
  sortOrder?: number | null;
  photos?: Array<{ url: string; alternativeText?: string | null; width?: number | null; height?: number | null; formats?: ImageRow['formats'] }> | null;
}

export const toImageRow = (p: NonNullable<RoomDocument['photos']>[number]): ImageRow => ({
  url: p.url,
  alternativeText: p.alternativeText ?? null,
  width: p.width ?? null,
  height: p.height ?? null,
  formats: p.formats ?? null,
});

const fromDocument = (d: RoomDocument): RoomRow => ({
  documentId: d.documentId,
  slug: d.slug,
  locale: d.locale ?? null,
  name: d.name,
  description: d.description ?? null,
  capacity: d.capacity,
  floor: d.floor ?? null,
  location: d.location ?? null,
  amenities: d.amenities ?? null,
  accessibility: d.accessibility ?? null,
  bookable: d.bookable ?? null,
  sortOrder: d.sortOrder ?? null,
  photos: (d.photos ?? []).map(toImageRow),
  openingHours: d.openingHours,
  slotMinutes: d.slotMinutes,
  minMinutes: d.minMinutes,
  maxMinutes: d.maxMinutes,
  bufferMinutes: d.bufferMinutes,
  minNoticeMinutes: d.minNoticeMinutes,
  maxAdvanceDays: d.maxAdvanceDays,
  requiresApproval: d.requiresApproval,
  weeklyQuotaHours: d.weeklyQuotaHours,
});

const mapOrNull = (d: RoomDocument | null) => (d ? fromDocument(d) : null);

/**
 * The one owner of room reads: published versions, one locale at a time, in editors' order. The
 * public reads go to the table (room-table.ts); the rest through the Document Service.
 */
export const roomRepository = (strapi: Core.Strapi) => {
  const docs = () => documentsOf<RoomDocument>(strapi, ROOM_UID);
  return {
    /** Every published room (with photos), bookable or not: the public list. */
    findPublished(locale: string | undefined): Promise<RoomRow[]> {
      return readPublishedRooms(strapi, { locale, withPhotos: true });
    },

    /**
     * The published room with this slug, bookable or not: a room shown but not bookable still has
     * its page and its calendar; whoever books checks `bookable` (staff may book it).
     */
    async findBySlug(slug: string, locale: string | undefined, { withPhotos = true }: { withPhotos?: boolean } = {}): Promise<RoomRow | null> {
      const [room] = await readPublishedRooms(strapi, { locale, slug, withPhotos, limit: 1 });
      return room ?? null;
    },

    /** Published rooms that take bookings, optionally only those holding at least `minCapacity` people. */
    findBookable(locale: string | undefined, minCapacity?: number): Promise<RoomRow[]> {
      return readPublishedRooms(strapi, { locale, bookableOnly: true, minCapacity, withPhotos: false });
    },

    /** Rooms by id, each in the first of `versions` that has it. */
    findByIds(ids: string[], versions: Version[]): Promise<Map<string, RoomRow>> {
      if (ids.length === 0) return Promise.resolve(new Map());
      return findByIdsInOrder(ids, versions, async (missing, { locale, status }) =>
        (await docs().findMany({ status, locale, filters: { documentId: { $in: missing } }, limit: missing.length })).map(fromDocument)
      );
    },

    /** One room by id, in the first of `versions` that has it. */
    findById(documentId: string, versions: Version[]): Promise<RoomRow | null> {
      return findOneInOrder(versions, async ({ locale, status }) => mapOrNull(await docs().findOne({ documentId, locale, status })));
    },
  };
};
