import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ReservationRow, ReservationStatus } from '../repositories/reservation-repository';
import { reservationRepository } from '../repositories/reservation-repository';
import { groupByReference, toStaffView } from '../views/reservation-view';
import { changeStatusOf, type StatusChange } from './reservation-manage';
import { bookingConfig } from './settings';

/** What staff do with requests from the admin panel: list, approve, reject. */
const reservationStaff = ({ strapi }: { strapi: Core.Strapi }) => {
  const reservations = reservationRepository(strapi);
  const tz = () => bookingConfig(strapi).timezone;

  const decide = async (reference: string, to: 'confirmed' | 'rejected', now: Date, reason?: string) => {
    // Chosen inside the transaction: of two decisions at once, the second finds nothing pending and is refused.
    const pick = (rows: ReservationRow[]) => {
      const pending = rows.filter((r) => r.status === 'pending' && r.end > now);
      if (pending.length === 0) {
        throw new errors.ValidationError(`${reference} has nothing waiting for a decision`, {
          errors: [{ path: 'reference', message: `has no pending date still to come (status: ${[...new Set(rows.map((r) => r.status))].join(', ')})` }],
        });
      }
      return pending;
    };
    const { rows: after, changed } = await changeStatusOf(strapi, reference, pick, to, to === 'rejected' ? { rejectionReason: reason } : {});
    const change: StatusChange = { kind: to, rows: after, changed };
    return { view: toStaffView(after, after[0].room, tz()), change };
  };

  return {
    async list(filters: { status?: ReservationStatus; from?: Date; to?: Date }, page: { page: number; pageSize: number }) {
      const rows = await reservations.list(filters, { start: 0, limit: 5000 });
      const groups = groupByReference(rows);
      const start = (page.page - 1) * page.pageSize;
      return {
        data: groups.slice(start, start + page.pageSize).map((g) => toStaffView(g, g[0].room, tz())),
        meta: { pagination: { page: page.page, pageSize: page.pageSize, total: groups.length } },
      };
    },

    approve: (reference: string, now: Date) => decide(reference, 'confirmed', now),
    reject: (reference: string, reason: string, now: Date) => decide(reference, 'rejected', now, reason),
  };
};

export default reservationStaff;
export type ReservationStaffService = ReturnType<typeof reservationStaff>;
