import type { Core } from '@strapi/strapi';

export type ActivityKind = 'course' | 'event';
export const ACTIVITY_UID: Record<ActivityKind, string> = { course: 'plugin::booking.course', event: 'plugin::booking.event' };
export const CATEGORY_UID = 'plugin::booking.category';

const populate = { category: true, room: { fields: ['documentId', 'slug', 'name'] }, cover: true } as any;

/** Courses and events through the Document Service; the two differ only in a few fields. */
export const activityRepository = (strapi: Core.Strapi) => ({
  listPublished: (kind: ActivityKind, locale: string | undefined) =>
    strapi.documents(ACTIVITY_UID[kind] as any).findMany({ status: 'published', locale, populate, sort: [{ sortOrder: 'asc' }, { slug: 'asc' }] } as any) as Promise<any[]>,

  findPublishedBySlug: (kind: ActivityKind, slug: string, locale: string | undefined) =>
    strapi.documents(ACTIVITY_UID[kind] as any).findFirst({ status: 'published', locale, filters: { slug }, populate } as any) as Promise<any | null>,

  findById: (kind: ActivityKind, documentId: string, locale: string | undefined, status: 'published' | 'draft' = 'published') =>
    strapi.documents(ACTIVITY_UID[kind] as any).findOne({ documentId, status, locale, populate } as any) as Promise<any | null>,

  findManyByIds: (kind: ActivityKind, documentIds: string[], locale: string | undefined) =>
    documentIds.length === 0
      ? Promise.resolve([] as any[])
      : (strapi.documents(ACTIVITY_UID[kind] as any).findMany({ status: 'published', locale, filters: { documentId: { $in: documentIds } }, populate } as any) as Promise<any[]>),
});
