import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseDataOrThrow, parseOrThrow } from '../schemas/parse';
import { referenceParams, rejectRequestSchema, staffListQuery, staffReservationRequestSchema } from '../schemas/reservations';
import { contactsFor } from '../utils/contact-exposure';
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
        answerWith(ctx, await getService(strapi, 'reservationRequests').create(data, { now: new Date(), userId: null, staff: true, overrideReason }));
      });
    },

    async approve(ctx: Context) {
      const { reference } = parseOrThrow(referenceParams, ctx.params);
      ctx.body = { data: contactsFor(ctx, await staff().approve(reference, new Date())) };
    },

    async reject(ctx: Context) {
      const { reference } = parseOrThrow(referenceParams, ctx.params);
      const data = parseDataOrThrow(rejectRequestSchema, ctx.request.body);
      ctx.body = { data: contactsFor(ctx, await staff().reject(reference, data.reason, new Date())) };
    },
  };
};

export default adminReservations;
