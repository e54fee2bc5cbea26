/** The staff API's courses and events (the activities desk), as the server answers them and the admin panel reads them. */

import type { NotifyBy, ZonedInterval } from './reservations';

export type ActivityKind = 'course' | 'event';
export type EnrolmentMode = 'term' | 'session';
export type DeskEnrolmentStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** One course or event in the desk's list: GET /booking/activities?type=&q= lists these, upcoming first. */
export interface DeskActivity {
  kind: ActivityKind;
  id: string;
  slug: string;
  title: string;
  room: { slug: string; name: string } | null;
  location: string | null;
  capacity: number;
  enrolmentMode: EnrolmentMode;
  registrationEnabled: boolean;
  /** A children's activity: a guardian enrols one child, with consent, and names who may collect them. */
  forChildren: boolean;
  waitlistEnabled: boolean;
  /** The next session not yet over, null when none is left. */
  nextSession: ZonedInterval | null;
  upcomingSessions: number;
  /** Term enrolment only (null for drop-in activities, counted per session). */
  placesLeft: number | null;
  waiting: number | null;
}

/** One person enrolled or waiting, as staff see them. */
export interface DeskPerson {
  enrolment: string;
  status: DeskEnrolmentStatus;
  /** Place on the waiting list, 1 first; null when confirmed. */
  position: number | null;
  name: string;
  phone: string | null;
  email: string | null;
  /** How they asked to be told. */
  notifyBy: NotifyBy;
  people: number;
  note: string | null;
  language: 'zh-CN' | 'en';
  enrolledAt: string | null;
  /** A children's activity: `name` and `phone` are the guardian's; the child and who may collect them. Staff only. */
  child: DeskChild | null;
}

export interface DeskChild {
  givenName: string;
  /** SCHOOL_GRADES (shared/school-grade.ts). */
  grade: string;
  collectors: Array<{ name: string; phone: string }>;
}

export interface DeskSession extends ZonedInterval {
  id: string;
  status: 'scheduled' | 'cancelled';
  note: string | null;
  capacity: number | null;
  room: { id: string; slug: string; name: string } | null;
  roomOverride: boolean;
  /** When staff moved the session: the time its schedule gave it. */
  scheduled: ZonedInterval | null;
  /** People confirmed for this session (the term's, or the session's own for drop-in activities). */
  placesTaken: number;
  placesLeft: number;
  waiting: number;
}

/** Who is enrolled in one target: the whole term (`session` null) or one drop-in session. */
export interface DeskEnrolmentList {
  session: string | null;
  confirmed: DeskPerson[];
  /** In order: the first is promoted when a place frees up. */
  waitlist: DeskPerson[];
}

/** GET /booking/activities/:type/:documentId */
export interface DeskActivityDetail {
  activity: DeskActivity & { maxPeoplePerEnrolment: number; enrolmentOpensAt: string | null; enrolmentClosesAt: string | null };
  /** The centre's time zone (IANA), in which staff type new times. */
  timezone: string;
  /** Every published room, for moving a session. */
  rooms: Array<{ slug: string; name: string }>;
  /** From the start of today in the centre's zone onwards. */
  sessions: DeskSession[];
  lists: DeskEnrolmentList[];
}

export namespace ListDeskActivities {
  export interface Query {
    type?: ActivityKind;
    q?: string;
  }
  export interface Response {
    data: DeskActivity[];
  }
}

export namespace GetDeskActivity {
  export interface Response {
    data: DeskActivityDetail;
  }
}

/** POST /booking/enrolments */
export namespace CreateDeskEnrolment {
  export interface Request {
    data: {
      kind: ActivityKind;
      activity: string;
      /** Drop-in activities only. */
      session?: string | null;
      name: string;
      phone: string;
      email?: string | null;
      notifyBy?: NotifyBy | null;
      people?: number;
      note?: string | null;
      language?: 'zh-CN' | 'en';
      /** Staff confirm the person heard the privacy notice and agreed. */
      consentConfirmed: true;
      /** Children's activities. */
      guardianConsent?: boolean;
      childName?: string;
      childGrade?: string;
      collectors?: Array<{ name: string; phone: string }>;
    };
  }
  export interface Response {
    data: { id: string; status: DeskEnrolmentStatus; position: number | null; name: string; people: number; placesLeft: number };
  }
}

/** POST /booking/enrolments/:id/cancel */
export namespace CancelDeskEnrolment {
  export interface Response {
    data: { id: string; status: 'cancelled'; name: string; promotedCount: number; promoted: Array<{ id: string; name: string }> };
  }
}

/** POST /booking/sessions/:id/cancel and /move: the 409 of a move names what the new time clashes with. */
export interface SessionClash {
  conflicts: ZonedInterval[];
  with: Array<ZonedInterval & { kind: string }>;
}
