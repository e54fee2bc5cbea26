import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { enrolmentRequestSchema } from '../schemas/enrolments';
import { idempotencyKeyOf } from '../schemas/idempotency-key';
import { parseDataOrThrow, parseOrThrow } from '../schemas/parse';
import { manageTokenParams } from '../schemas/reservations';
import { getService } from '../utils/get-service';
import { answerWith, answeringConflicts } from './respond';

const enrolments = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'enrolments');
  return {
    async create(ctx: Context) {
      const data = parseDataOrThrow(enrolmentRequestSchema, ctx.request.body);
      await answeringConflicts(ctx, async () => answerWith(ctx, await service().enrol(data, { now: new Date(), idempotencyKey: idempotencyKeyOf(ctx) })));
    },
    async show(ctx: Context) {
      const { token } = parseOrThrow(manageTokenParams, ctx.params);
      ctx.body = { data: await service().show(token) };
    },
    async cancel(ctx: Context) {
      const { token } = parseOrThrow(manageTokenParams, ctx.params);
      ctx.body = { data: await service().cancel(token) };
    },
  };
};

export default enrolments;
