import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseOrThrow } from '../schemas/parse';
import { roomListQuery, slugParams } from '../schemas/rooms';
import { notFound } from '../utils/errors';
import { getService } from '../utils/get-service';

const rooms = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { locale } = parseOrThrow(roomListQuery, ctx.query);
    ctx.body = { data: await getService(strapi, 'rooms').listPublic(locale) };
  },

  async findOne(ctx: Context) {
    const { slug } = parseOrThrow(slugParams, ctx.params);
    const { locale } = parseOrThrow(roomListQuery, ctx.query);
    const room = await getService(strapi, 'rooms').findPublic(slug, locale);
    if (!room) throw notFound(`No published room with slug "${slug}"`);
    ctx.body = { data: room };
  },
});

export default rooms;
