import type { Core } from '@strapi/strapi';

export const ROOM_UID = 'plugin::booking.room';

/** Reads rooms through the Document Service; published versions only, one locale at a time. */
export const roomRepository = (strapi: Core.Strapi) => ({
  findPublished(locale: string | undefined) {
    return strapi.documents(ROOM_UID).findMany({
      status: 'published',
      locale,
      populate: { photos: true },
      sort: [{ sortOrder: 'asc' }, { slug: 'asc' }],
    });
  },

  findPublishedBySlug(slug: string, locale: string | undefined) {
    return strapi.documents(ROOM_UID).findFirst({
      status: 'published',
      locale,
      filters: { slug },
      populate: { photos: true },
    });
  },
});
