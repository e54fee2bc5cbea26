import type { Core } from '@strapi/strapi';
import { buildCalendar, icsResponseHeaders, type CalendarEvent } from '../calendar/build-calendar';
import { addDays, zonedDateOf } from '../core/time/zoned';
import { activityLink, type SiteLanguage } from '../utils/links';
import { bookingConfig } from '../utils/plugin-config';
import activitiesService from './activities';
import availabilityService from './availability';

// Phones keep what a feed once showed; a window this wide keeps this term's sessions in view.
const PAST_DAYS = 60;
const FUTURE_DAYS = 180;

const words = {
  'zh-CN': { timetable: '邻里中心活动课程表', events: '邻里中心活动', busy: '已占用', closure: '闭馆' },
  en: { timetable: 'Linli centre timetable', events: 'Linli centre events', busy: 'Busy', closure: 'Closed' },
} as const;

/** An iCalendar file ready to send: its headers and its text. */
export interface CalendarFile {
  headers: Record<string, string>;
  body: string;
}

type TimetableEntry = Awaited<ReturnType<ReturnType<typeof activitiesService>['timetable']>>[number];

/** Calendar feeds phones can subscribe to: public facts only, never who booked. */
const calendarFeeds = ({ strapi }: { strapi: Core.Strapi }) => {
  const activities = activitiesService({ strapi });
  const availability = availabilityService({ strapi });
  const window = () => {
    const today = zonedDateOf(new Date(), bookingConfig(strapi).timezone);
    return { from: addDays(today, -PAST_DAYS), to: addDays(today, FUTURE_DAYS) };
  };

  const sessionEvents = async (locale: SiteLanguage, keep: (s: TimetableEntry) => boolean): Promise<CalendarEvent[]> => {
    const { from, to } = window();
    const sessions = (await activities.timetable(from, to, locale)).filter(keep);
    return sessions.map((s) => ({
      uid: `session-${s.id}@linli`,
      title: s.activity.title,
      start: new Date(s.start),
      end: new Date(s.end),
      location: s.movedToRoom?.name ?? s.activity.room?.name ?? s.activity.location ?? null,
      description: [s.activity.summary, s.activity.audience].filter(Boolean).join('\n') || null,
      url: activityLink(strapi, s.activity.kind, s.activity.slug, locale),
      categories: s.activity.category ? [s.activity.category.name] : [],
      status: s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    }));
  };

  const file = (filename: string, name: string, events: CalendarEvent[]): CalendarFile => ({
    headers: icsResponseHeaders(filename),
    body: buildCalendar({ name, timezone: bookingConfig(strapi).timezone, events }),
  });

  return {
    async timetable(locale: SiteLanguage) {
      return file('linli-timetable.ics', words[locale].timetable, await sessionEvents(locale, () => true));
    },

    async events(locale: SiteLanguage) {
      return file('linli-events.ics', words[locale].events, await sessionEvents(locale, (s) => s.activity.kind === 'event'));
    },

    async course(slug: string, locale: SiteLanguage) {
      const course = await activities.detail('course', slug, locale);
      return file(`${slug}.ics`, course.title, await sessionEvents(locale, (s) => s.activity.kind === 'course' && s.activity.slug === slug));
    },

    /** When a room is taken, and by what kind of thing; nothing about who. */
    async room(slug: string, locale: SiteLanguage) {
      const { from, to } = window();
      const result = await availability.forRoom(slug, from, to, locale);
      const events: CalendarEvent[] = result.days.flatMap((day) =>
        day.busy
          .filter((b) => b.kind !== 'buffer')
          .map((b) => ({
            uid: `room-${result.room.id}-${b.kind}-${Date.parse(b.start)}@linli`,
            title: b.kind === 'closure' ? words[locale].closure : words[locale].busy,
            start: new Date(b.start),
            end: new Date(b.end),
            location: result.room.name,
          }))
      );
      // A hold across midnight is listed on both days; one event is enough.
      const unique = [...new Map(events.map((e) => [e.uid, e])).values()];
      return file(`${slug}.ics`, `${result.room.name} · ${words[locale].busy}`, unique);
    },
  };
};

export default calendarFeeds;
export type CalendarFeedsService = ReturnType<typeof calendarFeeds>;
