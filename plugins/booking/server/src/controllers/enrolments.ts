import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { enrolmentRequestSchema } from '../schemas/enrolments';
import { idempotencyKeyOf } from '../schemas/idempotency-key';
import { manageTokenOf } from '../schemas/manage-token';
import { parseDataOrThrow } from '../schemas/parse';
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
      const token = manageTokenOf(ctx);
      ctx.body = { data: await service().show(token, new Date()) };
    },
    async cancel(ctx: Context) {
      const token = manageTokenOf(ctx);
      ctx.body = { data: await service().cancel(token, new Date()) };
    },
  };
};

export default enrolments;
