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

/** Today's date in the centre's zone, and the 4 weeks the timetable shows from it. */
const timetableRange = () => {
  const zone = process.env.CENTRE_TIMEZONE || 'Asia/Shanghai';
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1, d + 27)).toISOString().slice(0, 10);
  return { from: today, to: last };
};

const session = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  placesLeft: z.number().nullable(),
  activity: z.object({
    kind: z.enum(['course', 'event']),
    slug: z.string(),
    title: z.string(),
    category: z.object({ slug: z.string(), name: z.string(), color: z.string().nullable() }).nullable(),
    audience: z.string().nullable(),
    room: z.object({ slug: z.string(), name: z.string() }).nullable(),
    location: z.string().nullable(),
    registrationEnabled: z.boolean(),
  }),
});

/** The next four weeks of sessions, once per site language; ids are `<locale>`. */
const timetable = defineCollection({
  loader: async () => {
    const { from, to } = timetableRange();
    return Promise.all(
      LOCALES.map(async (locale) => {
        const { data } = await fetchFromCms<{ data: unknown[] }>(`/api/booking/timetable?from=${from}&to=${to}&locale=${encodeURIComponent(locale)}`);
        return { id: locale, from, to, sessions: data };
      })
    );
  },
  schema: z.object({ from: z.string(), to: z.string(), sessions: z.array(session) }),
});

export const collections = { rooms, timetable };
