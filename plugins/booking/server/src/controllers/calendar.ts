import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { localeOnly } from '../schemas/activities';
import { icsFile } from '../schemas/calendar';
import { slugSchema } from '../schemas/fields';
import { parseOrThrow } from '../schemas/parse';
import type { CalendarFile } from '../services/calendar-feeds';
import { getService } from '../utils/get-service';

const languageOf = (ctx: Context): 'zh-CN' | 'en' => (parseOrThrow(localeOnly, ctx.query).locale === 'en' ? 'en' : 'zh-CN');
const slugOf = (ctx: Context) => parseOrThrow(slugSchema, parseOrThrow(icsFile, ctx.params).file.replace(/\.ics$/, ''));

const send = (ctx: Context, file: CalendarFile) => {
  ctx.set(file.headers);
  ctx.body = file.body;
};

/** Calendar feeds phones can subscribe to: public facts only, never who booked. */
const calendar = ({ strapi }: { strapi: Core.Strapi }) => {
  const feeds = () => getService(strapi, 'calendarFeeds');
  return {
    async timetable(ctx: Context) {
      send(ctx, await feeds().timetable(languageOf(ctx)));
    },
    async events(ctx: Context) {
      send(ctx, await feeds().events(languageOf(ctx)));
    },
    async course(ctx: Context) {
      const slug = slugOf(ctx);
      send(ctx, await feeds().course(slug, languageOf(ctx)));
    },
    async room(ctx: Context) {
      const slug = slugOf(ctx);
      send(ctx, await feeds().room(slug, languageOf(ctx)));
    },
  };
};

export default calendar;
