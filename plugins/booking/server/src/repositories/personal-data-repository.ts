import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES, UID } from '../constants';
import type { Contact } from '../utils/person-key';
import { inChunks } from './documents';

/** What a name reads as once it is erased: the row stays, so counts and the session's roster stay whole. */
export const ERASED_NAME = '（已匿名）';

/**
 * Every personal field the plugin stores, per table (the content types' attributes), and what it
 * becomes when anonymised. The one list retention and erasure both follow: a new personal field
 * (a guardian's phone, a child's name) is added here and nowhere else.
 */
const PERSONAL_FIELDS = {
  [UID.reservation]: { contactName: ERASED_NAME, phone: null, email: null, organization: null, purpose: ERASED_NAME, rejectionReason: null, userId: null, manageTokenHash: null, foundTokenHash: null },
  // A child's enrolment: the guardian is `name`/`phone`; the child's given name and grade and the
  // people allowed to collect the child go too (the guardian's consent stays: it is what was agreed).
  [UID.enrolment]: { name: ERASED_NAME, phone: null, email: null, note: null, manageTokenHash: null, foundTokenHash: null, childName: null, childGrade: null, collectors: null },
} as const;

type PersonalUid = keyof typeof PERSONAL_FIELDS;

/** A stored row holding a person's contact, read straight from its table. */
export interface ContactRow extends Contact {
  id: number;
  documentId: string;
  name: string;
  personKey: string | null;
}

export interface StoredReservation extends ContactRow {
  reference: string;
  start: Date;
  end: Date;
  status: string;
  purpose: string;
  organization: string | null;
  attendees: number;
  createdAt: Date | null;
}

export interface StoredEnrolment extends ContactRow {
  activityKind: string;
  activityId: string;
  sessionId: string | null;
  status: string;
  people: number;
  note: string | null;
  /** A children's activity: the child's given name and school grade, and who may collect the child. */
  childName: string | null;
  childGrade: string | null;
  collectors: Array<{ name: string; phone: string }> | null;
  createdAt: Date | null;
}

const date = (v: unknown): Date | null => (v == null ? null : new Date(v as string | number | Date));

/** Long `IN` lists are split so no database meets its limit on bound parameters. */
const CHUNK = 500;

/**
 * The personal fields of reservations, enrolments and the messages about them, read and blanked
 * with knex: retention and erasure touch many rows at once and must reach rows whatever their
 * status, which the booking services' own reads never need.
 */
