import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { documentsOf, findByIdsInOrder, findOneInOrder, type Version } from './documents';
import { toImageRow, type ImageRow } from './room-repository';

export type ActivityKind = 'course' | 'event';
export const ACTIVITY_UID: Record<ActivityKind, string> = { course: UID.course, event: UID.event };

export interface CategoryRow {
  slug: string;
  name: string;
  color: string | null;
  sortOrder: number | null;
}

/** A course or an event (the two differ only in `location`, which courses lack). */
export interface ActivityRow {
  documentId: string;
  slug: string;
  locale: string | null;
  title: string;
  summary: string | null;
  description: string | null;
  category: CategoryRow | null;
  audience: string | null;
  audienceMinAge: number | null;
  audienceMaxAge: number | null;
  organiser: string | null;
  /** The room the activity takes place in, as linked (its default-locale slug and name). */
  room: { documentId: string; slug: string; name: string } | null;
  location: string | null;
  /** The schedule JSON as stored; core/schedule parses it. */
  schedule: unknown;
  capacity: number;
  enrolmentMode: 'term' | 'session';
  registrationEnabled: boolean;
  /** The after-school class, a summer camp: a guardian enrols one child at a time. */
  forChildren: boolean;
  waitlistEnabled: boolean;
  /** ISO instants as stored. */
  enrolmentOpensAt: string | null;
  enrolmentClosesAt: string | null;
  maxPeoplePerEnrolment: number;
  cover: ImageRow | null;
}

/** What the Document Service returns for a course or event with `populate` below. */
interface ActivityDocument {
  documentId: string;
  slug: string;
  locale?: string | null;
  title: string;
  summary?: string | null;
  description?: string | null;
  category?: { slug: string; name: string; color?: string | null; sortOrder?: number | null } | null;
  audience?: string | null;
  audienceMinAge?: number | null;
  audienceMaxAge?: number | null;
  organiser?: string | null;
  room?: { documentId: string; slug: string; name: string } | null;
  location?: string | null;
  schedule?: unknown;
  capacity: number;
  enrolmentMode: 'term' | 'session';
  registrationEnabled?: boolean | null;
  forChildren?: boolean | null;
  waitlistEnabled?: boolean | null;
  enrolmentOpensAt?: string | null;
  enrolmentClosesAt?: string | null;
  maxPeoplePerEnrolment?: number | null;
  cover?: Parameters<typeof toImageRow>[0] | null;
}

const fromDocument = (d: ActivityDocument): ActivityRow => ({
  documentId: d.documentId,
  slug: d.slug,
  locale: d.locale ?? null,
  title: d.title,
  summary: d.summary ?? null,
  description: d.description ?? null,
  category: d.category ? { slug: d.category.slug, name: d.category.name, color: d.category.color ?? null, sortOrder: d.category.sortOrder ?? null } : null,
  audience: d.audience ?? null,
  audienceMinAge: d.audienceMinAge ?? null,
  audienceMaxAge: d.audienceMaxAge ?? null,
  organiser: d.organiser ?? null,
  room: d.room ? { documentId: d.room.documentId, slug: d.room.slug, name: d.room.name } : null,
  location: d.location ?? null,
  schedule: d.schedule,
  capacity: d.capacity,
  enrolmentMode: d.enrolmentMode,
  registrationEnabled: d.registrationEnabled !== false,
  forChildren: d.forChildren === true,
  waitlistEnabled: d.waitlistEnabled !== false,
  enrolmentOpensAt: d.enrolmentOpensAt ?? null,
  enrolmentClosesAt: d.enrolmentClosesAt ?? null,
  maxPeoplePerEnrolment: d.maxPeoplePerEnrolment ?? 1,
  cover: d.cover ? toImageRow(d.cover) : null,
});

const populate = { category: true, room: { fields: ['documentId', 'slug', 'name'] }, cover: true };
const mapOrNull = (d: ActivityDocument | null) => (d ? fromDocument(d) : null);

/** Courses and events through the Document Service. */
export const activityRepository = (strapi: Core.Strapi) => {
  const docs = (kind: ActivityKind) => documentsOf<ActivityDocument>(strapi, ACTIVITY_UID[kind]);
  return {
    async listPublished(kind: ActivityKind, locale: string | undefined): Promise<ActivityRow[]> {
      return (await docs(kind).findMany({ status: 'published', locale, populate, sort: [{ sortOrder: 'asc' }, { slug: 'asc' }] })).map(fromDocument);
    },

    /** Published activities whose title or slug holds `q` (any case); all of them without `q`. */
    async searchPublished(kind: ActivityKind, locale: string | undefined, q?: string): Promise<ActivityRow[]> {
      const filters = q ? { $or: [{ title: { $containsi: q } }, { slug: { $containsi: q } }] } : {};
      return (await docs(kind).findMany({ status: 'published', locale, filters, populate, sort: [{ sortOrder: 'asc' }, { slug: 'asc' }] })).map(fromDocument);
    },

    async findPublishedBySlug(kind: ActivityKind, slug: string, locale: string | undefined): Promise<ActivityRow | null> {
      return mapOrNull(await docs(kind).findFirst({ status: 'published', locale, filters: { slug }, populate }));
    },

    async findById(kind: ActivityKind, documentId: string, locale: string | undefined, status: 'published' | 'draft' = 'published'): Promise<ActivityRow | null> {
      return mapOrNull(await docs(kind).findOne({ documentId, status, locale, populate }));
    },

    /** The published activity, or its draft when it has been withdrawn since (staff still see its sessions). */
    findPublishedOrDraft(kind: ActivityKind, documentId: string, locale: string | undefined): Promise<ActivityRow | null> {
      return findOneInOrder<ActivityRow>([{ locale, status: 'published' }, { locale, status: 'draft' }], ({ locale: l, status }) => this.findById(kind, documentId, l, status));
    },

    /** Activities by id, each in the first of `versions` that has it. */
    findByIds(kind: ActivityKind, ids: string[], versions: Version[]): Promise<Map<string, ActivityRow>> {
      if (ids.length === 0) return Promise.resolve(new Map());
      return findByIdsInOrder(ids, versions, async (missing, { locale, status }) =>
        (await docs(kind).findMany({ status, locale, filters: { documentId: { $in: missing } }, populate, limit: missing.length })).map(fromDocument)
      );
    },
  };
};
