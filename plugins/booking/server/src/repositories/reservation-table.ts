import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
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
