import type { Core } from '@strapi/strapi';
import type { ClosureImpact, ClosableRoom, CreateClosure, ListClosures } from '../../../shared/contracts/closures';
import type { Interval } from '../core/time/intervals';
import { closureMessagePreviews } from '../messages/closure-messages';
import type { MessageLanguage } from '../messages/rendering';
import { reservationNotifications } from '../notifications/reservations';
import { closureRepository, type ClosureRow } from '../repositories/closure-repository';
import { lockClosuresExclusive, lockSessions } from '../repositories/locks';
import { HOLDING_STATUSES, reservationRepository, type ReservationRow } from '../repositories/reservation-repository';
import { roomRepository } from '../repositories/room-repository';
import type { SessionRow } from '../repositories/session-repository';
import { inTransaction } from '../repositories/transaction';
import type { ClosureInput } from '../schemas/closures';
import { notFound, validationError } from '../utils/errors';
import { defaultLocaleOf } from '../utils/locales';
import { bookingConfig } from '../utils/plugin-config';
import { closureImpactView, staffClosureView } from '../views/closure-view';
import { groupByReference } from '../views/reservation-view';
import type { AffectedSessionRow, Impact } from './closure-impact';
import { getService } from '../utils/get-service';
import { changeStatusOf } from './reservation-manage';
import { cancelSessionWithin, tellSessionCancelled } from './session-changes';

/** The closure's reason as a reader of `language` sees it: their language's words, else the other's. */
const reasonIn = (closure: Pick<ClosureRow, 'reason' | 'reasonEn'>) => (language: MessageLanguage) =>
  language === 'en' ? (closure.reasonEn ?? closure.reason) : closure.reason;

/**
 * Staff declare closures from the admin panel: see beforehand what a closure falls on, then save
 * it alone or, in the same transaction, cancel those reservations and sessions; everyone with an
 * e-mail is told after the commit, and the answer lists those to phone.
 */
