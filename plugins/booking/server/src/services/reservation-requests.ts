import type { Core } from '@strapi/strapi';
import { inTransaction } from '../repositories/transaction';
import { findConflicts } from '../core/reservations/conflicts';
import { hashToken, newManageToken, withNewReference } from '../core/reservations/reference';
import { expandWeeklySeries } from '../core/reservations/weekly-series';
import { checkOccurrence } from '../core/rules/check-occurrence';
import { checkSeriesLength } from '../core/rules/series-length';
import type { Violation, ViolationCode } from '../core/rules/violations';
import { checkWeeklyQuota } from '../core/rules/weekly-quota';
import { contactKeys, isSamePerson } from '../core/contact/same-person';
import { hoursOfRoom, rulesOfRoom } from '../core/rules/room-rules';
import { addMinutes, DAY_MS } from '../core/time/instants';
import type { WeeklyHours } from '../core/hours/opening-hours';
import type { Interval } from '../core/time/intervals';
import { zonedDateOf } from '../core/time/zoned';
import { zonedInterval } from '../core/time/zoned-interval';
import { reservationNotifications } from '../notifications/reservations';
import { channelFor } from '../notifications/send';
import { closureRepository } from '../repositories/closure-repository';
import { holdRepository, isOverlapRefusal } from '../repositories/hold-repository';
import { lockClosuresShared, lockRequester } from '../repositories/locks';
import { hashRequest, idempotencyRepository } from '../repositories/idempotency-repository';
import { isReferenceClash, reservationRepository, type ReservationRow } from '../repositories/reservation-repository';
import { roomRepository, type RoomRow } from '../repositories/room-repository';
import type { ReservationRequest } from '../schemas/reservations';
import { ConflictError, validationError } from '../utils/errors';
import { defaultLocaleOf } from '../utils/locales';
import { bookingConfig } from '../utils/plugin-config';
import { centreHours } from './centre-hours';
import { getService } from '../utils/get-service';

/**
 * The only rules staff may waive for a caller, and only with a written reason (stored on the
 * reservation): notice (a date already passed is notice below zero: staff record a use after the
 * fact), the booking horizon and the weekly quota.
 */
export const WAIVABLE_CODES: ReadonlySet<ViolationCode> = new Set<ViolationCode>(['in_the_past', 'under_minimum_notice', 'too_far_ahead', 'over_weekly_quota']);

/** Thrown inside the booking transaction when the drawn reference is already some request's: another is drawn. */
const REFERENCE_TAKEN = new Error('The reference drawn is taken');

export interface RequestContext {
  now: Date;
  userId: number | null;
  /**
   * Staff entering a request for a caller: the public's rules apply, but the room need not be open
   * to public booking and the request is confirmed straight away.
   */
  staff: boolean;
  /** Staff's written reason to waive minimum notice, booking horizon and weekly quota (WAIVABLE_CODES). */
  overrideReason?: string | null;
  idempotencyKey?: string;
  /** Tell the requester by mail (after commit); demo content imported at start-up tells nobody. */
  notify?: boolean;
}

export interface CreatedReservation {
  status: 201;
  body: { data: Record<string, unknown> };
}

