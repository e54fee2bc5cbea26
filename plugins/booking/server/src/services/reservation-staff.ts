import type { Core } from '@strapi/strapi';
import type { ListStaffReservations } from '../../../shared/contracts/reservations';
import { reservationNotifications, type StatusChange } from '../notifications/reservations';
import { reservationRepository, type ListFilters, type ReservationRow } from '../repositories/reservation-repository';
import { validationError } from '../utils/errors';
import { addDays, wallClockToInstant, type IsoDate } from '../core/time/zoned';
import { bookingConfig } from '../utils/plugin-config';
import { groupByReference, toStaffView } from '../views/reservation-view';
import { changeStatusOf } from './reservation-manage';

/** What staff do with requests from the admin panel: list, approve, reject (the requester is told). */
const reservationStaff = ({ strapi }: { strapi: Core.Strapi }) => {
  const reservations = reservationRepository(strapi);
  const tz = () => bookingConfig(strapi).timezone;

  const decide = async (reference: string, to: 'confirmed' | 'rejected', now: Date, reason?: string) => {
    // Chosen inside the transaction: of two decisions at once, the second finds nothing pending and is refused.
    const pick = (rows: ReservationRow[]) => {
      const pending = rows.filter((r) => r.status === 'pending' && r.end > now);
      if (pending.length === 0) {
        throw validationError(
          [{ path: 'reference', message: `has no pending date still to come (status: ${[...new Set(rows.map((r) => r.status))].join(', ')})` }],
          `${reference} has nothing waiting for a decision`
        );
      }
      return pending;
    };
    const { rows: after, changed } = await changeStatusOf(strapi, { reference }, pick, to, to === 'rejected' ? { rejectionReason: reason } : {});
    const change: StatusChange = { kind: to, rows: after, changed };
    reservationNotifications(strapi).reservationChanged(change, {});
    return toStaffView(after, after[0].room, tz());
  };

  return {
    /** One page of requests, each with its matching dates; `from`/`to` are days in the centre's zone. */
    async list(days: { status?: ListFilters['status']; from?: IsoDate; to?: IsoDate }, page: { page: number; pageSize: number }): Promise<ListStaffReservations.Response> {
      const filters: ListFilters = {
        status: days.status,
        from: days.from ? wallClockToInstant(days.from, '00:00', tz()) : undefined,
        to: days.to ? wallClockToInstant(addDays(days.to, 1), '00:00', tz()) : undefined,
      };
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
