import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findConflicts } from '../core/reservations/conflicts';
import { hashToken, newManageToken, newReference } from '../core/reservations/reference';
import { expandWeeklySeries } from '../core/reservations/weekly-series';
import { checkOccurrence } from '../core/rules/check-occurrence';
import { checkSeriesLength } from '../core/rules/series-length';
import type { Violation } from '../core/rules/violations';
import { checkWeeklyQuota } from '../core/rules/weekly-quota';
import type { Interval } from '../core/time/intervals';
import { zonedDateOf } from '../core/time/zoned';
import { isOverlapRefusal } from '../database/tables';
import { ConflictError } from '../http/conflict-error';
import type { ReservationRequest } from '../http/reservation-schemas';
import { validationError } from '../http/validation';
import { closureRepository } from '../repositories/closure-repository';
import { holdRepository } from '../repositories/hold-repository';
import { hashRequest, idempotencyRepository } from '../repositories/idempotency-repository';
import { reservationRepository, type ReservationRow } from '../repositories/reservation-repository';
import { bookableRoomRepository } from '../repositories/room-repository';
import { zonedInterval } from '../views/availability-view';
import { hoursOfRoom, rulesOfRoom, type RoomRuleFields } from '../views/room-settings';
import { defaultLocaleOf } from './locales';
import { bookingConfig } from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;
const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

/** Rule codes staff may not override on a reservation they enter for a caller. */
const STRUCTURAL = new Set(['end_not_after_start', 'series_too_long']);

export interface RequestContext {
  now: Date;
  userId: number | null;
  /** Staff entering a request for a caller: rules other than conflicts are not enforced. */
  staff: boolean;
  idempotencyKey?: string;
}

export interface CreatedReservation {
  status: 201;
  body: { data: Record<string, unknown> };
  /** Rows written, for notifications; absent when a stored answer was replayed. */
  rows?: ReservationRow[];
}


const reservationRequests = ({ strapi }: { strapi: Core.Strapi }) => {
  const reservations = reservationRepository(strapi);
  const holds = holdRepository(strapi);
  const idempotency = idempotencyRepository(strapi);

  const unusedReference = async (): Promise<string> => {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const reference = newReference();
      if (!(await reservations.referenceExists(reference))) return reference;
    }
    throw new errors.ApplicationError('Could not find an unused reference');
  };

  /** Every broken rule, each naming its field; a series names the date in the message. */
  const ruleViolations = async (room: RoomRuleFields & { documentId: string; capacity: number }, occurrences: Interval[], request: ReservationRequest, context: RequestContext) => {
    const { timezone: tz, defaultOpeningHours } = bookingConfig(strapi);
    const { rules } = rulesOfRoom(room);
    const first = occurrences[0];
    const last = occurrences[occurrences.length - 1];
    const closures = await closureRepository(strapi).findTouching([room.documentId], first.start, last.end);
    const perOccurrence = occurrences.flatMap((occurrence) =>
      checkOccurrence({
        occurrence,
        rules,
        hours: hoursOfRoom(room, defaultOpeningHours),
        closures,
        now: context.now,
        tz,
        attendees: request.attendees,
        capacity: room.capacity,
      }).map((v) => (occurrences.length > 1 ? { ...v, message: `${zonedDateOf(occurrence.start, tz)}: ${v.message}` } : v))
    );
    let quota: Violation[] = [];
    if (rules.weeklyQuotaHours !== null && !context.staff) {
      const held = await reservations.findHeldByContact(
        room.documentId,
        { phone: request.phone ?? null, email: request.email ?? null },
        new Date(first.start.getTime() - 8 * DAY_MS),
        new Date(last.end.getTime() + 8 * DAY_MS)
      );
      quota = checkWeeklyQuota({ candidates: occurrences, alreadyHeld: held, quotaHours: rules.weeklyQuotaHours, tz });
    }
    const all = [...checkSeriesLength(occurrences.length), ...perOccurrence, ...quota];
    return context.staff ? all.filter((v) => STRUCTURAL.has(v.code)) : all;
  };

  const conflictError = (conflicting: Interval[], tz: string) =>
    new ConflictError('The room is already taken at that time', { conflicts: conflicting.map((i) => zonedInterval(i, tz)) });

  return {
    async create(request: ReservationRequest, context: RequestContext): Promise<CreatedReservation> {
      const hash = hashRequest(request);
      const answered = await idempotency.answered(context.idempotencyKey, hash);
      if (answered) return answered;

      const { timezone: tz } = bookingConfig(strapi);
      const defaultLocale = await defaultLocaleOf(strapi);
      const room = (await bookableRoomRepository(strapi).findBySlug(request.room, defaultLocale)) as
        | (RoomRuleFields & { documentId: string; slug: string; name: string; capacity: number; bookable: boolean })
        | null;
      if (!room || (!room.bookable && !context.staff)) {
        throw validationError([{ path: 'room', message: room ? `"${request.room}" cannot be booked` : `there is no room "${request.room}"` }]);
      }
      const { rules } = rulesOfRoom(room);

      const first = { start: request.start, end: request.end };
      const occurrences = request.repeat ? expandWeeklySeries(first, request.repeat.until, tz) : [first];
      if (occurrences.length === 0) throw validationError([{ path: 'repeat.until', message: 'must not be before the first date' }]);
      const violations = await ruleViolations(room, occurrences, request, context);
      if (violations.length > 0) throw validationError(violations.map(({ path, message, code }) => ({ path, message, code })));

      const status = context.staff || !rules.requiresApproval ? 'confirmed' : 'pending';
      const reference = await unusedReference();
      const manageToken = newManageToken();
      const firstStart = occurrences[0].start;
      const lastEnd = occurrences[occurrences.length - 1].end;

      const attempt = () =>
        strapi.db.transaction(async ({ trx }) => {
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
                roomId: room.documentId,
                start: occurrence.start,
                end: occurrence.end,
                status,
                purpose: request.purpose,
                organization: request.organization ?? null,
                contactName: request.contactName,
                phone: request.phone ?? null,
                email: request.email ?? null,
                attendees: request.attendees,
                language: request.language ?? 'zh-CN',
                seriesIndex: index,
                source: context.staff ? 'staff' : 'public',
                userId: context.userId,
                manageTokenHash: hashToken(manageToken),
              })
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
            },
          };
          if (context.idempotencyKey) await idempotency.save(context.idempotencyKey, hash, 201, body, context.now, trx);
          return { status: 201 as const, body, rows };
        });

      try {
        return await attempt();
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
