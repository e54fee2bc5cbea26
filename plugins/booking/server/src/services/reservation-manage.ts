import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { hashToken } from '../core/reservations/reference';
import { validationError } from '../http/validation';
import { holdRepository } from '../repositories/hold-repository';
import { HOLDING_STATUSES, reservationRepository, type ReservationRow } from '../repositories/reservation-repository';
import { groupByReference, toRequesterView } from '../views/reservation-view';
import { bookingConfig } from './settings';

export interface StatusChange {
  kind: 'received' | 'confirmed' | 'rejected' | 'cancelled';
  /** Every row of the request, as they are after the change. */
  rows: ReservationRow[];
  /** The rows this change touched. */
  changed: ReservationRow[];
}

/** Flips rows to a status and releases their holds when they stop holding the room, in one transaction. */
export const changeStatus = async (
  strapi: Core.Strapi,
  rows: ReservationRow[],
  status: ReservationRow['status'],
  extra: { rejectionReason?: string } = {}
): Promise<ReservationRow[]> => {
  const ids = rows.map((r) => r.documentId);
  await strapi.db.transaction(async ({ trx }) => {
    await reservationRepository(strapi).setStatus(ids, status, extra);
    if (!HOLDING_STATUSES.includes(status)) await holdRepository(strapi).release('reservation', ids, trx);
  });
  return rows.map((r) => ({ ...r, status, ...(extra.rejectionReason ? { rejectionReason: extra.rejectionReason } : {}) }));
};

const reservationManage = ({ strapi }: { strapi: Core.Strapi }) => {
  const reservations = reservationRepository(strapi);
  const tz = () => bookingConfig(strapi).timezone;

  const rowsOfToken = async (token: string) => {
    const rows = await reservations.findByTokenHash(hashToken(token));
    if (rows.length === 0) throw new errors.NotFoundError('No reservation belongs to this link');
    return rows;
  };

  return {
    async show(token: string) {
      const rows = await rowsOfToken(token);
      return toRequesterView(rows, rows[0].room, tz());
    },

    /** Cancels one date (by its start) or every date still to come. Past dates stay as they were. */
    async cancel(token: string, options: { start?: Date }, now: Date): Promise<{ view: ReturnType<typeof toRequesterView>; change: StatusChange }> {
      const rows = await rowsOfToken(token);
      let targets: ReservationRow[];
      if (options.start) {
        const row = rows.find((r) => r.start.getTime() === options.start!.getTime());
        if (!row) throw validationError([{ path: 'start', message: 'no date of this reservation starts at that time' }]);
        if (row.start <= now) throw validationError([{ path: 'start', message: 'has already begun or passed, so it cannot be cancelled' }]);
        if (!HOLDING_STATUSES.includes(row.status)) throw validationError([{ path: 'start', message: `is already ${row.status}` }]);
        targets = [row];
      } else {
        targets = rows.filter((r) => r.start > now && HOLDING_STATUSES.includes(r.status));
        if (targets.length === 0) throw validationError([{ path: 'reservation', message: 'has no date still to come that can be cancelled' }]);
      }
      const changed = await changeStatus(strapi, targets, 'cancelled');
      const after = rows.map((r) => changed.find((c) => c.documentId === r.documentId) ?? r);
      return { view: toRequesterView(after, after[0].room, tz()), change: { kind: 'cancelled', rows: after, changed } };
    },

    /** A signed-in resident's reservations: made under their account, or with the e-mail they verified. */
    async forAccount(user: { id: number; email?: string | null; confirmed?: boolean | null }) {
      const rows = await reservations.findForAccount(user.id, user.confirmed && user.email ? user.email : null);
      return groupByReference(rows).map((group) => toRequesterView(group, group[0].room, tz()));
    },
  };
};

export default reservationManage;
export type ReservationManageService = ReturnType<typeof reservationManage>;
