import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { closureListQuery, closureParams, closureSchema } from '../schemas/closures';
import { parseDataOrThrow, parseOrThrow } from '../schemas/parse';
import { getService } from '../utils/get-service';

/** Staff's closures: list, preview what one falls on, declare (and cancel what it falls on), remove. */
const adminClosures = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const { scope } = parseOrThrow(closureListQuery, ctx.query);
    ctx.body = await getService(strapi, 'closures').list(scope, new Date());
  },

  async preview(ctx: Context) {
    const input = parseDataOrThrow(closureSchema, ctx.request.body);
    ctx.body = { data: await getService(strapi, 'closures').preview(input, new Date()) };
  },

  async create(ctx: Context) {
    const input = parseDataOrThrow(closureSchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'closures').declare(input, new Date()) };
  },

  async remove(ctx: Context) {
    const { id } = parseOrThrow(closureParams, ctx.params);
    await getService(strapi, 'closures').remove(id);
    ctx.status = 204;
  },

  async affected(ctx: Context) {
    const { id } = parseOrThrow(closureParams, ctx.params);
    ctx.body = { data: await getService(strapi, 'closureImpact').affectedReservations(id) };
  },
});

export default adminClosures;
