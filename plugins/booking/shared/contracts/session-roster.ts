/** The staff API's sessions of a day and a session's roster, as the server answers them and the admin panel reads them. */

import type { DeskPerson } from './activities';
import type { ZonedInterval } from './reservations';

export type SessionStatus = 'scheduled' | 'cancelled';

export interface StaffActivityRef {
  kind: 'course' | 'event';
  id: string;
  slug: string | null;
  title: string | null;
  enrolmentMode: 'term' | 'session' | null;
  capacity: number | null;
}

export interface StaffRoomRef {
  id: string;
  slug: string;
  name: string;
}

/** Who came, as recorded: people of the enrolments marked present, walk-ins, and the two added (人次). */
export interface AttendanceSummary {
  /** Whether staff saved attendance for the session (even "nobody came"). */
  marked: boolean;
  present: number;
  walkIns: number;
  personVisits: number;
}

export interface StaffSession extends ZonedInterval {
  id: string;
  status: SessionStatus;
  note: string | null;
  capacity: number | null;
  room: StaffRoomRef | null;
  roomOverride: boolean;
  scheduled: ZonedInterval | null;
}

/**
 * One person (or family) on a roster, as on the desk's lists (`people` counts the party; `note` is
 * what they wrote when enrolling: for a child, often the class and who collects them), with
 * `presentPeople` those marked present.
 */
export interface RosterPerson extends DeskPerson {
  present: boolean;
  presentPeople: number | null;
  /** Said "我去不了 / I can't come" to this session with a reminder's link (a term's member keeps the place). */
  away: boolean;
}

/** GET /booking/sessions/:id/enrolments (and POST …/attendance answers the same). */
export interface Roster {
  activity: StaffActivityRef;
  session: StaffSession;
  confirmed: RosterPerson[];
  waitlist: RosterPerson[];
  totals: { confirmed: number; confirmedPeople: number; waiting: number; waitingPeople: number };
  attendance: AttendanceSummary;
}

/** POST /booking/sessions/:id/attendance: who came (by enrolment, with how many people) and walk-ins. */
export interface MarkAttendanceRequest {
  data: { present: Array<{ enrolment: string; people?: number }>; walkIns?: number };
}

/** GET /booking/sessions?date=YYYY-MM-DD: the sessions starting that day in the centre's zone, for staff. */
export namespace ListDaySessions {
  export interface Query {
    /** A day in the centre's zone; today (the centre's) when left out. */
    date?: string;
  }
  export interface DaySession extends ZonedInterval {
    id: string;
    status: SessionStatus;
    note: string | null;
    activity: Pick<StaffActivityRef, 'kind' | 'id' | 'slug' | 'title'>;
    room: StaffRoomRef | null;
    capacity: number | null;
    /** The confirmed enrolments (not the waiting list) and the people they bring. */
    enrolled: { enrolments: number; people: number };
    attendance: AttendanceSummary;
  }
  export interface Response {
    data: {
      date: string;
      /** The centre's today, so the panel does not trust the device's clock or zone. */
      today: string;
      timezone: string;
      sessions: DaySession[];
    };
  }
}
