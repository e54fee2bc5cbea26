import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { closureListQuery, closureParams, closureSchema } from '../schemas/closures';
import { parseDataOrThrow, parseOrThrow } from '../schemas/parse';
import { recordStaffAction } from '../audit/record';
import { getService } from '../utils/get-service';
import type { ClosureImpact } from '../../../shared/contracts/closures';

/** How much a closure cancelled, for the audit trail (counts, not the people). */
const cancelledCounts = (cancelled: ClosureImpact | null) =>
  cancelled ? { reservationsCancelled: cancelled.reservations.length, sessionsCancelled: cancelled.sessions.length } : {};

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
    const declared = await getService(strapi, 'closures').declare(input, new Date());
    await recordStaffAction(strapi, ctx, {
      action: 'closure.declare',
      subject: { kind: 'closure', id: String(declared.closure.id) },
      details: { start: input.start, end: input.end, cancelAffected: Boolean(input.cancelAffected), ...cancelledCounts(declared.cancelled) },
    });
    ctx.status = 201;
    ctx.body = { data: declared };
  },

  async remove(ctx: Context) {
    const { id } = parseOrThrow(closureParams, ctx.params);
    await getService(strapi, 'closures').remove(id);
    await recordStaffAction(strapi, ctx, { action: 'closure.remove', subject: { kind: 'closure', id: String(id) } });
    ctx.status = 204;
  },

  async affected(ctx: Context) {
    const { id } = parseOrThrow(closureParams, ctx.params);
    ctx.body = { data: await getService(strapi, 'closureImpact').affectedReservations(id) };
  },
});

export default adminClosures;
