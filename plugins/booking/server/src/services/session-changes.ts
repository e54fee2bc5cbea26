import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { findConflicts } from '../core/reservations/conflicts';
import { rulesOfRoom } from '../core/rules/room-rules';
import { addMinutes, DAY_MS } from '../core/time/instants';
import type { Interval } from '../core/time/intervals';
import { zonedInterval } from '../core/time/zoned-interval';
import { enrolmentNotifications } from '../notifications/enrolments';
import type { MessageLanguage } from '../messages/rendering';
import type { ActivityRow } from '../repositories/activity-repository';
import { enrolmentRepository, type EnrolmentRow } from '../repositories/enrolment-repository';
import { holdRepository, isOverlapRefusal } from '../repositories/hold-repository';
import { lockSession } from '../repositories/locks';
import { roomRepository } from '../repositories/room-repository';
import { scheduledTimesOf, sessionRepository, type SessionRow } from '../repositories/session-repository';
import { inTransaction } from '../repositories/transaction';
import type { MoveSessionInput } from '../schemas/sessions';
import { ConflictError, validationError, type FieldError } from '../utils/errors';
import { defaultLocaleOf } from '../utils/locales';
import { bookingConfig } from '../utils/plugin-config';
import { staffActivityView, staffSessionView } from '../views/session-staff';
import { staffSession } from './staff-session';

const MAX_SESSION_MS = DAY_MS;

/**
 * Inside the caller's transaction: marks one session cancelled with staff's reason and frees its
 * room. Null when it was already cancelled (the caller decides whether that is an error).
 */
export const cancelSessionWithin = async (strapi: Core.Strapi, trx: Knex.Transaction, id: string, reason: string): Promise<SessionRow | null> => {
  await lockSession(strapi, trx, id);
  const current = await staffSession(strapi).load(id);
  if (current.status === 'cancelled') return null;
  const updated = await sessionRepository(strapi).update(id, { status: 'cancelled', note: reason });
  await holdRepository(strapi).release(current.activityKind, [id], trx);
  return updated;
};

/**
 * After the commit: tells everyone enrolled (with an e-mail) that a session is cancelled, each in
 * their language with the reason in it. Returns those told.
 */
export const tellSessionCancelled = async (
  strapi: Core.Strapi,
  change: { before: SessionRow; after: SessionRow; activity: ActivityRow | null; reasonIn: (language: MessageLanguage) => string },
  now: Date
): Promise<EnrolmentRow[]> => {
  // Nobody needs telling about a session that has already begun or taken place.
  if (change.after.start <= now) return [];
  const told = (await enrolmentRepository(strapi).onRoster(change.after)).filter((r) => r.email);
  for (const language of ['zh-CN', 'en'] as const) {
    const readers = told.filter((r) => r.language === language);
    if (readers.length > 0) enrolmentNotifications(strapi).sessionChanged(readers, change.activity, { change: 'cancelled', before: change.before, reason: change.reasonIn(language) });
  }
  return told;
};

/**
 * Staff call one session off or move it to another time or room: its room's hold follows, and the
 * people enrolled are told after the change is committed.
 */
