import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { RequesterReservation, ReservationStatus } from '../../../shared/contracts/reservations';
import { REFERENCE_UNIQUE_INDEX, UID } from '../constants';
import { isPostgres } from './dialect';
import { contactOf, type StoredContact } from './contact-fields';
import { documentsOf } from './documents';
import { insertReservation, readHeldRows, readHoldingRefsInPeriod, type HeldRef, type NewReservation } from './reservation-table';
import { tableOf, withAmbient } from './table-of';

export const RESERVATION_UID = UID.reservation;

export type { ReservationStatus };
export const HOLDING_STATUSES: ReservationStatus[] = ['pending', 'confirmed'];

/** One date of a request; the fields the requester wrote are those of the API's contract. */
export interface ReservationRow
  extends Pick<RequesterReservation, 'reference' | 'room' | 'purpose' | 'organization' | 'contactName' | 'phone' | 'email' | 'notifyBy' | 'attendees' | 'rejectionReason'> {
  documentId: string;
  roomId: string;
  start: Date;
  end: Date;
  status: ReservationStatus;
  language: 'zh-CN' | 'en';
  seriesIndex: number;
  source: 'public' | 'staff';
  userId: number | null;
  /** Why staff let this request past notice, horizon or weekly quota; null when no rule was waived. */
  overrideReason: string | null;
  createdAt: Date | null;
}

interface ReservationDocument extends StoredContact {
  documentId: string;
  reference: string;
  room?: { documentId: string; slug: string; name: string } | null;
  startsAt: string;
  endsAt: string;
  status: ReservationStatus;
  purpose: string;
  organization?: string | null;
  contactName: string;
  attendees: number;
  rejectionReason?: string | null;
  seriesIndex?: number | null;
  source?: 'public' | 'staff' | null;
  userId?: number | null;
  overrideReason?: string | null;
  createdAt?: string | null;
}

const fromDocument = (d: ReservationDocument): ReservationRow => ({
  documentId: d.documentId,
  reference: d.reference,
  roomId: d.room?.documentId ?? '',
  room: d.room ? { slug: d.room.slug, name: d.room.name } : null,
  start: new Date(d.startsAt),
  end: new Date(d.endsAt),
  status: d.status,
  purpose: d.purpose,
  organization: d.organization ?? null,
  contactName: d.contactName,
  ...contactOf(d),
  attendees: d.attendees,
  rejectionReason: d.rejectionReason ?? null,
  seriesIndex: d.seriesIndex ?? 0,
  source: d.source ?? 'public',
  userId: d.userId ?? null,
  overrideReason: d.overrideReason ?? null,
  createdAt: d.createdAt ? new Date(d.createdAt) : null,
});

/** One request's rows: staff name it by reference, its requester's link by the token's hash (only that token's rows). */
export type RequestKey = { reference: string } | { tokenHash: string };

/**
 * The rows a manage link opens: the link given when the request was made, or the one "find my
 * booking" last sent (kept apart, so a stranger's lookup never breaks the link a resident holds).
 */
const ofTokenHash = (tokenHash: string) => ({ $or: [{ manageTokenHash: tokenHash }, { foundTokenHash: tokenHash }] });

/** The database refused a reference another request already has (see REFERENCE_UNIQUE_INDEX). */
export const isReferenceClash = (error: unknown): boolean => {
  const e = error as { code?: string; constraint?: string; message?: string } | null;
  const message = String(e?.message ?? '');
  return (e?.code === '23505' && (e.constraint === REFERENCE_UNIQUE_INDEX || message.includes(REFERENCE_UNIQUE_INDEX))) || message.includes('UNIQUE constraint failed: booking_reservations.reference');
};

/** What staff narrow the list of requests by: a status, and dates (a request matches when one of its dates does). */
export interface ListFilters {
  status?: ReservationStatus;
  from?: Date;
  to?: Date;
}

const populate = { room: { fields: ['documentId', 'slug', 'name'] } };