const closures = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = closureRepository(strapi);
  const tz = () => bookingConfig(strapi).timezone;
  const impacts = () => getService(strapi, 'closureImpact');

  const roomVersions = async () => {
    const locale = await defaultLocaleOf(strapi);
    return [
      { locale, status: 'published' as const },
      { locale, status: 'draft' as const },
    ];
  };

  /** The rooms asked for (null: every room); a room that does not exist is a 400 naming `rooms`. */
  const roomsOf = async (input: ClosureInput): Promise<string[] | null> => {
    if (input.allRooms) return null;
    const ids = [...new Set(input.rooms ?? [])];
    const found = await roomRepository(strapi).findByIds(ids, await roomVersions());
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw validationError([{ path: 'rooms', message: `there is no room ${missing.join(', ')}`, code: 'unknown_room' }]);
    return ids;
  };

  const fieldsOf = (input: ClosureInput, roomIds: string[] | null): Omit<ClosureRow, 'id'> => ({
    // The content type requires the Chinese reason: with only English given, it stands in both.
    reason: input.reason || input.reasonEn || '',
    reasonEn: input.reasonEn || null,
    start: input.start,
    end: input.end,
    roomIds,
  });

  /** The mails this impact sends, rendered for one reservation and one session of it, in both languages. */
  const previewsOf = async (impact: Impact, closure: Pick<ClosureRow, 'reason' | 'reasonEn'>, now: Date) => {
    const first = impact.reservations[0];
    let reservation = null;
    if (first) {
      const cancelled = impact.reservations.filter((r) => r.reference === first.reference);
      const cancelledIds = new Set(cancelled.map((r) => r.documentId));
      const all = await reservationRepository(strapi).findByReference(first.reference);
      reservation = {
        reference: first.reference,
        roomName: first.room?.name ?? '',
        contactName: first.contactName,
        purpose: first.purpose,
        stillBooked: all.filter((r) => !cancelledIds.has(r.documentId) && HOLDING_STATUSES.includes(r.status) && r.end > now),
        cancelled,
      };
    }
    const withPeople = impact.sessions.find((s) => s.roster.length > 0);
    const session = withPeople
      ? { title: withPeople.activity?.title ?? '', name: withPeople.roster[0].name, slot: { start: withPeople.session.start, end: withPeople.session.end, roomName: withPeople.room?.name ?? null } }
      : null;
    const reason = reasonIn(closure);
    return closureMessagePreviews({ reservation, session, reason: { 'zh-CN': reason('zh-CN'), en: reason('en') }, centreName: bookingConfig(strapi).centreName, timezone: tz() });
  };

  const describe = async (impact: Impact, closure: Pick<ClosureRow, 'reason' | 'reasonEn'>, now: Date): Promise<ClosureImpact> => ({
    ...closureImpactView(impact, tz()),
    messages: await previewsOf(impact, closure, now),
  });

  const viewOf = async (rows: ClosureRow[]) => {
    const ids = [...new Set(rows.flatMap((c) => c.roomIds ?? []))];
    const rooms = await roomRepository(strapi).findByIds(ids, await roomVersions());
    const names = new Map([...rooms].map(([id, room]) => [id, room.name]));
    return rows.map((c) => staffClosureView(c, names, tz()));
  };

  return {
    /** Closures still to come or under way, or those over; with what the form needs. */
    async list(scope: 'upcoming' | 'past', now: Date): Promise<ListClosures.Response> {
      const rooms: ClosableRoom[] = (await roomRepository(strapi).findPublished(await defaultLocaleOf(strapi))).map((r) => ({ id: r.documentId, name: r.name, floor: r.floor, location: r.location }));
      return { data: await viewOf(await repository.list(scope, now)), meta: { timezone: tz(), rooms } };
    },

    /** What this closure would fall on, and the mails it would send; nothing is saved. */
    async preview(input: ClosureInput, now: Date): Promise<ClosureImpact> {
      const roomIds = await roomsOf(input);
      const period: Interval = { start: input.start, end: input.end };
      return describe(await impacts().impactOf(period, roomIds, now), fieldsOf(input, roomIds), now);
    },

    /** Saves the closure; with `cancelAffected`, cancels what it falls on in the same transaction and tells everyone after. */
    async declare(input: ClosureInput, now: Date): Promise<CreateClosure.Response['data']> {
      const roomIds = await roomsOf(input);
      const fields = fieldsOf(input, roomIds);
      const locale = await defaultLocaleOf(strapi);
      const reason = reasonIn(fields);

      const done = await inTransaction(strapi, async (trx) => {
        // Bookings check closures under this lock (shared): one being made now is either seen below or sees this closure.
        await lockClosuresExclusive(strapi, trx);
        const closure = await repository.create(fields, locale);
        if (!input.cancelAffected) return { closure, reservations: [], sessions: [] };
        // Read inside the transaction, so what is cancelled is what is there now.
        const impact = await impacts().impactOf(closure, roomIds, now);
        const affected = new Set(impact.reservations.map((r) => r.documentId));
        const reservations: Array<{ rows: ReservationRow[]; changed: ReservationRow[] }> = [];
        for (const group of groupByReference(impact.reservations)) {
          const pick = (rows: ReservationRow[]) => rows.filter((r) => affected.has(r.documentId) && HOLDING_STATUSES.includes(r.status));
          const change = await changeStatusOf(strapi, { reference: group[0].reference }, pick, 'cancelled');
          if (change.changed.length > 0) reservations.push(change);
        }
        const sessions: Array<AffectedSessionRow & { after: SessionRow }> = [];
        await lockSessions(strapi, trx, impact.sessions.map((s) => s.session.documentId));
        for (const affectedSession of impact.sessions) {
          const after = await cancelSessionWithin(strapi, trx, affectedSession.session.documentId, reason('zh-CN'));
          if (after) sessions.push({ ...affectedSession, after });
        }
        return { closure, reservations, sessions };
      });

      const [closure] = await viewOf([done.closure]);
      if (!input.cancelAffected) return { closure, cancelled: null };

      for (const change of done.reservations) {
        reservationNotifications(strapi).reservationChanged({ kind: 'cancelled', rows: change.rows, changed: change.changed, reason: reason(change.rows[0].language) }, {});
      }
      for (const s of done.sessions) await tellSessionCancelled(strapi, { before: s.session, after: s.after, activity: s.activity, reasonIn: reason }, now);

      const cancelled: Impact = {
        reservations: done.reservations.flatMap((c) => c.changed),
        sessions: done.sessions.map((s) => ({ ...s, session: s.after })),
      };
      return { closure, cancelled: await describe(cancelled, fields, now) };
    },

    /** Removes a closure: its time can be booked again; what it cancelled stays cancelled. */
    async remove(id: string) {
      if (!(await repository.findById(id))) throw notFound(`No closure ${id}`);
      await repository.remove(id);
    },
  };
};

export default closures;
export type ClosuresService = ReturnType<typeof closures>;
