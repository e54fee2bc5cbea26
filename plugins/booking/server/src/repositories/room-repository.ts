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

/** Published rooms in the default locale: the ones requests and availability are about. */
export const bookableRoomRepository = (strapi: Core.Strapi) => ({
  findBySlug(slug: string, locale: string | undefined) {
    return strapi.documents(ROOM_UID).findFirst({ status: 'published', locale, filters: { slug } });
  },

  findAllBookable(locale: string | undefined, minCapacity?: number) {
    return strapi.documents(ROOM_UID).findMany({
      status: 'published',
      locale,
      filters: { bookable: true, ...(minCapacity ? { capacity: { $gte: minCapacity } } : {}) },
      sort: [{ sortOrder: 'asc' }, { slug: 'asc' }],
    });
  },
});