/** Reservations through the Document Service (inside strapi.db.transaction they join it). */
export const reservationRepository = (strapi: Core.Strapi) => {
  const docs = () => documentsOf<ReservationDocument>(strapi, RESERVATION_UID);
  const findMany = async (filters: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    (await docs().findMany({ filters, populate, sort: [{ startsAt: 'asc' }], ...extra })).map(fromDocument);

  return {
    /** One date of a request, written in the booking's transaction (see insertReservation). */
    async create(data: NewReservation, room: { documentId: string; slug: string; name: string; locale: string | null }, trx: Knex.Transaction): Promise<ReservationRow> {
      const { documentId, createdAt } = await insertReservation(strapi, trx, data, room);
      // The room is not read back: the caller has it.
      return { ...data, documentId, createdAt, roomId: room.documentId, room: { slug: room.slug, name: room.name }, rejectionReason: null };
    },

    findByReference: (reference: string) => findMany({ reference }),

    /** One date of a request. */
    findByDocumentId: async (documentId: string): Promise<ReservationRow | null> => (await findMany({ documentId }))[0] ?? null,

    findByTokenHash: (tokenHash: string) => findMany(ofTokenHash(tokenHash)),

    /** One indexed knex read (inside the booking's transaction when there is one): every booking asks it. */
    async referenceExists(reference: string): Promise<boolean> {
      const table = tableOf(strapi, RESERVATION_UID);
      return Boolean(await withAmbient(strapi, (db) => db(table.name).where(table.col('reference'), reference).first(table.col('id'))));
    },

    /** Every date still holding a room and not yet over: the candidates of "find my booking" (matched by contact in code). */
    findHoldingAfter: (now: Date) => findMany({ status: { $in: HOLDING_STATUSES }, endsAt: { $gt: now.toISOString() } }, { limit: 100_000 }),

    /** The link "find my booking" sent for a whole request: it replaces the one sent before, never the request's own. */
    async setFoundTokenHash(reference: string, foundTokenHash: string): Promise<void> {
      for (const row of await findMany({ reference })) await docs().update({ documentId: row.documentId, data: { foundTokenHash } });
    },


    /**
     * Holding reservations of one room in a period, whoever made them: the caller picks one person's by
     * comparing contacts normalised (a phone stored as typed cannot be matched by the database).
     */
    findHeldInRoom: (roomId: string, from: Date, to: Date) =>
      findMany({
        room: { documentId: roomId },
        status: { $in: HOLDING_STATUSES },
        startsAt: { $lt: to.toISOString() },
        endsAt: { $gt: from.toISOString() },
      }),

    findForAccount: (userId: number, verifiedEmail: string | null) =>
      findMany({ $or: [{ userId }, ...(verifiedEmail ? [{ email: { $eqi: verifiedEmail } }] : [])] }),

    /**
     * One page of requests (references) with a date that matches, ordered by their first matching
     * date, and how many there are: grouped and paged by the database, however many rows there are.
     */
    async pageOfReferences(filters: ListFilters, page: { start: number; limit: number }): Promise<{ references: string[]; total: number }> {
      const meta = strapi.db.metadata.get(RESERVATION_UID) as { tableName: string; attributes: Record<string, { columnName?: string }> };
      const column = (attribute: string, fallback: string) => meta.attributes[attribute]?.columnName ?? fallback;
      const [reference, status, startsAt, endsAt] = [column('reference', 'reference'), column('status', 'status'), column('startsAt', 'starts_at'), column('endsAt', 'ends_at')];
      const matching = () => {
        const query = strapi.db.connection(meta.tableName);
        if (filters.status) query.where(status, filters.status);
        if (filters.to) query.where(startsAt, '<', filters.to);
        if (filters.from) query.where(endsAt, '>', filters.from);
        return query;
      };
      const rows = (await matching()
        .select(reference)
        .min({ first: startsAt })
        .groupBy(reference)
        .orderBy([{ column: 'first' }, { column: reference }])
        .offset(page.start)
        .limit(page.limit)) as Array<Record<string, string>>;
      const [{ total }] = (await matching().countDistinct({ total: reference })) as Array<{ total: number | string }>;
      return { references: rows.map((r) => r[reference]), total: Number(total) };
    },

    /** Pending and confirmed dates overlapping a period (a closure's: days, so all of them are wanted). */
    holdingInPeriod: (from: Date, to: Date) =>
      findMany({ status: { $in: HOLDING_STATUSES }, startsAt: { $lt: to.toISOString() }, endsAt: { $gt: from.toISOString() } }),

    /** Which of the same dates there are, and in which room: the front desk's board over many rooms reads their rows by slices of rooms (`heldRows`). */
    heldRefsInPeriod: (from: Date, to: Date) => readHoldingRefsInPeriod(strapi, HOLDING_STATUSES, from, to),

    /** What the board shows of these dates (`HeldReservation`), in the order given, those no longer pending or confirmed in [from, to) left out. */
    heldRows: (refs: readonly HeldRef[], from: Date, to: Date) => readHeldRows(strapi, HOLDING_STATUSES, refs, from, to),

    /** The matching dates of these requests. */
    rowsOfReferences: (references: string[], filters: ListFilters) =>
      references.length === 0
        ? Promise.resolve([] as ReservationRow[])
        : findMany({
            reference: { $in: references },
            ...(filters.status ? { status: filters.status } : {}),
            ...(filters.to ? { startsAt: { $lt: filters.to.toISOString() } } : {}),
            ...(filters.from ? { endsAt: { $gt: filters.from.toISOString() } } : {}),
          }),

    /**
     * Inside a transaction, waits for any other transaction changing these rows (one request's, by its reference or by its manage
     * link's token hash) and keeps others waiting until this one ends, so a status change decides on the statuses as they are.
     * (On SQLite there is one writer at a time anyway.)
     */
    async lockRequest(request: RequestKey, trx: Knex.Transaction): Promise<void> {
      if (!isPostgres(strapi)) return;
      const table = tableOf(strapi, RESERVATION_UID);
      const rows = trx(table.name).select('id');
      if ('tokenHash' in request) rows.where(table.col('manageTokenHash'), request.tokenHash).orWhere(table.col('foundTokenHash'), request.tokenHash);
      else rows.where(table.col('reference'), request.reference);
      await rows.orderBy('id').forUpdate();
    },

    /** The rows of one request, by its reference (staff) or by its manage link's token hash (the requester). */
    findRequest: (request: RequestKey) => ('tokenHash' in request ? findMany(ofTokenHash(request.tokenHash)) : findMany({ reference: request.reference })),

    async setStatus(documentIds: string[], status: ReservationStatus, extra: { rejectionReason?: string } = {}) {
      for (const documentId of documentIds) {
        await docs().update({ documentId, data: { status, ...extra } });
      }
    },
  };
};
