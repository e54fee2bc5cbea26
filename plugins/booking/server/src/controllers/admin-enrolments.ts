import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { enrolmentParams, staffEnrolmentSchema } from '../schemas/enrolments';
import { parseDataOrThrow, parseOrThrow } from '../schemas/parse';
import { recordStaffAction } from '../audit/record';
import { getService } from '../utils/get-service';
import { answerWith, answeringConflicts } from './respond';

/** Staff enrol people at the desk and cancel on their behalf (the "manage activities" permission). */
const adminEnrolments = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const data = parseDataOrThrow(staffEnrolmentSchema, ctx.request.body);
    await answeringConflicts(ctx, async () => {
      const enrolled = await getService(strapi, 'enrolments').enrolAtDesk(data, new Date());
      const { id, status } = enrolled.body.data as { id: string; status: string };
      await recordStaffAction(strapi, ctx, { action: 'enrolment.create', subject: { kind: 'enrolment', id }, details: { status, activity: `${data.kind}:${data.activity}`, session: data.session ?? undefined, people: data.people } });
      answerWith(ctx, enrolled);
    });
  },

  async cancel(ctx: Context) {
    const { id } = parseOrThrow(enrolmentParams, ctx.params);
    const cancelled = await getService(strapi, 'enrolments').cancelAtDesk(id);
    await recordStaffAction(strapi, ctx, { action: 'enrolment.cancel', subject: { kind: 'enrolment', id }, details: { promoted: cancelled.promotedCount } });
    ctx.body = { data: cancelled };
  },
});

export default adminEnrolments;
