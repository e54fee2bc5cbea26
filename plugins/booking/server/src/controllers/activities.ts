import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { mondayOfIsoWeek } from '../core/time/iso-week';
import { addDays } from '../core/time/zoned';
import type { ActivityKind } from '../repositories/activity-repository';
import { localeOnly, timetableQuery } from '../schemas/activities';
import { parseOrThrow } from '../schemas/parse';
import { slugParams } from '../schemas/rooms';
import { validationError } from '../utils/errors';
import { getService } from '../utils/get-service';

const activities = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'activities');
  const list = (kind: ActivityKind) => async (ctx: Context) => {
    const { locale } = parseOrThrow(localeOnly, ctx.query);
    ctx.body = { data: await service().list(kind, locale) };
  };
  const detail = (kind: ActivityKind) => async (ctx: Context) => {
    const { slug } = parseOrThrow(slugParams, ctx.params);
    const { locale } = parseOrThrow(localeOnly, ctx.query);
    ctx.body = { data: await service().detail(kind, slug, locale) };
  };

  return {
    courses: list('course'),
    course: detail('course'),
    events: list('event'),
    event: detail('event'),

    async timetable(ctx: Context) {
      const q = parseOrThrow(timetableQuery, ctx.query);
      let from: string;
      let to: string;
      if (q.week) {
        const monday = mondayOfIsoWeek(q.week);
        if (!monday) throw validationError([{ path: 'week', message: `there is no week ${q.week}` }]);
        [from, to] = [monday, addDays(monday, 6)];
      } else if (q.from && q.to) {
        [from, to] = [q.from, q.to];
      } else {
        throw validationError([{ path: 'week', message: 'give a week (YYYY-Www) or from and to (YYYY-MM-DD)' }]);
      }
      // lastSessionDate lets a reader (the site's build) fetch a whole term in windows of the allowed size.
      ctx.body = { data: await service().timetable(from, to, q.locale), meta: { from, to, lastSessionDate: await service().lastSessionDate() } };
    },
  };
};

export default activities;
