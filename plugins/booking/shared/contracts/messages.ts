/** The staff API's delivery log and call list, as the server answers them and the admin panel reads them. */

export type MessageChannel = 'email' | 'sms' | 'call';
/** For calls: queued = to ring, sent = reached, failed = could not be reached. */
export type MessageState = 'queued' | 'sending' | 'sent' | 'retrying' | 'failed';
export type AboutKind = 'reservation' | 'enrolment';

/** One message in the delivery log. Times are ISO 8601 with the centre's offset. */
export interface StaffMessage {
  id: number;
  kind: string;
  channel: MessageChannel;
  /** The address or number, masked (l***@example.org, ****1234). */
  recipient: string;
  name: string;
  about: { kind: AboutKind; id: string };
  /** One line: what the message is about. */
  summary: string;
  state: MessageState;
  attempts: number;
  /** The provider's last answer or error; for a call, the note of whoever rang. */
  lastAnswer: string | null;
  /** Who ticked a call or sent a failed message again. */
  handledBy: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

/**
 * GET /booking/messages?about=reservation:<reference>|enrolment:<documentId> (one booking's messages, oldest first),
 * or ?state=failed,retrying&from=YYYY-MM-DD&to=YYYY-MM-DD (failures first, newest first, at most `limit`).
 */
export namespace ListMessages {
  export interface Response {
    data: StaffMessage[];
    /** True when more matched than were answered. */
    meta: { capped: boolean; limit: number };
  }
}

/** POST /booking/messages/:id/retry: a failed mail or text message queued again. */
export namespace RetryMessage {
  export interface Response {
    data: StaffMessage;
  }
}

/** One call to make (or made): the number in full, since staff ring it. */
export interface CallEntry {
  id: number;
  kind: string;
  about: { kind: AboutKind; id: string };
  summary: string;
  /** queued: to ring; sent: reached; failed: could not be reached. */
  state: 'queued' | 'sent' | 'failed';
  handledBy: string | null;
  note: string | null;
  createdAt: string;
  /** When it was ticked; null while still to ring. */
  tickedAt: string | null;
}

/** One person to ring, with everything to tell them, so one call covers it all. */
export interface CallPerson {
  name: string;
  phone: string | null;
  calls: CallEntry[];
}

/** GET /booking/calls?date=YYYY-MM-DD (default today on the centre's clock). */
export namespace ListCalls {
  export interface Response {
    data: { date: string; people: CallPerson[] };
  }
}

/** POST /booking/calls/:id with `{ data: { outcome, note? } }`. */
export namespace TickCall {
  export type Outcome = 'reached' | 'not_reached';
  export interface Request {
    data: { outcome: Outcome; note?: string };
  }
  export interface Response {
    data: CallEntry;
  }
}
