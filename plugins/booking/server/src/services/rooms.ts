import type { Core } from '@strapi/strapi';
import { roomRepository } from '../repositories/room-repository';
import { toPublicRoom, withLocaleFallback, type PublicRoom } from '../views/public-room';
import { defaultLocaleOf } from './locales';
import { bookingConfig } from './settings';

const rooms = ({ strapi }: { strapi: Core.Strapi }) => {
  const repo = roomRepository(strapi);
  const toPublic = (doc: any) => toPublicRoom(doc, bookingConfig(strapi).defaultOpeningHours);

  return {
    async listPublic(locale?: string): Promise<PublicRoom[]> {
      const fallbackLocale = await defaultLocaleOf(strapi);
      const asked = await repo.findPublished(locale ?? fallbackLocale);
      const fallback =
        locale && fallbackLocale && locale !== fallbackLocale ? await repo.findPublished(fallbackLocale) : [];
      return withLocaleFallback(asked as any[], fallback as any[]).map(toPublic);
    },

    async findPublic(slug: string, locale?: string): Promise<PublicRoom | null> {
      const fallbackLocale = await defaultLocaleOf(strapi);
      const doc =
        (await repo.findPublishedBySlug(slug, locale ?? fallbackLocale)) ??
        (locale && fallbackLocale ? await repo.findPublishedBySlug(slug, fallbackLocale) : null);
      return doc ? toPublic(doc) : null;
    },
  };
};

export default rooms;
export type RoomsService = ReturnType<typeof rooms>;