const sessionChanges = ({ strapi }: { strapi: Core.Strapi }) => {
  const sessions = sessionRepository(strapi);
  const holds = holdRepository(strapi);
  const reads = staffSession(strapi);
  const tz = () => bookingConfig(strapi).timezone;

  const clashError = (wanted: Interval, clashes: { start: Date; end: Date; kind: string }[]) =>
    new ConflictError('The room is already taken at that time', {
      conflicts: [zonedInterval(wanted, tz())],
      with: clashes.map((h) => ({ ...zonedInterval(h, tz()), kind: h.kind })),
    });

  return {
    /** Calls one session off: it stays listed as cancelled, its room is free, and the people enrolled are told. */
    async cancel(id: string, reason: string, now: Date) {
      const before = await reads.load(id);
      const after = await inTransaction(strapi, async (trx) => {
        const updated = await cancelSessionWithin(strapi, trx, id, reason);
        if (!updated) throw validationError([{ path: 'session', message: 'is already cancelled' }]);
        return updated;
      });
      const activity = await reads.activityOf(after);
      const told = await tellSessionCancelled(strapi, { before, after, activity, reasonIn: () => reason }, now);
      return { session: staffSessionView(after, activity, await reads.roomOf(after.roomId), tz()), activity: staffActivityView(after, activity), notified: told.length };
    },

    /** Moves a session still to come to another time or room, holding the new room exactly as sync does. */
    async move(id: string, input: MoveSessionInput, now: Date) {
      const before = await reads.load(id);
      if (before.status === 'cancelled') throw validationError([{ path: 'session', message: 'has been cancelled' }]);
      if (before.start <= now) throw validationError([{ path: 'session', message: 'has already started: only sessions still to come can be moved' }]);
      const start = input.start ?? before.start;
      const end = input.end ?? (input.start ? new Date(input.start.getTime() + (before.end.getTime() - before.start.getTime())) : before.end);
      const problems: FieldError[] = [];
      if (start <= now) problems.push({ path: 'start', message: 'must be in the future' });
      if (end <= start) problems.push({ path: 'end', message: 'must be after the start' });
      else if (end.getTime() - start.getTime() > MAX_SESSION_MS) problems.push({ path: 'end', message: 'a session lasts at most 24 hours' });

      const activity = await reads.activityOf(before);
      let roomId = before.roomId;
      let roomOverride = before.roomOverride;
      if (input.room) {
        const target = await roomRepository(strapi).findBySlug(input.room, await defaultLocaleOf(strapi));
        if (!target) problems.push({ path: 'room', message: `there is no room "${input.room}"` });
        else {
          roomId = target.documentId;
          roomOverride = roomId !== (activity?.room?.documentId ?? null);
        }
      }
      if (problems.length > 0) throw validationError(problems);

      const room = await reads.roomOf(roomId);
      const buffer = room ? rulesOfRoom(room).rules.bufferMinutes : 0;
      const wanted = { start, end };
      const clashesNow = async (trx?: Knex.Transaction) => {
        if (!roomId) return [];
        const touching = (await holds.findTouching([roomId], new Date(start.getTime() - DAY_MS), new Date(end.getTime() + DAY_MS), trx)).filter(
          (h) => !(h.kind === before.activityKind && h.sourceId === id)
        );
        return findConflicts([wanted], touching, buffer).flatMap((c) => c.with);
      };

      let after: SessionRow;
      try {
        after = await inTransaction(strapi, async (trx) => {
          await lockSession(strapi, trx, id);
          const current = await reads.load(id);
          if (current.status === 'cancelled') throw validationError([{ path: 'session', message: 'has been cancelled' }]);
          await holds.release(current.activityKind, [id], trx);
          // Re-read inside the transaction: on SQLite this is the guard; on PostgreSQL the exclusion constraint catches races.
          const clashes = await clashesNow(trx);
          if (clashes.length > 0) throw clashError(wanted, clashes);
          if (roomId) await holds.insert([{ roomId, kind: current.activityKind, sourceId: id, start, end, blockedUntil: addMinutes(end, buffer) }], trx);
          const scheduled = scheduledTimesOf(current);
          const backOnSchedule = +scheduled.start === +start && +scheduled.end === +end;
          const timesChanged = +current.start !== +start || +current.end !== +end;
          return sessions.update(id, {
            start,
            end,
            roomId,
            roomOverride,
            ...(backOnSchedule ? { scheduledStart: null, scheduledEnd: null } : timesChanged && !current.scheduledStart ? { scheduledStart: current.start, scheduledEnd: current.end } : {}),
            ...(input.reason ? { note: input.reason } : {}),
          });
        });
      } catch (error) {
        if (isOverlapRefusal(error)) throw clashError(wanted, await clashesNow());
        throw error;
      }

      const changed = +after.start !== +before.start || +after.end !== +before.end || after.roomId !== before.roomId;
      const told = changed ? (await enrolmentRepository(strapi).onRoster(after)).filter((r) => r.email) : [];
      if (changed) enrolmentNotifications(strapi).sessionChanged(told, activity, { change: 'moved', before, after, reason: input.reason ?? null });
      return { session: staffSessionView(after, activity, room, tz()), activity: staffActivityView(after, activity), notified: told.length };
    },
  };
};

export default sessionChanges;
export type SessionChangesService = ReturnType<typeof sessionChanges>;