export const personalDataRepository = (strapi: Core.Strapi) => {
  const meta = (uid: string) => strapi.db.metadata.get(uid) as { tableName: string; attributes: Record<string, { columnName?: string }> };
  const col = (uid: string, attribute: string) => meta(uid).attributes[attribute]?.columnName ?? attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const db = (trx?: Knex.Transaction) => trx ?? strapi.db.connection;

  const readReservation = (r: Record<string, any>): StoredReservation => {
    const c = (a: string) => r[col(UID.reservation, a)];
    return {
      id: Number(r.id),
      documentId: c('documentId'),
      reference: c('reference'),
      name: c('contactName'),
      phone: c('phone') ?? null,
      email: c('email') ?? null,
      personKey: c('personKey') ?? null,
      start: date(c('startsAt'))!,
      end: date(c('endsAt'))!,
      status: c('status'),
      purpose: c('purpose'),
      organization: c('organization') ?? null,
      attendees: Number(c('attendees')),
      createdAt: date(c('createdAt')),
    };
  };
  const readEnrolment = (r: Record<string, any>): StoredEnrolment => {
    const c = (a: string) => r[col(UID.enrolment, a)];
    return {
      id: Number(r.id),
      documentId: c('documentId'),
      name: c('name'),
      phone: c('phone') ?? null,
      email: c('email') ?? null,
      personKey: c('personKey') ?? null,
      activityKind: c('activityKind'),
      activityId: c('activityId'),
      sessionId: c('sessionId') ?? null,
      status: c('status'),
      people: Number(c('people')),
      note: c('note') ?? null,
      childName: c('childName') ?? null,
      childGrade: c('childGrade') ?? null,
      // JSON is text on SQLite and parsed on PostgreSQL (where Strapi turns pg's JSON parsing off: text too).
      collectors: typeof c('collectors') === 'string' ? JSON.parse(c('collectors')) : (c('collectors') ?? null),
      createdAt: date(c('createdAt')),
    };
  };

  /** Rows not yet anonymised (their name is not the erased one). */
  const liveRows = (uid: PersonalUid, nameAttribute: string, trx?: Knex.Transaction) => db(trx)(meta(uid).tableName).whereNot(col(uid, nameAttribute), ERASED_NAME);

  return {
    /** Every reservation row still naming someone. */
    async liveReservations(trx?: Knex.Transaction): Promise<StoredReservation[]> {
      return (await liveRows(UID.reservation, 'contactName', trx).orderBy('id')).map(readReservation);
    },

    /** Every enrolment still naming someone. */
    async liveEnrolments(trx?: Knex.Transaction): Promise<StoredEnrolment[]> {
      return (await liveRows(UID.enrolment, 'name', trx).orderBy('id')).map(readEnrolment);
    },

    /** When each activity's last session ends (`kind:id`), and each session's end, for an enrolment's last date. */
    async sessionEnds(trx?: Knex.Transaction): Promise<{ lastOfActivity: Map<string, Date>; ofSession: Map<string, Date> }> {
      const uid = UID.session;
      const [kind, activity, docId, ends] = ['activityKind', 'activityId', 'documentId', 'endsAt'].map((a) => col(uid, a));
      const rows = (await db(trx)(meta(uid).tableName).select(kind, activity, docId, ends)) as Array<Record<string, unknown>>;
      const lastOfActivity = new Map<string, Date>();
      const ofSession = new Map<string, Date>();
      for (const r of rows) {
        const end = date(r[ends])!;
        ofSession.set(String(r[docId]), end);
        const key = `${r[kind]}:${r[activity]}`;
        if (!lastOfActivity.has(key) || lastOfActivity.get(key)! < end) lastOfActivity.set(key, end);
      }
      return { lastOfActivity, ofSession };
    },

    /** Attendance lines of these enrolments: which session, how many people. */
    async attendanceOf(enrolmentIds: string[], trx?: Knex.Transaction): Promise<Array<{ sessionId: string; enrolmentId: string; people: number }>> {
      const uid = UID.attendance;
      const [session, enrolment, people] = ['sessionId', 'enrolmentId', 'people'].map((a) => col(uid, a));
      const rows = await inChunks(enrolmentIds, CHUNK, (ids) => db(trx)(meta(uid).tableName).whereIn(enrolment, ids).orderBy('id') as unknown as Promise<Array<Record<string, unknown>>>);
      return rows.map((r) => ({ sessionId: String(r[session]), enrolmentId: String(r[enrolment]), people: Number(r[people]) }));
    },

    /** Messages about these reservations (by reference) and enrolments (by id), content sealed as stored. */
    async messagesAbout(about: { references: string[]; enrolmentIds: string[] }, trx?: Knex.Transaction): Promise<Array<Record<string, any>>> {
      const read = (kind: string, ids: string[]) => inChunks(ids, CHUNK, (chunk) => db(trx)(TABLES.messages).where('about_kind', kind).whereIn('about_id', chunk).orderBy('id') as unknown as Promise<Array<Record<string, any>>>);
      return [...(await read('reservation', about.references)), ...(await read('enrolment', about.enrolmentIds))];
    },

    /**
     * Blanks the personal fields of these rows, writing first each row's person key (given by
     * `keyOf`), so reports still count the same people. Inside the caller's transaction.
     */
    async anonymise(uid: PersonalUid, rows: ContactRow[], keyOf: (row: ContactRow) => string | null, trx: Knex.Transaction): Promise<void> {
      const blank = Object.fromEntries(Object.entries(PERSONAL_FIELDS[uid]).map(([attribute, value]) => [col(uid, attribute), value]));
      for (const row of rows) {
        await trx(meta(uid).tableName).where('id', row.id).update({ [col(uid, 'personKey')]: keyOf(row), ...blank });
      }
    },

    /**
     * What messages about these rows said and to whom: the log keeps that a message went, how and
     * when, but not the address, the name, the text or the provider's answer (which may quote the number).
     */
    async anonymiseMessages(about: { references: string[]; enrolmentIds: string[] }, trx: Knex.Transaction): Promise<void> {
      const blank = { recipient: null, name: ERASED_NAME, summary: ERASED_NAME, content: 'erased', last_answer: null };
      for (const [kind, ids] of [['reservation', about.references], ['enrolment', about.enrolmentIds]] as const) {
        for (let i = 0; i < ids.length; i += CHUNK) await trx(TABLES.messages).where('about_kind', kind).whereIn('about_id', ids.slice(i, i + CHUNK)).update(blank);
      }
    },

    /** "I can't come" codes of these rows: they would still open a (now nameless) booking. */
    async dropCantComeCodes(about: { reservationIds: string[]; enrolmentIds: string[] }, trx: Knex.Transaction): Promise<void> {
      for (const [column, ids] of [['reservation_id', about.reservationIds], ['enrolment_id', about.enrolmentIds]] as const) {
        for (let i = 0; i < ids.length; i += CHUNK) await trx(TABLES.cantComeCodes).whereIn(column, ids.slice(i, i + CHUNK)).delete();
      }
    },
  };
};
