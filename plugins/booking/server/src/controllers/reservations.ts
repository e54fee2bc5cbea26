import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { idempotencyKeyOf } from '../schemas/idempotency-key';
import { parseDataOrThrow } from '../schemas/parse';
import { manageTokenOf } from '../schemas/manage-token';
import { cancelRequestSchema, reservationRequestSchema } from '../schemas/reservations';
import { unauthorized } from '../utils/errors';
import { getService } from '../utils/get-service';
import { answerWith, answeringConflicts } from './respond';

/** The public side of reservations: request, look up and cancel by link, and a resident's own list. */
const reservations = ({ strapi }: { strapi: Core.Strapi }) => {
  const manage = () => getService(strapi, 'reservationManage');

  return {
    async create(ctx: Context) {
      const data = parseDataOrThrow(reservationRequestSchema, ctx.request.body);
      const idempotencyKey = idempotencyKeyOf(ctx);
      await answeringConflicts(ctx, async () => {
        answerWith(ctx, await getService(strapi, 'reservationRequests').create(data, { now: new Date(), userId: ctx.state.user?.id ?? null, staff: false, idempotencyKey }));
      });
    },

    async show(ctx: Context) {
      const token = manageTokenOf(ctx);
      ctx.body = { data: await manage().show(token, new Date()) };
    },

    async cancel(ctx: Context) {
      const token = manageTokenOf(ctx);
      const body = ctx.request.body as { data?: unknown } | undefined;
      const data = body?.data === undefined ? {} : parseDataOrThrow(cancelRequestSchema, body);
      ctx.body = { data: await manage().cancel(token, data, new Date()) };
    },

    async mine(ctx: Context) {
      const user = ctx.state.user;
      if (!user) throw unauthorized('Sign in to see your reservations');
      ctx.body = { data: await manage().forAccount(user) };
    },
  };
};

export default reservations;
