import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { closureParams } from '../schemas/closures';
import { parseOrThrow } from '../schemas/parse';
import { getService } from '../utils/get-service';

const adminClosures = ({ strapi }: { strapi: Core.Strapi }) => ({
  async affected(ctx: Context) {
    const { id } = parseOrThrow(closureParams, ctx.params);
    ctx.body = { data: await getService(strapi, 'closureImpact').affectedReservations(id) };
  },
});

export default adminClosures;
