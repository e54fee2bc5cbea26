import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';
import type { ConsentRecord } from '../core/privacy/notice';
import { contactOf, type StoredContact } from './contact-fields';
import type { ReservationRow } from './reservation-repository';
import { isPostgres } from './dialect';
import { dateColumn, numberColumn, tableOf, withAmbient } from './table-of';

/**
 * A reservation's date as the board shows it (views/board-items.ts), and no more: a week of every
 * room is thousands of rows, and each column read is a value parsed and kept for each of them.
 */
export type HeldReservation = Pick<
  ReservationRow,
  'documentId' | 'reference' | 'roomId' | 'start' | 'end' | 'status' | 'purpose' | 'organization' | 'contactName' | 'phone' | 'email' | 'notifyBy' | 'attendees' | 'overrideReason' | 'source'
>;

const FIELDS = ['documentId', 'reference', 'startsAt', 'endsAt', 'status', 'purpose', 'organization', 'contactName', 'phone', 'email', 'notifyBy', 'attendees', 'overrideReason', 'source'] as const;

/** A pending or confirmed date's row, and its room's document id. */
export interface HeldRef {
  id: number;
  roomId: string;
}

const overlapping = (query: Knex.QueryBuilder, strapi: Core.Strapi, statuses: readonly string[], from: Date, to: Date, { byRange }: { byRange: boolean }): Knex.QueryBuilder => {
  const r = tableOf(strapi, UID.reservation);
  query.whereIn(r.col('status'), statuses as string[]).andWhere(r.col('startsAt'), '<', to).andWhere(r.col('endsAt'), '>', from);
  // The same overlap, as the range index (RESERVATION_PERIOD_INDEX) can answer it; not for rows
  // found by id, where it could tempt the planner to scan the whole period for each slice.
  if (byRange && isPostgres(strapi)) query.andWhereRaw('tsrange(??, ??) && tsrange(?, ?)', [r.col('startsAt'), r.col('endsAt'), from, to]);
  return query;
};

/**
 * Which pending and confirmed dates overlap [from, to), and in which room: only ids, so that a
 * week of 200 busy rooms (thousands of dates) is read at once without keeping thousands of full
 * rows alive while the board works through the rooms (`readHeldRows` reads a slice's).
 * Ordered by start, then by row, as the Document Service's sort leaves ties in insertion order.
 */
export const readHoldingRefsInPeriod = async (strapi: Core.Strapi, statuses: readonly string[], from: Date, to: Date): Promise<HeldRef[]> => {
  const r = tableOf(strapi, UID.reservation);
  const room = tableOf(strapi, UID.room);
  const links = r.links('room');
  const rows = await withAmbient(strapi, (db) => {
    const query = db(r.name)
      // A room's draft and published versions are both linked: the published one is the board's.
      .join(links.name, links.own, r.col('id'))
      .join(room.name, (on) => on.on(room.col('id'), '=', links.target).andOnNotNull(room.col('publishedAt')));
    return overlapping(query, strapi, statuses, from, to, { byRange: true })
      .orderBy([{ column: r.col('startsAt'), order: 'asc' }, { column: r.col('id'), order: 'asc' }])
      .select({ id: r.col('id'), roomId: room.col('documentId') }) as PromiseLike<Array<{ id: number | string; roomId: string | null }>>;
  });
  // One per reservation, should a room have two published rows (one per locale).
  const seen = new Set<number>();
  const refs: HeldRef[] = [];
  for (const row of rows) {
    const id = Number(row.id);
    if (seen.has(id)) continue;
    seen.add(id);
    refs.push({ id, roomId: row.roomId ?? '' });
  }
  return refs;
};

/**
 * The rows of these dates (from `readHoldingRefsInPeriod`), in the order given, straight from the
 * table: what the Document Service gives for them, without its cost per row. A date cancelled or
 * moved out of [from, to) since its id was read is left out; one moved to another room meanwhile
 * shows in the room it was read in. A slice of twenty rooms for at most a fortnight is a few
 * thousand ids: well within what one statement may bind (SQLite 32,766, PostgreSQL 65,535).
 */
export const readHeldRows = async (strapi: Core.Strapi, statuses: readonly string[], refs: readonly HeldRef[], from: Date, to: Date): Promise<HeldReservation[]> => {
  if (refs.length === 0) return [];
  const r = tableOf(strapi, UID.reservation);
  const select = Object.fromEntries([['id', r.col('id')], ...FIELDS.map((f) => [f, r.col(f)])]);
  const rows = await withAmbient(
    strapi,
    (db) =>
      overlapping(db(r.name).whereIn(r.col('id'), refs.map((ref) => ref.id)), strapi, statuses, from, to, { byRange: false }).select(select) as PromiseLike<Array<Record<string, unknown>>>
  );
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  return refs.flatMap((ref) => {
    const row = byId.get(ref.id);
    if (!row) return [];
    const contact = contactOf(row as StoredContact);
    return [
      {
        documentId: row.documentId as string,
        reference: row.reference as string,
        roomId: ref.roomId,
        start: dateColumn(row.startsAt),
        end: dateColumn(row.endsAt),
        status: row.status as ReservationRow['status'],
        purpose: row.purpose as string,
        organization: (row.organization as string | null) ?? null,
        contactName: row.contactName as string,
        phone: contact.phone,
        email: contact.email,
        notifyBy: contact.notifyBy,
        attendees: numberColumn(row.attendees) as number,
        source: (row.source as ReservationRow['source'] | null) ?? 'public',
        overrideReason: (row.overrideReason as string | null) ?? null,
      },
    ];
  });
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
