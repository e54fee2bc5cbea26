import type { Core } from '@strapi/strapi';
import { withLocaleFallback } from '../repositories/documents';
import { roomRepository } from '../repositories/room-repository';
import { defaultLocaleOf } from '../utils/locales';
import { toPublicRoom, type PublicRoom } from '../views/public-room';
import { centreHours } from './centre-hours';

const rooms = ({ strapi }: { strapi: Core.Strapi }) => {
  const repo = roomRepository(strapi);

  return {
    async listPublic(locale?: string): Promise<PublicRoom[]> {
      const fallbackLocale = await defaultLocaleOf(strapi);
      const asked = await repo.findPublished(locale ?? fallbackLocale);
      const fallback = locale && fallbackLocale && locale !== fallbackLocale ? await repo.findPublished(fallbackLocale) : [];
      const hours = await centreHours(strapi);
      return withLocaleFallback(asked, fallback).map((room) => toPublicRoom(room, hours));
    },

    async findPublic(slug: string, locale?: string): Promise<PublicRoom | null> {
      const fallbackLocale = await defaultLocaleOf(strapi);
      const room = (await repo.findBySlug(slug, locale ?? fallbackLocale)) ?? (locale && fallbackLocale ? await repo.findBySlug(slug, fallbackLocale) : null);
      return room ? toPublicRoom(room, await centreHours(strapi)) : null;
    },
  };
};

export default rooms;
export type RoomsService = ReturnType<typeof rooms>;
