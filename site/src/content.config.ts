import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { fetchFromCms } from './lib/cms';
import { LOCALES } from './i18n/locales';

const photo = z.object({
  url: z.string(),
  alternativeText: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});

/** Published rooms, once per site language; ids are `<locale>/<slug>`. */
const rooms = defineCollection({
  loader: async () => {
    const perLocale = await Promise.all(
      LOCALES.map(async (locale) => {
        const { data } = await fetchFromCms<{ data: Array<Record<string, unknown> & { slug: string }> }>(
          `/api/booking/rooms?locale=${encodeURIComponent(locale)}`
        );
        return data.map((room, order) => ({ ...room, id: `${locale}/${room.slug}`, siteLocale: locale, order }));
      })
    );
    return perLocale.flat();
  },
  schema: z.object({
    slug: z.string(),
    siteLocale: z.string(),
    order: z.number(),
    name: z.string(),
    description: z.string().nullable(),
    capacity: z.number(),
    location: z.string().nullable(),
    amenities: z.array(z.string()),
    accessibility: z.string().nullable(),
    bookable: z.boolean(),
    photos: z.array(photo),
  }),
});

export const collections = { rooms };
