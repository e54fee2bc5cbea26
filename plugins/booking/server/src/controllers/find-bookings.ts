import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { findBookingsSchema } from '../schemas/find-bookings';
import { parseDataOrThrow } from '../schemas/parse';
import { now } from '../utils/clock';
import { getService } from '../utils/get-service';

/** The one answer to every well-formed lookup: it says nothing of what was found. */
export const FIND_ANSWER = { data: { accepted: true } } as const;

/**
 * "Find my booking": answers 202 at once, before looking anything up, so neither the answer nor
 * its time tells whether the phone or address has bookings; the links go out by that channel.
 */
const findBookings = ({ strapi }: { strapi: Core.Strapi }) => ({
  async request(ctx: Context) {
    const data = parseDataOrThrow(findBookingsSchema, ctx.request.body);
    const asked = now();
    setImmediate(() => void getService(strapi, 'findBookings').send(data, asked));
    ctx.status = 202;
    ctx.body = FIND_ANSWER;
  },
});

export default findBookings;
