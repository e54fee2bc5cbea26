/** The staff API's closures, as the server answers them and the admin panel reads them. */

import type { ZonedInterval } from './reservations';

/** One closure as staff list it; times carry the centre's offset. */
export interface StaffClosure extends ZonedInterval {
  id: string;
  reason: string;
  reasonEn: string | null;
  allRooms: boolean;
  /** The rooms closed (empty when allRooms). */
  rooms: Array<{ id: string; name: string }>;
}

/** A room staff can close. */
export interface ClosableRoom {
  id: string;
  name: string;
  /** The storey staff number it by (rooms are grouped by it), null when not given. */
  floor: number | null;
  /** Where the room is, as editors wrote it; groups rooms when no floor is given. */
  location: string | null;
}

/** GET /booking/closures?scope=upcoming|past */
export namespace ListClosures {
  export interface Response {
    data: StaffClosure[];
    /** What the form needs: the centre's time zone (IANA) and the rooms. */
    meta: { timezone: string; rooms: ClosableRoom[] };
  }
}

/** POST /booking/closures/preview and POST /booking/closures take `{ data: ClosureRequest }`. */
export interface ClosureRequest {
  allRooms: boolean;
  /** Room ids; required unless allRooms. */
  rooms?: string[];
  start: string;
  end: string;
  /** The reason in Chinese and in English; at least one. */
  reason?: string;
  reasonEn?: string;
  /** Only for POST /booking/closures: also cancel what the closure falls on and tell everyone. */
  cancelAffected?: boolean;
}

/** One date of a reservation the closure falls on. */
export interface AffectedReservation extends ZonedInterval {
  reference: string;
  room: string;
  status: 'pending' | 'confirmed' | 'rejected' | 'cancelled';
  contactName: string;
  phone: string | null;
  email: string | null;
}

/** A course or event session the closure falls on. */
export interface AffectedSession extends ZonedInterval {
  id: string;
  activity: string;
  room: string | null;
  status: 'scheduled' | 'cancelled';
  /** People enrolled (confirmed places). */
  enrolled: number;
}

/** Someone to tell: a reservation's contact or an enrolled person. */
export interface AffectedPerson {
  name: string;
  phone: string | null;
  email: string | null;
  /** What they booked or enrolled in: a reservation reference or an activity's title. */
  about: string;
  kind: 'reservation' | 'enrolment';
}

/** A mail as the people affected receive it. */
export interface MessagePreview {
  audience: 'reservation' | 'enrolment';
  language: 'zh-CN' | 'en';
  subject: string;
  text: string;
}

export interface ClosureImpact {
  reservations: AffectedReservation[];
  sessions: AffectedSession[];
  people: {
    /** How many are told by e-mail. */
    withEmail: number;
    /** Those without e-mail: staff phone them. */
    phoneOnly: AffectedPerson[];
    all: AffectedPerson[];
  };
  messages: MessagePreview[];
}

/** POST /booking/closures/preview: what the closure would fall on; nothing is saved. */
export namespace PreviewClosure {
  export interface Response {
    data: ClosureImpact;
  }
}

/** POST /booking/closures: the closure saved and, when asked, what was cancelled and who was told. */
export namespace CreateClosure {
  export interface Response {
    data: {
      closure: StaffClosure;
      /** Present when cancelAffected was true. */
      cancelled: ClosureImpact | null;
    };
  }
}
