import type { Core } from '@strapi/strapi';
import { TABLES, UID } from '../constants';
import type { ReportAttendance, ReportEnrolment, ReportReservation, ReportSession } from '../core/reports/figures';
import type { Contact } from '../utils/person-key';

/**
 * The rows a service report reads, straight from the tables through knex: a year holds tens of
 * thousands of sign-in lines, which the Document Service would read a hundred times slower. Each
 * read is one query (or one per chunk of ids), however long the period.
 */
type JoinTable = { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
type Meta = { tableName: string; attributes: Record<string, { columnName?: string; joinTable?: JoinTable }> };
const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string | number));
const CHUNK = 2000;

/** A contact as stored, for its person key (utils/person-key.ts). */
export type KeyedContact = Contact & { personKey: string | null };

export const reportRepository = (strapi: Core.Strapi) => {
  const table = (uid: string) => {
    const meta = strapi.db.metadata.get(uid as never) as unknown as Meta;
    const snake = (a: string) => a.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return { name: meta.tableName, col: (attribute: string) => `${meta.tableName}.${meta.attributes[attribute]?.columnName ?? snake(attribute)}` };
  };
  const joinTableOf = (uid: string, attribute: string): JoinTable => {
    const joinTable = (strapi.db.metadata.get(uid as never) as unknown as Meta).attributes[attribute]?.joinTable;
    if (!joinTable) throw new Error(`booking plugin: ${uid}.${attribute} has no link table`);
    return joinTable;
  };
  const db = () => strapi.db.connection;
  const sessions = () => table(UID.session);

  return {
    /** Sessions beginning in [start, end). */
    async sessions(start: Date, end: Date): Promise<ReportSession[]> {
      const s = sessions();
      const rows = await db()(s.name)
        .where(s.col('startsAt'), '>=', start)
        .andWhere(s.col('startsAt'), '<', end)
        .select({ id: s.col('documentId'), kind: s.col('activityKind'), activityId: s.col('activityId'), roomId: s.col('roomId'), start: s.col('startsAt'), end: s.col('endsAt'), status: s.col('status') })
        .orderBy(s.col('startsAt'));
      return rows.map((r: Record<string, unknown>) => ({ ...(r as unknown as ReportSession), roomId: (r.roomId as string | null) || null, start: toDate(r.start), end: toDate(r.end) }));
    },

    /** Sign-in lines of the sessions beginning in [start, end). */
    async attendance(start: Date, end: Date): Promise<ReportAttendance[]> {
      const a = table(UID.attendance);
      const s = sessions();
      const rows = await db()(a.name)
        .join(s.name, a.col('sessionId'), s.col('documentId'))
        .where(s.col('startsAt'), '>=', start)
        .andWhere(s.col('startsAt'), '<', end)
        .select({ sessionId: a.col('sessionId'), enrolmentId: a.col('enrolmentId'), people: a.col('people') });
      return rows.map((r: Record<string, unknown>) => ({ sessionId: r.sessionId as string, enrolmentId: (r.enrolmentId as string | null) ?? null, people: Number(r.people ?? 0) }));
    },

    /** "I can't come" said for sessions beginning in [start, end), as `${enrolmentId}:${sessionId}`. */
    async absences(start: Date, end: Date): Promise<Set<string>> {
      const s = sessions();
      const rows = await db()(TABLES.absences)
        .join(s.name, `${TABLES.absences}.session_id`, s.col('documentId'))
        .where(s.col('startsAt'), '>=', start)
        .andWhere(s.col('startsAt'), '<', end)
        .select({ enrolmentId: `${TABLES.absences}.enrolment_id`, sessionId: `${TABLES.absences}.session_id` });
      return new Set(rows.map((r: { enrolmentId: string; sessionId: string }) => `${r.enrolmentId}:${r.sessionId}`));
    },

    /** Enrolments (with their contacts, for person keys) of these activities, any status but the waiting list. */
    async enrolments(activityIds: string[]): Promise<Array<Omit<ReportEnrolment, 'personKey'> & KeyedContact>> {
      const e = table(UID.enrolment);
      const out: Array<Omit<ReportEnrolment, 'personKey'> & KeyedContact> = [];
      for (let i = 0; i < activityIds.length; i += CHUNK) {
        const rows = await db()(e.name)
          .whereIn(e.col('activityId'), activityIds.slice(i, i + CHUNK))
          .whereNot(e.col('status'), 'waitlisted')
          .select({
            id: e.col('documentId'),
            kind: e.col('activityKind'),
            activityId: e.col('activityId'),
            sessionId: e.col('sessionId'),
            people: e.col('people'),
            status: e.col('status'),
            cancelReason: e.col('cancelReason'),
            createdAt: e.col('createdAt'),
            updatedAt: e.col('updatedAt'),
            phone: e.col('phone'),
            email: e.col('email'),
            personKey: e.col('personKey'),
          });
        for (const r of rows) {
          out.push({
            id: r.id,
            kind: r.kind,
            activityId: r.activityId,
            sessionId: r.sessionId || null,
            people: Number(r.people ?? 1),
            status: r.status,
            withdrawn: r.cancelReason === 'activity_withdrawn',
            createdAt: toDate(r.createdAt),
            updatedAt: toDate(r.updatedAt),
            phone: r.phone,
            email: r.email,
            personKey: r.personKey ?? null,
          });
        }
      }
      return out;
    },

    /** Reservations (one row per date) overlapping [start, end), with their room's document id (through the relation's link table). */
    async reservations(start: Date, end: Date): Promise<Array<Omit<ReportReservation, 'personKey'> & KeyedContact>> {
      const r = table(UID.reservation);
      const room = table(UID.room);
      const link = joinTableOf(UID.reservation, 'room');
      // A booking links to its room's draft and published rows: one row of either gives the document id.
      const roomRow = db()(link.name)
        .select({ reservation_row: link.joinColumn.name })
        .min({ room_row: link.inverseJoinColumn.name })
        .groupBy(link.joinColumn.name)
        .as('room_row_of');
      const rows = await db()(r.name)
        .leftJoin(roomRow, 'room_row_of.reservation_row', `${r.name}.id`)
        .leftJoin(room.name, `${room.name}.id`, 'room_row_of.room_row')
        .where(r.col('startsAt'), '<', end)
        .andWhere(r.col('endsAt'), '>', start)
        .select({
          roomId: room.col('documentId'),
          start: r.col('startsAt'),
          end: r.col('endsAt'),
          status: r.col('status'),
          attendees: r.col('attendees'),
          updatedAt: r.col('updatedAt'),
          phone: r.col('phone'),
          email: r.col('email'),
          personKey: r.col('personKey'),
        });
      return rows.map((x: Record<string, any>) => ({
        roomId: x.roomId ?? null,
        start: toDate(x.start),
        end: toDate(x.end),
        status: x.status,
        attendees: Number(x.attendees ?? 0),
        updatedAt: toDate(x.updatedAt),
        phone: x.phone,
        email: x.email,
        personKey: x.personKey ?? null,
      }));
    },

    /**
     * Everyone ever served before `end`, each contact with the first time: the earliest session
     * they were marked present at, the earliest confirmed booking of theirs. Grouped by the database.
     */
    async firstServed(end: Date): Promise<Array<KeyedContact & { first: Date }>> {
      const a = table(UID.attendance);
      const e = table(UID.enrolment);
      const s = sessions();
      const r = table(UID.reservation);
      const came = await db()(a.name)
        .join(e.name, a.col('enrolmentId'), e.col('documentId'))
        .join(s.name, a.col('sessionId'), s.col('documentId'))
        .where(s.col('startsAt'), '<', end)
        .groupBy(e.col('phone'), e.col('email'), e.col('personKey'))
        .select({ phone: e.col('phone'), email: e.col('email'), personKey: e.col('personKey') })
        .min({ first: s.col('startsAt') });
      const booked = await db()(r.name)
        .where(r.col('status'), 'confirmed')
        .andWhere(r.col('startsAt'), '<', end)
        .groupBy(r.col('phone'), r.col('email'), r.col('personKey'))
        .select({ phone: r.col('phone'), email: r.col('email'), personKey: r.col('personKey') })
        .min({ first: r.col('startsAt') });
      return [...came, ...booked].map((x: Record<string, unknown>) => ({ phone: x.phone as string | null, email: x.email as string | null, personKey: (x.personKey as string | null) ?? null, first: toDate(x.first) }));
    },
  };
};
