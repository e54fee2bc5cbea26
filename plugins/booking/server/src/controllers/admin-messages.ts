import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { PERMISSIONS, permissionAction } from '../constants';
import { callsQuery, messageParams, messagesQuery, tickCallSchema } from '../schemas/messages';
import { parseDataOrThrow, parseOrThrow } from '../schemas/parse';
import type { StaffReader } from '../services/staff-reader';
import { recordStaffAction } from '../audit/record';
import { getService } from '../utils/get-service';
import { answeringConflicts } from './respond';

/** The signed-in staff member: which bookings' messages their role covers, and their name as colleagues know it. */
const readerOf = (ctx: Context): StaffReader => {
  const ability = ctx.state.userAbility as { can(action: string): boolean } | undefined;
  const can = (uid: (typeof PERMISSIONS)[keyof typeof PERMISSIONS]['uid']) => Boolean(ability?.can(permissionAction(uid)));
  const user = (ctx.state.user ?? {}) as { firstname?: string | null; lastname?: string | null; username?: string | null; email?: string | null };
  const name = user.username || [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || 'staff';
  return {
    aboutKinds: [...(can(PERMISSIONS.manageReservations.uid) ? (['reservation'] as const) : []), ...(can(PERMISSIONS.manageActivities.uid) ? (['enrolment'] as const) : [])],
    name,
  };
};

/** The delivery log and the call list, for the front desk. */
const adminMessages = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const { about, state, from, to, limit } = parseOrThrow(messagesQuery, ctx.query);
    const log = getService(strapi, 'messageLog');
    ctx.body = about ? await log.about(about, readerOf(ctx)) : await log.list({ states: state, from, to, limit }, readerOf(ctx));
  },

  async retry(ctx: Context) {
    const { id } = parseOrThrow(messageParams, ctx.params);
    await answeringConflicts(ctx, async () => {
      const retried = await getService(strapi, 'messageLog').retry(id, readerOf(ctx));
      await recordStaffAction(strapi, ctx, { action: 'message.retry', subject: { kind: 'message', id: String(id) }, details: { channel: retried.channel } });
      ctx.body = { data: retried };
    });
  },

  async calls(ctx: Context) {
    const { date } = parseOrThrow(callsQuery, ctx.query);
    ctx.body = { data: await getService(strapi, 'callList').day(date, readerOf(ctx)) };
  },

  async tick(ctx: Context) {
    const { id } = parseOrThrow(messageParams, ctx.params);
    const tick = parseDataOrThrow(tickCallSchema, ctx.request.body);
    await answeringConflicts(ctx, async () => {
      const ticked = await getService(strapi, 'callList').tick(id, tick, readerOf(ctx));
      // The note may name the person; the outcome is what the trail needs.
      await recordStaffAction(strapi, ctx, { action: 'call.tick', subject: { kind: 'message', id: String(id) }, details: { outcome: tick.outcome } });
      ctx.body = { data: ticked };
    });
  },
});

export default adminMessages;
