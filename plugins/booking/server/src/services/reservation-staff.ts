import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ListFilters, ReservationRow, ReservationStatus } from '../repositories/reservation-repository';
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
    async list(filters: ListFilters, page: { page: number; pageSize: number }) {
      const { references, total } = await reservations.pageOfReferences(filters, { start: (page.page - 1) * page.pageSize, limit: page.pageSize });
      const groups = new Map(groupByReference(await reservations.rowsOfReferences(references, filters)).map((g) => [g[0].reference, g]));
      return {
        data: references.flatMap((reference) => {
          const group = groups.get(reference);
          return group ? [toStaffView(group, group[0].room, tz())] : [];
        }),
        meta: { pagination: { page: page.page, pageSize: page.pageSize, total } },
      };
    },

    approve: (reference: string, now: Date) => decide(reference, 'confirmed', now),
    reject: (reference: string, reason: string, now: Date) => decide(reference, 'rejected', now, reason),
  };
};

export default reservationStaff;
export type ReservationStaffService = ReturnType<typeof reservationStaff>;