const reservationRequests = ({ strapi }: { strapi: Core.Strapi }) => {
  const reservations = reservationRepository(strapi);
  const holds = holdRepository(strapi);
  const idempotency = idempotencyRepository(strapi);

  /** Every broken rule, each naming its field; a series names the date in the message. */
  const ruleViolations = async (room: RoomRow, hours: WeeklyHours, occurrences: Interval[], request: ReservationRequest, context: RequestContext) => {
    const tz = bookingConfig(strapi).timezone;
    const { rules } = rulesOfRoom(room);
    const first = occurrences[0];
    const last = occurrences[occurrences.length - 1];
    const closures = await closureRepository(strapi).findTouching([room.documentId], first.start, last.end);
    const perOccurrence = occurrences.flatMap((occurrence) =>
      checkOccurrence({
        occurrence,
        rules,
        hours,
        closures,
        now: context.now,
        tz,
        attendees: request.attendees,
        capacity: room.capacity,
      }).map((v) => (occurrences.length > 1 ? { ...v, message: `${zonedDateOf(occurrence.start, tz)}: ${v.message}` } : v))
    );
    let quota: Violation[] = [];
    if (rules.weeklyQuotaHours !== null) {
      const requester = { phone: request.phone ?? null, email: request.email ?? null };
      const held = (await reservations.findHeldInRoom(room.documentId, new Date(first.start.getTime() - 8 * DAY_MS), new Date(last.end.getTime() + 8 * DAY_MS))).filter((r) =>
        isSamePerson(requester, r)
      );
      quota = checkWeeklyQuota({ candidates: occurrences, alreadyHeld: held, quotaHours: rules.weeklyQuotaHours, tz });
    }
    const all = [...checkSeriesLength(occurrences.length), ...perOccurrence, ...quota];
    return context.staff && context.overrideReason ? all.filter((v) => !WAIVABLE_CODES.has(v.code)) : all;
  };

  const conflictError = (conflicting: Interval[], tz: string) =>
    new ConflictError('The room is already taken at that time', { conflicts: conflicting.map((i) => zonedInterval(i, tz)) });

  return {
    async create(request: ReservationRequest, context: RequestContext): Promise<CreatedReservation> {
      const hash = hashRequest(request);
      const answered = await idempotency.answered(context.idempotencyKey, hash);
      if (answered) return answered;

      const consent = await getService(strapi, 'privacyNotice').consentOf(request, context);
      const { timezone: tz } = bookingConfig(strapi);
      const defaultLocale = await defaultLocaleOf(strapi);
      const room = await roomRepository(strapi).findBySlug(request.room, defaultLocale, { withPhotos: false });
      if (!room || (!room.bookable && !context.staff)) {
        throw validationError([{ path: 'room', message: room ? `"${request.room}" cannot be booked` : `there is no room "${request.room}"` }]);
      }
      const { rules } = rulesOfRoom(room);
      // Read before the transaction, which then holds its locks only for what needs them.
      const hours = hoursOfRoom(room, await centreHours(strapi));

      const first = { start: request.start, end: request.end };
      const occurrences = request.repeat ? expandWeeklySeries(first, request.repeat.until, tz) : [first];
      if (occurrences.length === 0) throw validationError([{ path: 'repeat.until', message: 'must not be before the first date' }]);

      const status = context.staff || !rules.requiresApproval ? 'confirmed' : 'pending';
      const manageToken = newManageToken();
      // Said on the page, so it promises only what will happen: the answer (or later news) goes this way.
      const notifiedBy = channelFor(strapi, { name: request.contactName, email: request.email ?? null, phone: request.phone ?? null, notifyBy: request.notifyBy, language: request.language ?? 'zh-CN' }, 'reservation.confirmed');
      const firstStart = occurrences[0].start;
      const lastEnd = occurrences[occurrences.length - 1].end;

      const attempt = (reference: string) =>
        inTransaction(strapi, async (trx) => {
          // The rules are checked under locks: one person's requests one at a time where the room has a
          // weekly quota (two at once could together pass it), and none while staff declare a closure
          // (it would be missed). Without a quota nothing of one person's other requests is checked, and
          // a group booking many rooms at once is not made to queue.
          if (rules.weeklyQuotaHours !== null) await lockRequester(strapi, trx, contactKeys(request));
          await lockClosuresShared(strapi, trx);
          const violations = await ruleViolations(room, hours, occurrences, request, context);
          if (violations.length > 0) throw validationError(violations.map(({ path, message, code }) => ({ path, message, code })));
          if (await reservations.referenceExists(reference)) throw REFERENCE_TAKEN;
          // Re-read inside the transaction: on SQLite this is the guard (one writer at a time);
          // on PostgreSQL it gives a precise answer, and the exclusion constraint catches races.
          const existing = await holds.findTouching([room.documentId], new Date(firstStart.getTime() - DAY_MS), new Date(lastEnd.getTime() + DAY_MS), trx);
          const conflicts = findConflicts(occurrences, existing, rules.bufferMinutes);
          const taken = new Set(conflicts.map((c) => c.candidate));
          if (taken.size > 0 && (!request.skipConflicts || taken.size === occurrences.length)) {
            throw conflictError([...taken], tz);
          }
          const toBook = occurrences.filter((o) => !taken.has(o));
          const rows: ReservationRow[] = [];
          for (const [index, occurrence] of toBook.entries()) {
            rows.push(
              await reservations.create({
                reference,
                start: occurrence.start,
                end: occurrence.end,
                status,
                purpose: request.purpose,
                organization: request.organization ?? null,
                contactName: request.contactName,
                phone: request.phone ?? null,
                email: request.email ?? null,
                notifyBy: request.notifyBy,
                attendees: request.attendees,
                language: request.language ?? 'zh-CN',
                seriesIndex: index,
                source: context.staff ? 'staff' : 'public',
                userId: context.userId,
                overrideReason: context.staff ? (context.overrideReason ?? null) : null,
                manageTokenHash: hashToken(manageToken),
                ...consent,
              }, room, trx)
            );
          }
          await holds.insert(
            rows.map((r) => ({ roomId: room.documentId, kind: 'reservation' as const, sourceId: r.documentId, start: r.start, end: r.end, blockedUntil: addMinutes(r.end, rules.bufferMinutes) })),
            trx
          );
          const body = {
            data: {
              reference,
              status,
              room: { slug: room.slug, name: room.name },
              occurrences: rows.map((r) => ({ ...zonedInterval(r, tz), status: r.status })),
              skipped: [...taken].map((o) => ({ ...zonedInterval(o, tz), reason: 'taken' })),
              manageToken,
              notifiedBy,
            },
          };
          if (context.idempotencyKey) await idempotency.save(context.idempotencyKey, hash, 201, body, context.now, trx);
          return { status: 201 as const, body, rows };
        });

      try {
        // A reference drawn twice at once is refused by the database's unique index, and drawn again.
        const { rows, ...answer } = await withNewReference(attempt, (e) => e === REFERENCE_TAKEN || isReferenceClash(e));
        // After the commit, and only for a new request: a replayed answer mails nobody twice.
        if (context.notify !== false) {
          const kind = context.staff || rows[0].status === 'confirmed' ? 'confirmed' : 'received';
          reservationNotifications(strapi).reservationChanged({ kind, rows, changed: rows }, { manageToken });
        }
        return answer;
      } catch (error) {
        // Another request with the same key won the race: answer what it answered.
        const answered = await idempotency.answered(context.idempotencyKey, hash);
        if (answered) return answered;
        if (isOverlapRefusal(error)) {
          // The database refused: someone took the time between our check and our write.
          const now = await holds.findTouching([room.documentId], new Date(firstStart.getTime() - DAY_MS), new Date(lastEnd.getTime() + DAY_MS));
          const conflicting = findConflicts(occurrences, now, rules.bufferMinutes).map((c) => c.candidate);
          throw conflictError(conflicting.length ? conflicting : occurrences, tz);
        }
        throw error;
      }
    },
  };
};

export default reservationRequests;
export type ReservationRequestsService = ReturnType<typeof reservationRequests>;
