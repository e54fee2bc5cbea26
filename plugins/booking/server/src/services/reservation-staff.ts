import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ReservationStatus } from '../repositories/reservation-repository';
import { reservationRepository } from '../repositories/reservation-repository';
import { groupByReference, toStaffView } from '../views/reservation-view';
import { changeStatus, type StatusChange } from './reservation-manage';
import { bookingConfig } from './settings';

/** What staff do with requests from the admin panel: list, approve, reject. */
const reservationStaff = ({ strapi }: { strapi: Core.Strapi }) => {
  const reservations = reservationRepository(strapi);
  const tz = () => bookingConfig(strapi).timezone;

  const rowsOf = async (reference: string) => {
    const rows = await reservations.findByReference(reference);
    if (rows.length === 0) throw new errors.NotFoundError(`No reservation ${reference}`);
    return rows;
  };

  const decide = async (reference: string, to: 'confirmed' | 'rejected', now: Date, reason?: string) => {
    const rows = await rowsOf(reference);
    const pending = rows.filter((r) => r.status === 'pending' && r.end > now);
    if (pending.length === 0) {
      throw new errors.ValidationError(`${reference} has nothing waiting for a decision`, {
        errors: [{ path: 'reference', message: `has no pending date still to come (status: ${rows.map((r) => r.status).join(', ')})` }],
      });
    }
    const changed = await changeStatus(strapi, pending, to, to === 'rejected' ? { rejectionReason: reason } : {});
    const after = rows.map((r) => changed.find((c) => c.documentId === r.documentId) ?? r);
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
