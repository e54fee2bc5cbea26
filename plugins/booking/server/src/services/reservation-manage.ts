import type { Core } from '@strapi/strapi';
import { inTransaction } from '../repositories/transaction';
import { manageLinkExpired } from '../core/reservations/manage-link-expiry';
import { hashToken } from '../core/reservations/reference';
import { reservationNotifications } from '../notifications/reservations';
import { holdRepository } from '../repositories/hold-repository';
import { HOLDING_STATUSES, reservationRepository, type RequestKey, type ReservationRow } from '../repositories/reservation-repository';
import { usersPermissionsSettings } from '../repositories/users-permissions-settings';
import { expiredLinkError, notFound, validationError } from '../utils/errors';
import { bookingConfig } from '../utils/plugin-config';
import { groupByReference, toRequesterView } from '../views/reservation-view';

/**
 * Changes the status of some dates of one request, atomically. Inside one transaction it locks the request's rows (by reference for
 * staff, by the token's hash for the requester's link, so a link changes only its own rows), reads them as
 * they are now, lets `pick` choose the rows to change (or throw to refuse), flips those and releases their holds when they stop
 * holding the room. Two changes arriving at once (staff approving while the requester cancels, two staff approving) thus happen
 * one after the other, and the second decides on what the first left: a date cancelled a moment ago is never confirmed again
 * without its hold, and no decision is made (and mailed) twice.
 */
export const changeStatusOf = async (
  strapi: Core.Strapi,
  request: RequestKey,
  pick: (rows: ReservationRow[]) => ReservationRow[],
  status: ReservationRow['status'],
  extra: { rejectionReason?: string } = {}
): Promise<{ rows: ReservationRow[]; changed: ReservationRow[] }> => {
  const reservations = reservationRepository(strapi);
  return inTransaction(strapi, async (trx) => {
    await reservations.lockRequest(request, trx);
    const rows = await reservations.findRequest(request);
    if (rows.length === 0) throw notFound('reference' in request ? `No reservation ${request.reference}` : 'No reservation belongs to this link');
    const targets = pick(rows);
    const ids = targets.map((r) => r.documentId);
    await reservations.setStatus(ids, status, extra);
    if (!HOLDING_STATUSES.includes(status)) await holdRepository(strapi).release('reservation', ids, trx);
    const changed = targets.map((r) => ({ ...r, status, ...(extra.rejectionReason ? { rejectionReason: extra.rejectionReason } : {}) }));
    return { rows: rows.map((r) => changed.find((c) => c.documentId === r.documentId) ?? r), changed };
  });
};

const reservationManage = ({ strapi }: { strapi: Core.Strapi }) => {
  const reservations = reservationRepository(strapi);
  const tz = () => bookingConfig(strapi).timezone;

  /** The rows a live link opens; a link past `manageLinkDays` after the last date opens nothing. */
  const rowsOfToken = async (token: string, now: Date) => {
    const rows = await reservations.findByTokenHash(hashToken(token));
    if (rows.length === 0) throw notFound('No reservation belongs to this link');
    const { manageLinkDays } = bookingConfig(strapi);
    if (manageLinkExpired(rows.map((r) => r.end), manageLinkDays, now)) throw expiredLinkError(manageLinkDays);
    return rows;
  };

  return {
    async show(token: string, now: Date) {
      const rows = await rowsOfToken(token, now);
      return toRequesterView(rows, rows[0].room, tz());
    },

    /** Cancels one date (by its start) or every date still to come, and tells the requester. Past dates stay as they were. */
    async cancel(token: string, options: { start?: Date }, now: Date) {
      await rowsOfToken(token, now);
      // Chosen inside the transaction, on the statuses as they are then.
      const pick = (rows: ReservationRow[]) => {
        if (options.start) {
          const row = rows.find((r) => r.start.getTime() === options.start!.getTime());
          if (!row) throw validationError([{ path: 'start', message: 'no date of this reservation starts at that time' }]);
          if (row.start <= now) throw validationError([{ path: 'start', message: 'has already begun or passed, so it cannot be cancelled' }]);
          if (!HOLDING_STATUSES.includes(row.status)) throw validationError([{ path: 'start', message: `is already ${row.status}` }]);
          return [row];
        }
        const targets = rows.filter((r) => r.start > now && HOLDING_STATUSES.includes(r.status));
        if (targets.length === 0) throw validationError([{ path: 'reservation', message: 'has no date still to come that can be cancelled' }]);
        return targets;
      };
      const { rows: after, changed } = await changeStatusOf(strapi, { tokenHash: hashToken(token) }, pick, 'cancelled');
      reservationNotifications(strapi).reservationChanged({ kind: 'cancelled', rows: after, changed }, { manageToken: token });
      return toRequesterView(after, after[0].room, tz());
    },

    /**
     * A signed-in resident's reservations: made under their account, or with the e-mail they verified. Users & permissions marks
     * every new account `confirmed` when e-mail confirmation is off, so the address counts as verified only while confirmation is
     * required; otherwise anyone could register someone else's address and read their bookings (name, phone, times).
     */
    async forAccount(user: { id: number; email?: string | null; confirmed?: boolean | null }) {
      const rows = await reservations.findForAccount(user.id, user.confirmed === true && user.email && (await usersPermissionsSettings(strapi).emailsAreVerified()) ? user.email : null);
      return groupByReference(rows).map((group) => toRequesterView(group, group[0].room, tz()));
    },
  };
};

export default reservationManage;
export type ReservationManageService = ReturnType<typeof reservationManage>;
