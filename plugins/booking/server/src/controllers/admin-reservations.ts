import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseDataOrThrow, parseOrThrow } from '../schemas/parse';
import { referenceParams, rejectRequestSchema, staffListQuery, staffReservationRequestSchema } from '../schemas/reservations';
import { contactsFor } from '../utils/contact-exposure';
import { recordStaffAction } from '../audit/record';
import { getService } from '../utils/get-service';
import { answerWith, answeringConflicts } from './respond';

/** Staff's API (admin panel sign-in and the plugin's "manage reservations" permission). */
const adminReservations = ({ strapi }: { strapi: Core.Strapi }) => {
  const staff = () => getService(strapi, 'reservationStaff');

  return {
    async list(ctx: Context) {
      const { status, from, to, page, pageSize } = parseOrThrow(staffListQuery, ctx.query);
      ctx.body = contactsFor(ctx, await staff().list({ status, from, to }, { page, pageSize }));
    },

    /** A request taken on the phone: the public's rules, of which notice, horizon and quota yield to a written reason. */
    async create(ctx: Context) {
      const { overrideReason, ...data } = parseDataOrThrow(staffReservationRequestSchema, ctx.request.body);
      await answeringConflicts(ctx, async () => {
        const created = await getService(strapi, 'reservationRequests').create(data, { now: new Date(), userId: null, staff: true, overrideReason });
        const booked = created.body.data as { reference: string; occurrences: unknown[] };
        // The written reason stays on the reservation (free text may name the caller); the entry says a rule yielded.
        await recordStaffAction(strapi, ctx, {
          action: overrideReason ? 'reservation.create-override' : 'reservation.create',
          subject: { kind: 'reservation', id: booked.reference },
          details: { room: data.room, dates: booked.occurrences.length },
        });
        answerWith(ctx, created);
      });
    },

    async approve(ctx: Context) {
      const { reference } = parseOrThrow(referenceParams, ctx.params);
      const approved = await staff().approve(reference, new Date());
      await recordStaffAction(strapi, ctx, { action: 'reservation.approve', subject: { kind: 'reservation', id: reference } });
      ctx.body = { data: contactsFor(ctx, approved) };
    },

    async reject(ctx: Context) {
      const { reference } = parseOrThrow(referenceParams, ctx.params);
      const data = parseDataOrThrow(rejectRequestSchema, ctx.request.body);
      const rejected = await staff().reject(reference, data.reason, new Date());
      await recordStaffAction(strapi, ctx, { action: 'reservation.reject', subject: { kind: 'reservation', id: reference } });
      ctx.body = { data: contactsFor(ctx, rejected) };
    },
  };
};

export default adminReservations;
