import type { Core } from '@strapi/strapi';
import { availabilityQuery, slugParams } from '../http/query-schemas';
import { parseOrThrow } from '../http/validation';
import type { AvailabilityService } from '../services/availability';

const availability = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (): AvailabilityService => strapi.plugin('booking').service('availability');

  return {
    async room(ctx: any) {
      const { slug } = parseOrThrow(slugParams, ctx.params);
      const { from, to, locale } = parseOrThrow(availabilityQuery, ctx.query);
      ctx.body = { data: await service().forRoom(slug, from, to, locale) };
    },

    async all(ctx: any) {
      const { from, to, capacity, locale } = parseOrThrow(availabilityQuery, ctx.query);
      ctx.body = { data: await service().forAllRooms(from, to, capacity, locale) };
    },
  };
};

export default availability;
