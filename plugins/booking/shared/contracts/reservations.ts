/** The staff API's reservations, as the server answers them and the admin panel reads them. */

import type { NotifyBy } from '../notify-by';

export type { NotifyBy };

export type ReservationStatus = 'pending' | 'confirmed' | 'rejected' | 'cancelled';

/** Every time leaves the API as ISO 8601 with the centre's offset, e.g. 2026-11-24T19:00:00+08:00. */
export interface ZonedInterval {
  start: string;
  end: string;
}

export interface ReservationOccurrence extends ZonedInterval {
  status: ReservationStatus;
}

/** One request (all its dates), as the holder of its manage link sees it. */
export interface RequesterReservation {
  reference: string;
  status: ReservationStatus;
  room: { slug: string; name: string } | null;
  purpose: string;
  organization: string | null;
  contactName: string;
  phone: string | null;
  email: string | null;
  /** How they asked to be told. */
  notifyBy: NotifyBy;
  attendees: number;
  rejectionReason: string | null;
  occurrences: ReservationOccurrence[];
}

/** One request as staff see it: GET /booking/reservations lists these. */
export interface StaffReservation extends RequesterReservation {
  language: 'zh-CN' | 'en';
  source: 'public' | 'staff';
  /** Why staff let it past minimum notice, booking horizon or weekly quota; null when no rule was waived. */
  overrideReason: string | null;
  createdAt: string | null;
}

export namespace ListStaffReservations {
  export interface Query {
    status?: ReservationStatus;
    /** Days YYYY-MM-DD in the centre's zone. */
    from?: string;
    to?: string;
    page?: number;
    pageSize?: number;
  }
  export interface Response {
    data: StaffReservation[];
    meta: { pagination: { page: number; pageSize: number; total: number } };
  }
}

/** POST /booking/reservations/:reference/approve and …/reject (with `{ data: { reason } }`). */
export namespace DecideStaffReservation {
  export interface RejectRequest {
    data: { reason: string };
  }
  export interface Response {
    data: StaffReservation;
  }
}
