import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { isValidIsoDate, wallClockToInstant, addDays } from '../core/time/zoned';
import { referenceParams, rejectRequestSchema, reservationRequestSchema } from '../http/reservation-schemas';
import { answeringConflicts } from '../http/conflict-error';
import { parseDataOrThrow, parseOrThrow } from '../http/validation';
import type { NotificationsService } from '../services/notifications';
import type { ReservationRequestsService } from '../services/reservation-requests';
import type { ReservationStaffService } from '../services/reservation-staff';
import { bookingConfig } from '../services/settings';

const listQuery = z
  .object({
    status: z.enum(['pending', 'confirmed', 'rejected', 'cancelled']).optional(),
    from: z.string().refine(isValidIsoDate, 'must be a date written YYYY-MM-DD').optional(),
    to: z.string().refine(isValidIsoDate, 'must be a date written YYYY-MM-DD').optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .loose();

/** Staff's API (admin panel sign-in and the plugin's "manage reservations" permission). */
const adminReservations = ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('booking');
  const staff = (): ReservationStaffService => plugin().service('reservationStaff');
  const requests = (): ReservationRequestsService => plugin().service('reservationRequests');
  const notifications = (): NotificationsService => plugin().service('notifications');

  return {
    async list(ctx: any) {
      const q = parseOrThrow(listQuery, ctx.query);
      const tz = bookingConfig(strapi).timezone;
      ctx.body = await staff().list(
        {
          status: q.status,
          from: q.from ? wallClockToInstant(q.from, '00:00', tz) : undefined,
          to: q.to ? wallClockToInstant(addDays(q.to, 1), '00:00', tz) : undefined,
        },
        { page: q.page, pageSize: q.pageSize }
      );
    },

    /** A request taken on the phone: staff may override every rule except a clash. */
    async create(ctx: any) {
      const data = parseDataOrThrow(reservationRequestSchema, ctx.request.body);
      await answeringConflicts(ctx, async () => {
        const result = await requests().create(data, { now: new Date(), userId: null, staff: true });
        if (result.rows) notifications().reservationChanged({ kind: 'confirmed', rows: result.rows, changed: result.rows }, { manageToken: result.body.data.manageToken as string });
        ctx.status = 201;
        ctx.body = result.body;
      });
    },

    async approve(ctx: any) {
      const { reference } = parseOrThrow(referenceParams, ctx.params);
      const { view, change } = await staff().approve(reference, new Date());
      notifications().reservationChanged(change, {});
      ctx.body = { data: view };
    },

    async reject(ctx: any) {
      const { reference } = parseOrThrow(referenceParams, ctx.params);
      const data = parseDataOrThrow(rejectRequestSchema, ctx.request.body);
      const { view, change } = await staff().reject(reference, data.reason, new Date());
      notifications().reservationChanged(change, {});
      ctx.body = { data: view };
    },
  };
};

export default adminReservations;
