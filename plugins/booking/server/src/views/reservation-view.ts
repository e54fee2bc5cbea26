import type { RequesterReservation, StaffReservation } from '../../../shared/contracts/reservations';
import type { ReservationRow, ReservationStatus } from '../repositories/reservation-repository';
import { zonedInterval } from '../core/time/zoned-interval';

/** One status for a request whose dates may differ (a series with one date cancelled is still confirmed). */
export const overallStatus = (rows: ReservationRow[]): ReservationStatus => {
  for (const status of ['confirmed', 'pending', 'rejected'] as const) if (rows.some((r) => r.status === status)) return status;
  return 'cancelled';
};

const occurrencesOf = (rows: ReservationRow[], tz: string) =>
  [...rows].sort((a, b) => a.start.getTime() - b.start.getTime()).map((r) => ({ ...zonedInterval(r, tz), status: r.status }));

/** What the requester (holder of the manage link, or the signed-in resident) sees. */
export const toRequesterView = (rows: ReservationRow[], room: { slug: string; name: string } | null, tz: string): RequesterReservation => {
  const first = rows[0];
  return {
    reference: first.reference,
    status: overallStatus(rows),
    room,
    purpose: first.purpose,
    organization: first.organization,
    contactName: first.contactName,
    phone: first.phone,
    email: first.email,
    notifyBy: first.notifyBy,
    attendees: first.attendees,
    rejectionReason: rows.find((r) => r.rejectionReason)?.rejectionReason ?? null,
    occurrences: occurrencesOf(rows, tz),
  };
};

/** What staff see in the admin API: everything, one request per reference. */
export const toStaffView = (rows: ReservationRow[], room: { slug: string; name: string } | null, tz: string): StaffReservation => ({
  ...toRequesterView(rows, room, tz),
  language: rows[0].language,
  source: rows[0].source,
  overrideReason: rows[0].overrideReason,
  createdAt: rows[0].createdAt?.toISOString() ?? null,
});

/** Rows of several requests, grouped by reference in the order they came. */
export const groupByReference = (rows: ReservationRow[]): ReservationRow[][] => {
  const groups = new Map<string, ReservationRow[]>();
  for (const row of rows) groups.set(row.reference, [...(groups.get(row.reference) ?? []), row]);
  return [...groups.values()];
};
