import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { fetchEachFromCms, fetchFromCms } from './lib/cms';
import { renderCmsMarkdown } from './lib/cms-html';
import { LOCALES } from './i18n/locales';
import { fetchTermTimetable } from './lib/timetable-term';

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
    rules: z.object({
      slotMinutes: z.number(),
      minMinutes: z.number(),
      maxMinutes: z.number(),
      bufferMinutes: z.number(),
      minNoticeMinutes: z.number(),
      maxAdvanceDays: z.number(),
      requiresApproval: z.boolean(),
      weeklyQuotaHours: z.number().nullable(),
    }),
    openingHours: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))),
  }),
});

const session = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  placesLeft: z.number().nullable(),
  movedToRoom: z.object({ slug: z.string(), name: z.string() }).nullable().optional(),
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

/** The sessions of the whole published term from this week on, once per site language; ids are `<locale>`. */
const timetable = defineCollection({
  loader: async () => Promise.all(LOCALES.map(async (locale) => ({ id: locale, ...(await fetchTermTimetable(locale)) }))),
  schema: z.object({ from: z.string(), to: z.string(), sessions: z.array(session) }),
});

/** A GET that may answer 404 (nothing set up yet in the CMS): null then, every other failure still fails the build. */
const fetchOptional = async <T>(path: string): Promise<T | null> => {
  try {
    return await fetchFromCms<T>(path);
  } catch (error) {
    if (/answered 404$/.test((error as Error).message)) return null;
    throw error;
  }
};

const cover = photo.nullable().optional();

/**
 * Every news item in one language, newest first: the API answers at most 100 a page, and a
 * centre publishing for years has more. The id breaks ties so no item falls between pages.
 */
const allNews = async (locale: string) => {
  const pageOf = (page: number) =>
    fetchFromCms<{ data: Array<Record<string, any>>; meta: { pagination: { pageCount: number } } }>(
      `/api/news?locale=${encodeURIComponent(locale)}&sort[0]=publishedDate:desc&sort[1]=id:desc&populate=cover&pagination[page]=${page}&pagination[pageSize]=100`
    );
  const first = await pageOf(1);
  // The first answer tells how many pages there are: the rest are asked for together.
  const rest = await fetchEachFromCms(Array.from({ length: first.meta.pagination.pageCount - 1 }, (_, i) => i + 2), pageOf);
  return [first, ...rest].flatMap((answer) => answer.data);
};

/** News and notices, newest first, once per site language (an item not translated is missing from en); ids `<locale>/<slug>`. */
const newsLoader: Loader = {
  name: 'linli-news',
  load: async ({ store, parseData, renderMarkdown }) => {
    store.clear();
    const perLocale = await Promise.all(LOCALES.map(allNews));
    for (const [index, locale] of LOCALES.entries()) {
      for (const [order, item] of perLocale[index].entries()) {
        const id = `${locale}/${item.slug}`;
        const tags = String(item.tags ?? '').split('\n').map((x) => x.trim()).filter(Boolean);
        const raw = {
          slug: item.slug, siteLocale: locale, order, title: item.title, kind: item.kind, publishedDate: item.publishedDate,
          summary: item.summary ?? null, tags, cover: item.cover ?? null,
        };
        store.set({ id, data: await parseData({ id, data: raw }), rendered: await renderCmsMarkdown(renderMarkdown, String(item.body ?? '')) });
      }
    }
  },
};

const news = defineCollection({
  loader: newsLoader,
  schema: z.object({
    slug: z.string(),
    siteLocale: z.string(),
    order: z.number(),
    title: z.string(),
    kind: z.enum(['news', 'notice']),
    publishedDate: z.string(),
    summary: z.string().nullable(),
    tags: z.array(z.string()),
    cover,
  }),
});

const activitySchema = z.object({
  slug: z.string(),
  siteLocale: z.string(),
  order: z.number(),
  title: z.string(),
  summary: z.string().nullable().optional(),
  category: z.object({ name: z.string(), color: z.string().nullable().optional() }).nullable().optional(),
  audience: z.string().nullable().optional(),
  organiser: z.string().nullable().optional(),
  room: z.object({ slug: z.string(), name: z.string() }).nullable().optional(),
  location: z.string().nullable().optional(),
  when: z.string().nullable().optional(),
  capacity: z.number().nullable().optional(),
  placesLeft: z.number().nullable().optional(),
  waiting: z.number().nullable().optional(),
  enrolmentMode: z.enum(['term', 'session']).nullable().optional(),
  registrationEnabled: z.boolean(),
  forChildren: z.boolean().default(false),
  // The photo a shared link to the activity shows.
  cover,
  sessions: z.array(
    z.object({
      id: z.union([z.string(), z.number()]),
      start: z.string(),
      end: z.string(),
      status: z.string(),
      placesLeft: z.number().nullable().optional(),
      movedToRoom: z.object({ slug: z.string(), name: z.string() }).nullable().optional(),
    })
  ),
});

/** Courses or events with their detail (description rendered from markdown and sanitised, coming sessions); ids `<locale>/<slug>`. */
const activityLoader = (kind: 'courses' | 'events'): Loader => ({
  name: `linli-${kind}`,
  load: async ({ store, parseData, renderMarkdown }) => {
    store.clear();
    for (const locale of LOCALES) {
      const q = `locale=${encodeURIComponent(locale)}`;
      const { data } = await fetchFromCms<{ data: Array<{ slug: string }> }>(`/api/booking/${kind}?${q}`);
      // One detail a course or event: asked for a few at a time, not one after another.
      const details = await fetchEachFromCms(data, (item) =>
        fetchFromCms<{ data: Record<string, any> }>(`/api/booking/${kind}/${encodeURIComponent(item.slug)}?${q}`)
      );
      for (const [order, item] of data.entries()) {
        const { data: detail } = details[order];
        const id = `${locale}/${item.slug}`;
        const { description, ...rest } = detail;
        const raw = { ...item, ...rest, slug: item.slug, siteLocale: locale, order, sessions: detail.sessions ?? [] };
        store.set({ id, data: await parseData({ id, data: raw }), rendered: await renderCmsMarkdown(renderMarkdown, String(description ?? '')) });
      }
    }
  },
});

const courses = defineCollection({ loader: activityLoader('courses'), schema: activitySchema });
const events = defineCollection({ loader: activityLoader('events'), schema: activitySchema });

/** The centre's own details, once per site language; ids `<locale>`. Missing when not set up (404). */
const settings = defineCollection({
  loader: async () => {
    const perLocale = await Promise.all(
      LOCALES.map(async (locale) => {
        const answer = await fetchOptional<{ data: Record<string, unknown> | null }>(`/api/site-setting?locale=${encodeURIComponent(locale)}`);
        return answer?.data ? [{ ...answer.data, id: locale }] : [];
      })
    );
    return perLocale.flat();
  },
  schema: z.object({
    centreName: z.string().nullable().optional(),
    address: z.string().nullable().optional(),
    mapUrl: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    openingHoursText: z.string().nullable().optional(),
    notice: z.string().nullable().optional(),
  }),
});

/** The privacy notice every form shows by its consent box, and its version, once per site language; ids `<locale>`. */
const privacy = defineCollection({
  loader: async () =>
    Promise.all(
      LOCALES.map(async (locale) => {
        const answer = await fetchFromCms<{ data: { version: string; text: string } }>(`/api/booking/privacy-notice?locale=${encodeURIComponent(locale)}`);
        return { ...answer.data, id: locale };
      })
    ),
  schema: z.object({ version: z.string(), text: z.string() }),
});

export const collections = { rooms, timetable, news, courses, events, settings, privacy };
