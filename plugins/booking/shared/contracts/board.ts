/** The day and week board: GET /booking/board, as the server answers it and the admin panel reads it. */

import type { NotifyBy } from '../notify-by';

export type BoardItemKind = 'session' | 'reservation' | 'closure' | 'buffer';

export interface BoardRoom {
  id: string;
  slug: string;
  name: string;
  /** The storey staff gave the room (1 = ground floor); null when not given. */
  floor: number | null;
  capacity: number;
  /** Whether the public may book it (staff may book any room). */
  bookable: boolean;
  /** Bookings start and end on this grid of minutes (the room's rule). */
  slotMinutes: number;
}

/** What is in a room for a while. Times are ISO 8601 with the centre's offset. */
export interface BoardItem {
  kind: BoardItemKind;
  /** session: scheduled; reservation: pending | confirmed; closure: closed; buffer: buffer. */
  status: string;
  start: string;
  end: string;
  roomId: string;
  /** What: the activity's title, the request's purpose, the closure's reason; empty for a buffer. */
  label: string;
  /** Who for: the organiser or teacher, the group or contact; null when nobody in particular. */
  who: string | null;
  /** How many: people enrolled (session) or expected (reservation); null for closures and buffers. */
  count: number | null;
  /** Places of a session; null otherwise or when unlimited. */
  capacity: number | null;
  ids: {
    session?: string;
    activity?: string;
    activityKind?: 'course' | 'event';
    reservation?: string;
    reference?: string;
    closure?: string;
  };
  /** A reservation's contact, for staff who call back. */
  contact?: { name: string; phone: string | null; email: string | null; notifyBy: NotifyBy; organization: string | null };
  /** A reservation staff let past notice, horizon or weekly quota: why. */
  overrideReason?: string | null;
  source?: 'public' | 'staff';
}

export namespace GetBoard {
  export interface Query {
    /** Days YYYY-MM-DD in the centre's zone, both included, at most 14 of them. */
    from: string;
    to: string;
    floor?: number | '';
    room?: string;
  }
  export interface Response {
    data: {
      timezone: string;
      /** Today in the centre's zone, YYYY-MM-DD. */
      today: string;
      from: string;
      to: string;
      /** Every floor any room is on, for the filter (whatever the filter is now). */
      floors: number[];
      /** The rooms shown (after the filters), in the editors' order. */
      rooms: BoardRoom[];
      /** Every room, for the filters and the booking form. */
      choices: Array<{ slug: string; name: string; floor: number | null }>;
      items: BoardItem[];
      /** Open time nobody holds, per room: where staff may book for a caller. */
      free: Array<{ roomId: string; start: string; end: string }>;
    };
  }
}
