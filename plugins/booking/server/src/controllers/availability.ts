import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseOrThrow } from '../schemas/parse';
import { allRoomsAvailabilityQuery, availabilityQuery, slugParams } from '../schemas/rooms';
import { getService } from '../utils/get-service';

const availability = ({ strapi }: { strapi: Core.Strapi }) => ({
  async room(ctx: Context) {
    const { slug } = parseOrThrow(slugParams, ctx.params);
    const { from, to, locale } = parseOrThrow(availabilityQuery, ctx.query);
    ctx.body = { data: await getService(strapi, 'availability').forRoom(slug, from, to, locale) };
  },

  async all(ctx: Context) {
    const { from, to, capacity, locale } = parseOrThrow(allRoomsAvailabilityQuery, ctx.query);
    const { rooms, meta } = await getService(strapi, 'availability').forAllRooms(from, to, capacity, locale);
    ctx.body = { data: rooms, meta };
  },
});

export default availability;
