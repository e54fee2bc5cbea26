import type { Core } from '@strapi/strapi';
import { withLocaleFallback } from '../repositories/documents';
import { roomRepository, type RoomRow } from '../repositories/room-repository';
import { defaultLocaleOf } from '../utils/locales';
import { bookingConfig } from '../utils/plugin-config';
import { toPublicRoom, type PublicRoom } from '../views/public-room';

const rooms = ({ strapi }: { strapi: Core.Strapi }) => {
  const repo = roomRepository(strapi);
  const toPublic = (room: RoomRow) => toPublicRoom(room, bookingConfig(strapi).defaultOpeningHours);

  return {
    async listPublic(locale?: string): Promise<PublicRoom[]> {
      const fallbackLocale = await defaultLocaleOf(strapi);
      const asked = await repo.findPublished(locale ?? fallbackLocale);
      const fallback = locale && fallbackLocale && locale !== fallbackLocale ? await repo.findPublished(fallbackLocale) : [];
      return withLocaleFallback(asked, fallback).map(toPublic);
    },

    async findPublic(slug: string, locale?: string): Promise<PublicRoom | null> {
      const fallbackLocale = await defaultLocaleOf(strapi);
      const room = (await repo.findBySlug(slug, locale ?? fallbackLocale)) ?? (locale && fallbackLocale ? await repo.findBySlug(slug, fallbackLocale) : null);
      return room ? toPublic(room) : null;
    },
  };
};

export default rooms;
export type RoomsService = ReturnType<typeof rooms>;
