import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { mondayOfIsoWeek } from '../core/time/iso-week';
import { addDays, daysBetween, isValidIsoDate } from '../core/time/zoned';
import { localeQuery, slugParams } from '../http/query-schemas';
import { parseOrThrow, validationError } from '../http/validation';
import type { ActivityKind } from '../repositories/activity-repository';
import type { ActivitiesService } from '../services/activities';

const localeOnly = z.object({ locale: localeQuery }).loose();
const isoDate = z.string().refine(isValidIsoDate, 'must be a date written YYYY-MM-DD');
const timetableQuery = z
  .object({ week: z.string().regex(/^\d{4}-W\d{2}$/, 'must be an ISO week written YYYY-Www, like 2026-W48').optional(), from: isoDate.optional(), to: isoDate.optional(), locale: localeQuery })
  .loose();

const activities = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (): ActivitiesService => strapi.plugin('booking').service('activities');
  const list = (kind: ActivityKind) => async (ctx: any) => {
    const { locale } = parseOrThrow(localeOnly, ctx.query);
    ctx.body = { data: await service().list(kind, locale) };
  };
  const detail = (kind: ActivityKind) => async (ctx: any) => {
    const { slug } = parseOrThrow(slugParams, ctx.params);
    const { locale } = parseOrThrow(localeOnly, ctx.query);
    ctx.body = { data: await service().detail(kind, slug, locale) };
  };

  return {
    courses: list('course'),
    course: detail('course'),
    events: list('event'),
    event: detail('event'),

    async timetable(ctx: any) {
      const q = parseOrThrow(timetableQuery, ctx.query);
      let from: string;
      let to: string;
      if (q.week) {
        const monday = mondayOfIsoWeek(q.week);
        if (!monday) throw validationError([{ path: 'week', message: `there is no week ${q.week}` }]);
        [from, to] = [monday, addDays(monday, 6)];
      } else if (q.from && q.to) {
        [from, to] = [q.from, q.to];
        const days = daysBetween(from, to) + 1;
        if (days < 1 || days > 62) throw validationError([{ path: 'to', message: 'must be from 0 to 61 days after from' }]);
      } else {
        throw validationError([{ path: 'week', message: 'give a week (YYYY-Www) or from and to (YYYY-MM-DD)' }]);
      }
      ctx.body = { data: await service().timetable(from, to, q.locale), meta: { from, to } };
    },
  };
};

export default activities;
