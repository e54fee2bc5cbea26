import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';
import type { ConsentRecord } from '../core/privacy/notice';
import { contactOf, type StoredContact } from './contact-fields';
import type { ReservationRow } from './reservation-repository';
import { isPostgres } from './dialect';
import { dateColumn, numberColumn, tableOf, withAmbient } from './table-of';

/** A reservation's date as the board shows it: every field but the room's name, which the board takes from its rooms. */
export type HeldReservation = Omit<ReservationRow, 'room'>;

const FIELDS = [
  'documentId', 'reference', 'startsAt', 'endsAt', 'status', 'purpose', 'organization', 'contactName', 'phone', 'email', 'notifyBy',
  'attendees', 'rejectionReason', 'overrideReason', 'language', 'seriesIndex', 'source', 'userId', 'createdAt',
] as const;

/**
 * Pending and confirmed dates overlapping [from, to), straight from the table with their room's id:
 * what the Document Service gives for them, without its cost per row (a week of 200 busy rooms is
 * thousands of rows, and hydrating them kept the CMS from every other request for half a second).
 * Ordered by start, then by row, as the Document Service's sort leaves ties in insertion order.
 */
export const readHoldingInPeriod = async (strapi: Core.Strapi, statuses: readonly string[], from: Date, to: Date): Promise<HeldReservation[]> => {
  const r = tableOf(strapi, UID.reservation);
  const room = tableOf(strapi, UID.room);
  const links = r.links('room');
  const select = Object.fromEntries([['id', r.col('id')], ...FIELDS.map((f) => [f, r.col(f)]), ['roomId', room.col('documentId')]]);
  const rows = await withAmbient(strapi, (db) => {
    const query = db(r.name)
      // A room's draft and published versions are both linked: the published one is the board's.
      .join(links.name, links.own, r.col('id'))
      .join(room.name, (on) => on.on(room.col('id'), '=', links.target).andOnNotNull(room.col('publishedAt')))
      .whereIn(r.col('status'), statuses as string[])
      .andWhere(r.col('startsAt'), '<', to)
      .andWhere(r.col('endsAt'), '>', from);
    // The same overlap, as the range index (RESERVATION_PERIOD_INDEX) can answer it.
    if (isPostgres(strapi)) query.andWhereRaw('tsrange(??, ??) && tsrange(?, ?)', [r.col('startsAt'), r.col('endsAt'), from, to]);
    return query
      .orderBy([{ column: r.col('startsAt'), order: 'asc' }, { column: r.col('id'), order: 'asc' }])
      .select(select) as PromiseLike<Array<Record<string, unknown>>>;
  });
  // One row per reservation, should a room have two published rows (one per locale).
  const byRow = new Map<unknown, HeldReservation>();
  for (const row of rows) {
    if (byRow.has(row.id)) continue;
    byRow.set(row.id, {
      documentId: row.documentId as string,
      reference: row.reference as string,
      roomId: (row.roomId as string | null) ?? '',
      start: dateColumn(row.startsAt),
      end: dateColumn(row.endsAt),
      status: row.status as ReservationRow['status'],
      purpose: row.purpose as string,
      organization: (row.organization as string | null) ?? null,
      contactName: row.contactName as string,
      ...contactOf(row as StoredContact),
      attendees: numberColumn(row.attendees) as number,
      rejectionReason: (row.rejectionReason as string | null) ?? null,
      seriesIndex: numberColumn(row.seriesIndex) ?? 0,
      source: (row.source as ReservationRow['source'] | null) ?? 'public',
      userId: numberColumn(row.userId),
      overrideReason: (row.overrideReason as string | null) ?? null,
      createdAt: row.createdAt === null || row.createdAt === undefined ? null : dateColumn(row.createdAt),
    });
  }
  return [...byRow.values()];
};

/** A new date of a request, every field already checked by the request's schema and the rules. */
export type NewReservation = Pick<
  ReservationRow,
  'reference' | 'start' | 'end' | 'status' | 'purpose' | 'organization' | 'contactName' | 'phone' | 'email' | 'notifyBy' | 'attendees' | 'language' | 'seriesIndex' | 'source' | 'userId' | 'overrideReason'
> & { manageTokenHash: string } & ConsentRecord;

/**
 * Writes one date of a request in the transaction `trx`, laid out as the Document Service lays it
 * out: a new document id, published when created (reservations have no drafts), and linked to the
 * room's draft and published rows in the room's locale. Two statements instead of the Document Service's
 * seven and its validation of every attribute, which made a booking slower than Strapi's own create
 * of a plain entry: the request's schema has checked every field already, and reservations change
 * only through the plugin (the content manager neither shows them nor lets them be edited), so
 * no Document Service middleware or webhook has anything to do with them.
 */
export const insertReservation = async (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  data: NewReservation,
  room: { documentId: string; locale: string | null }
): Promise<{ documentId: string; createdAt: Date }> => {
  const r = tableOf(strapi, UID.reservation);
  const rooms = tableOf(strapi, UID.room);
  const links = r.links('room');
  const documentId = createId();
  const now = new Date();
  const { start, end, ...fields } = data;
  const values: Record<string, unknown> = { documentId, startsAt: start, endsAt: end, ...fields, createdAt: now, updatedAt: now, publishedAt: now };
  const row = Object.fromEntries(Object.entries(values).map(([attribute, value]) => [r.column(attribute), value]));
  const [inserted] = (await trx(r.name).insert(row).returning('id')) as Array<{ id: number } | number>;
  const id = typeof inserted === 'number' ? inserted : inserted.id;
  const [own, target] = [links.own, links.target].map((qualified) => qualified.slice(links.name.length + 1));
  const sameLocale = room.locale === null ? trx.raw('?? IS NULL', [rooms.col('locale')]) : trx.raw('?? = ?', [rooms.col('locale'), room.locale]);
  // Draft first, as the Document Service links them.
  await trx.raw('INSERT INTO ?? (??, ??) SELECT ?, ?? FROM ?? WHERE ?? = ? AND ? ORDER BY ?? IS NOT NULL, ??', [
    links.name, own, target,
    id, rooms.col('id'), rooms.name, rooms.col('documentId'), room.documentId, sameLocale, rooms.col('publishedAt'), rooms.col('id'),
  ]);
  return { documentId, createdAt: now };
};
