import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { enrolmentRequestSchema } from '../http/enrolment-schemas';
import { manageTokenParams } from '../http/reservation-schemas';
import { parseDataOrThrow, parseOrThrow } from '../http/validation';
import type { EnrolmentsService } from '../services/enrolments';

const idempotencyHeader = z.object({ 'idempotency-key': z.string().trim().min(8, 'must be at least 8 characters').max(200).optional() }).loose();

const enrolments = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (): EnrolmentsService => strapi.plugin('booking').service('enrolments');
  return {
    async create(ctx: any) {
      const data = parseDataOrThrow(enrolmentRequestSchema, ctx.request.body);
      const key = parseOrThrow(idempotencyHeader, ctx.request.headers)['idempotency-key'];
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
