import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { enrolmentParams, staffEnrolmentSchema } from '../schemas/enrolments';
import { parseDataOrThrow, parseOrThrow } from '../schemas/parse';
import { getService } from '../utils/get-service';
import { answerWith, answeringConflicts } from './respond';

/** Staff enrol people at the desk and cancel on their behalf (the "manage activities" permission). */
const adminEnrolments = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const data = parseDataOrThrow(staffEnrolmentSchema, ctx.request.body);
    await answeringConflicts(ctx, async () => answerWith(ctx, await getService(strapi, 'enrolments').enrolAtDesk(data, new Date())));
  },

  async cancel(ctx: Context) {
    const { id } = parseOrThrow(enrolmentParams, ctx.params);
    ctx.body = { data: await getService(strapi, 'enrolments').cancelAtDesk(id) };
  },
});

export default adminEnrolments;
