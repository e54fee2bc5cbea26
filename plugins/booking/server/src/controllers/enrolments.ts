import type { Core } from '@strapi/strapi';
import { enrolmentRequestSchema } from '../http/enrolment-schemas';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { manageTokenParams } from '../http/reservation-schemas';
import { parseDataOrThrow, parseOrThrow } from '../http/validation';
import type { EnrolmentsService } from '../services/enrolments';

const enrolments = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (): EnrolmentsService => strapi.plugin('booking').service('enrolments');
  return {
    async create(ctx: any) {
      const data = parseDataOrThrow(enrolmentRequestSchema, ctx.request.body);
      const key = idempotencyKeyOf(ctx);
      const result = await service().enrol(data, { now: new Date(), idempotencyKey: key });
      ctx.status = result.status;
      ctx.body = result.body;
    },
    async show(ctx: any) {
      const { token } = parseOrThrow(manageTokenParams, ctx.params);
      ctx.body = { data: await service().show(token) };
    },
    async cancel(ctx: any) {
      const { token } = parseOrThrow(manageTokenParams, ctx.params);
      ctx.body = { data: await service().cancel(token) };
    },
  };
};

export default enrolments;
