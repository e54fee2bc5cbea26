import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { buildCalendar, icsResponseHeaders, type CalendarEvent } from '../calendar/build-calendar';
import { addDays, zonedDateOf } from '../core/time/zoned';
import { localeQuery, slugSchema } from '../http/query-schemas';
import { parseOrThrow } from '../http/validation';
import type { ActivitiesService } from '../services/activities';
import type { AvailabilityService } from '../services/availability';
import { bookingConfig } from '../services/settings';

const icsFile = z.object({ file: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.ics$/, 'must be a slug followed by .ics') });
const localeOnly = z.object({ locale: localeQuery }).loose();

// Phones keep what a feed once showed; a window this wide keeps this term's sessions in view.
const PAST_DAYS = 60;
const FUTURE_DAYS = 180;

const words = {
  'zh-CN': { timetable: '邻里中心活动课程表', events: '邻里中心活动', busy: '已占用', closure: '闭馆' },
  en: { timetable: 'Linli centre timetable', events: 'Linli centre events', busy: 'Busy', closure: 'Closed' },
} as const;

/** Calendar feeds phones can subscribe to: public facts only, never who booked. */
const calendar = ({ strapi }: { strapi: Core.Strapi }) => {
  const activities = (): ActivitiesService => strapi.plugin('booking').service('activities');
  const availability = (): AvailabilityService => strapi.plugin('booking').service('availability');
  const window = () => {
    const today = zonedDateOf(new Date(), bookingConfig(strapi).timezone);
    return { from: addDays(today, -PAST_DAYS), to: addDays(today, FUTURE_DAYS) };
  };
  const siteLink = (path: string, locale: 'zh-CN' | 'en') => {
    const site = bookingConfig(strapi).siteUrl;
    return site ? `${site.replace(/\/$/, '')}${locale === 'en' ? '/en' : ''}${path}` : null;
  };

  const sessionEvents = async (locale: 'zh-CN' | 'en', keep: (s: any) => boolean): Promise<CalendarEvent[]> => {
    const { from, to } = window();
    const sessions = (await activities().timetable(from, to, locale)).filter(keep);
    return sessions.map((s: any) => ({
      uid: `session-${s.id}@linli`,
      title: s.activity.title,
      start: new Date(s.start),
      end: new Date(s.end),
      location: s.movedToRoom?.name ?? s.activity.room?.name ?? s.activity.location ?? null,
      description: [s.activity.summary, s.activity.audience].filter(Boolean).join('\n') || null,
      url: siteLink(`/${s.activity.kind === 'course' ? 'courses' : 'events'}/${s.activity.slug}/`, locale),
      categories: s.activity.category ? [s.activity.category.name] : [],
      status: s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    }));
  };

  const send = (ctx: any, filename: string, name: string, events: CalendarEvent[]) => {
    ctx.set(icsResponseHeaders(filename));
    ctx.body = buildCalendar({ name, timezone: bookingConfig(strapi).timezone, events });
  };

  const languageOf = (ctx: any): 'zh-CN' | 'en' => (parseOrThrow(localeOnly, ctx.query).locale === 'en' ? 'en' : 'zh-CN');

  return {
    async timetable(ctx: any) {
      const locale = languageOf(ctx);
      send(ctx, 'linli-timetable.ics', words[locale].timetable, await sessionEvents(locale, () => true));
    },

    async events(ctx: any) {
      const locale = languageOf(ctx);
      send(ctx, 'linli-events.ics', words[locale].events, await sessionEvents(locale, (s) => s.activity.kind === 'event'));
    },

    async course(ctx: any) {
      const { file } = parseOrThrow(icsFile, ctx.params);
      const slug = parseOrThrow(slugSchema, file.replace(/\.ics$/, ''));
      const locale = languageOf(ctx);
      const course = await activities().detail('course', slug, locale);
      send(ctx, `${slug}.ics`, course.title, await sessionEvents(locale, (s) => s.activity.kind === 'course' && s.activity.slug === slug));
    },

    /** When a room is taken, and by what kind of thing; nothing about who. */
    async room(ctx: any) {
      const { file } = parseOrThrow(icsFile, ctx.params);
      const slug = parseOrThrow(slugSchema, file.replace(/\.ics$/, ''));
      const locale = languageOf(ctx);
      const { from, to } = window();
      const result = await availability().forRoom(slug, from, to, locale);
      const events: CalendarEvent[] = result.days.flatMap((day: any) =>
        day.busy
          .filter((b: any) => b.kind !== 'buffer')
          .map((b: any) => ({
            uid: `room-${result.room.id}-${b.kind}-${Date.parse(b.start)}@linli`,
            title: b.kind === 'closure' ? words[locale].closure : words[locale].busy,
            start: new Date(b.start),
            end: new Date(b.end),
            location: result.room.name,
          }))
      );
      // A hold across midnight is listed on both days; one event is enough.
      const unique = [...new Map(events.map((e) => [e.uid, e])).values()];
      send(ctx, `${slug}.ics`, `${result.room.name} · ${words[locale].busy}`, unique);
    },
  };
};

export default calendar;
