import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { cancelRequestSchema, manageTokenParams, reservationRequestSchema } from '../http/reservation-schemas';
import { answeringConflicts } from '../http/conflict-error';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { parseDataOrThrow, parseOrThrow } from '../http/validation';
import type { NotificationsService } from '../services/notifications';
import type { ReservationManageService } from '../services/reservation-manage';
import type { ReservationRequestsService } from '../services/reservation-requests';


/** The public side of reservations: request, look up and cancel by link, and a resident's own list. */
const reservations = ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('booking');
  const requests = (): ReservationRequestsService => plugin().service('reservationRequests');
  const manage = (): ReservationManageService => plugin().service('reservationManage');
  const notifications = (): NotificationsService => plugin().service('notifications');

  return {
    async create(ctx: any) {
      const data = parseDataOrThrow(reservationRequestSchema, ctx.request.body);
      const key = idempotencyKeyOf(ctx);
      await answeringConflicts(ctx, async () => {
        const result = await requests().create(data, { now: new Date(), userId: ctx.state.user?.id ?? null, staff: false, idempotencyKey: key });
        if (result.rows) notifications().reservationChanged({ kind: result.rows[0].status === 'confirmed' ? 'confirmed' : 'received', rows: result.rows, changed: result.rows }, { manageToken: result.body.data.manageToken as string });
        ctx.status = result.status;
        ctx.body = result.body;
      });
    },

    async show(ctx: any) {
      const { token } = parseOrThrow(manageTokenParams, ctx.params);
      ctx.body = { data: await manage().show(token) };
    },

    async cancel(ctx: any) {
      const { token } = parseOrThrow(manageTokenParams, ctx.params);
      const data = ctx.request.body?.data === undefined ? {} : parseDataOrThrow(cancelRequestSchema, ctx.request.body);
      const { view, change } = await manage().cancel(token, data, new Date());
      notifications().reservationChanged(change, { manageToken: token });
      ctx.body = { data: view };
    },

    async mine(ctx: any) {
      const user = ctx.state.user;
      if (!user) throw new errors.UnauthorizedError('Sign in to see your reservations');
      ctx.body = { data: await manage().forAccount(user) };
    },
  };
};

export default reservations;
