import type { Core } from '@strapi/strapi';
import { inTransaction } from '../repositories/transaction';
import { lockSessions } from '../repositories/locks';
import type { Knex } from 'knex';
import { findConflicts } from '../core/reservations/conflicts';
import { expandSchedule } from '../core/schedule/expand-schedule';
import { diffSessions } from '../core/schedule/diff-sessions';
import { scheduleSchema } from '../core/schedule/schedule';
import { rulesOfRoom } from '../core/rules/room-rules';
import { addMinutes, DAY_MS } from '../core/time/instants';
import type { Interval } from '../core/time/intervals';
import { instantToZonedIso } from '../core/time/zoned';
import { activityRepository, type ActivityKind, type ActivityRow } from '../repositories/activity-repository';
import { enrolmentRepository, type EnrolmentRow } from '../repositories/enrolment-repository';
import { enrolmentNotifications } from '../notifications/enrolments';
import { holdRepository, isOverlapRefusal } from '../repositories/hold-repository';
import { roomRepository } from '../repositories/room-repository';
import { scheduledTimesOf, sessionRepository, type SessionRow } from '../repositories/session-repository';
import { fieldErrorsOf, validationError } from '../utils/errors';
import { defaultLocaleOf } from '../utils/locales';
import { bookingConfig } from '../utils/plugin-config';

/** A room as sync holds it: its id, a name for messages, and the buffer its holds keep after them. */
interface HeldRoom {
  id: string;
  name: string;
  buffer: number;
}

/**
 * Keeps a course's or event's sessions in step with its schedule: sessions that still exist keep
 * their enrolments, and every future session holds its room exactly as a reservation does (same
 * holds table, same database guard). A schedule that would clash with a reservation or another
 * activity is refused with the clashes listed, before anything is published.
 */
const sessionSync = ({ strapi }: { strapi: Core.Strapi }) => {
  const sessions = sessionRepository(strapi);
  const holds = holdRepository(strapi);

  const roomOf = async (activity: ActivityRow) => roomById(activity.room?.documentId ?? null);

  const roomById = async (roomId: string | null): Promise<HeldRoom | null> => {
    if (!roomId) return null;
    const room = await roomRepository(strapi).findById(roomId, [{ locale: undefined, status: 'published' }]);
    return room ? { id: roomId, name: room.name, buffer: rulesOfRoom(room).rules.bufferMinutes } : { id: roomId, name: roomId, buffer: 0 };
  };

  const wantedOf = (activity: ActivityRow, tz: string): Interval[] => {
    const parsed = scheduleSchema.safeParse(activity.schedule);
    if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error).map((e) => ({ path: `schedule.${e.path}`, message: e.message })));
    return expandSchedule(parsed.data, tz).map(({ start, end }) => ({ start, end }));
  };

  /** Times of `wanted` that other holders of the room already have. */
  const clashesOf = async (wanted: Interval[], room: HeldRoom, ownSessionIds: Set<string>, trx?: Knex.Transaction) => {
    if (wanted.length === 0) return [];
    const from = new Date(Math.min(...wanted.map((w) => w.start.getTime())) - DAY_MS);
    const to = new Date(Math.max(...wanted.map((w) => w.end.getTime())) + DAY_MS);
    const others = (await holds.findTouching([room.id], from, to, trx)).filter((h) => !ownSessionIds.has(h.sourceId));
    return findConflicts(wanted, others, room.buffer).map((c) => ({ candidate: c.candidate, kinds: c.with.map((h) => h.kind) }));
  };

  const clashError = (clashes: { candidate: Interval; kinds: string[] }[], roomName: string, tz: string) =>
    validationError(
      clashes.map(({ candidate, kinds }) => ({
        path: 'schedule',
        message: `${instantToZonedIso(candidate.start, tz)}–${instantToZonedIso(candidate.end, tz).slice(11, 16)} clashes with a ${[...new Set(kinds)].join(' and ')} already holding ${roomName}`,
      })),
      `The schedule clashes with ${clashes.length} booking(s) in ${roomName}; move those first or change the schedule`
    );

  return {
    /** Refuses, before publishing, a draft whose future sessions would clash in its room. */
    async checkDraft(kind: ActivityKind, documentId: string, now: Date) {
      const tz = bookingConfig(strapi).timezone;
      const draft = await activityRepository(strapi).findById(kind, documentId, await defaultLocaleOf(strapi), 'draft');
      if (!draft) return;
      const room = await roomOf(draft);
      if (!room) return;
      const existing = await sessions.forActivity(kind, documentId);
      // Occurrences staff cancelled or moved will not take the activity's room at those times (sync keeps them as staff left them).
      const settled = new Set(existing.filter((s) => s.status === 'cancelled' || s.roomOverride || s.scheduledStart).map((s) => scheduledTimesOf(s).start.getTime()));
      const wanted = wantedOf(draft, tz).filter((w) => w.start > now && !settled.has(w.start.getTime()));
      const own = new Set(existing.map((s) => s.documentId));
      const clashes = await clashesOf(wanted, room, own);
      if (clashes.length > 0) throw clashError(clashes, room.name, tz);
    },

    /** The published activity as it is now: read before an unpublish or delete, to name it to those told. */
    async published(kind: ActivityKind, documentId: string): Promise<ActivityRow | null> {
      return activityRepository(strapi).findById(kind, documentId, await defaultLocaleOf(strapi), 'published');
    },

    /**
     * Brings the published activity's sessions and holds in line with its schedule; an activity no
     * longer published is withdrawn (`before`: how it was published, to name it to those told).
     */
    async sync(kind: ActivityKind, documentId: string, now: Date, before: ActivityRow | null = null): Promise<SessionRow[]> {
      const tz = bookingConfig(strapi).timezone;
      const activity = await this.published(kind, documentId);
      if (!activity) return this.withdraw(kind, documentId, now, before);
      const room = await roomOf(activity);
      const wanted = wantedOf(activity, tz);
      const existing = await sessions.forActivity(kind, documentId);
      const enrolled = await enrolmentRepository(strapi).activeCountBySession(kind, documentId);

      try {
        return await inTransaction(strapi, async (trx) => {
          // Sessions it removes or moves may be enrolled in at this moment: the enrolment waits, then sees them as they are.
          await lockSessions(strapi, trx, existing.map((s) => s.documentId));
          if (existing.length === 0) {
            // First generation: past dates of a term already under way are sessions too (reports count them).
            for (const w of wanted) await sessions.create({ activityKind: kind, activityId: documentId, roomId: room?.id ?? null, start: w.start, end: w.end, status: 'scheduled', capacity: null, note: null });
          } else {
            // A session staff moved is matched by the times its schedule gave it, and keeps staff's times;
            // once it has started it is left alone and stands for its scheduled occurrence.
            const movedAndStarted = existing.filter((s) => s.scheduledStart && s.start <= now);
            const consumed = new Set(movedAndStarted.map((s) => s.scheduledStart!.getTime()));
            const diff = diffSessions(
              existing
                .filter((s) => !movedAndStarted.includes(s))
                .map((s) => ({ id: s.documentId, ...scheduledTimesOf(s), enrolled: enrolled.get(s.documentId) ?? 0, status: s.status })),
              wanted.filter((w) => !consumed.has(w.start.getTime())),
              now,
              { tz }
            );
            for (const r of diff.remove) await sessions.remove(r.id);
            await holds.release(kind, diff.remove.map((r) => r.id), trx);
            const moved = new Set(existing.filter((s) => s.scheduledStart).map((s) => s.documentId));
            for (const u of diff.update) await sessions.update(u.id, moved.has(u.id) ? { scheduledStart: u.start, scheduledEnd: u.end } : { start: u.start, end: u.end });
            for (const c of diff.create) await sessions.create({ activityKind: kind, activityId: documentId, roomId: room?.id ?? null, start: c.start, end: c.end, status: 'scheduled', capacity: null, note: null });
          }
          // Future sessions follow the activity's room, except those staff put in another room;
          // their holds are written anew.
          const current = await sessions.forActivity(kind, documentId);
          const future = current.filter((s) => s.end > now);
          for (const s of future) if (!s.roomOverride && s.roomId !== (room?.id ?? null)) await sessions.update(s.documentId, { roomId: room?.id ?? null });
          await holds.release(kind, future.map((s) => s.documentId), trx);
          const roomIdOf = (s: SessionRow) => (s.roomOverride ? s.roomId : room?.id ?? null);
          const holding = current.filter((s) => s.status === 'scheduled' && (s.end > now || existing.length === 0));
          const own = new Set(current.map((s) => s.documentId));
          for (const roomId of new Set(holding.map(roomIdOf))) {
            const where = roomId === (room?.id ?? null) ? room : await roomById(roomId);
            if (!where) continue;
            const here = holding.filter((s) => roomIdOf(s) === roomId);
            const clashes = await clashesOf(here, where, own, trx);
            if (clashes.length > 0) throw clashError(clashes, where.name, tz);
            await holds.release(kind, here.map((s) => s.documentId), trx);
            await holds.insert(here.map((s) => ({ roomId: where.id, kind, sourceId: s.documentId, start: s.start, end: s.end, blockedUntil: addMinutes(s.end, where.buffer) })), trx);
          }
          return (await sessions.forActivity(kind, documentId)).map((s) => ({ ...s, roomId: s.roomOverride ? s.roomId : room?.id ?? s.roomId }));
        });
      } catch (error) {
        if (isOverlapRefusal(error)) throw validationError([{ path: 'schedule', message: `a session clashes with a booking made in ${room?.name} at the same moment; publish again to see which` }]);
        throw error;
      }
    },

    /**
     * An unpublished or deleted activity lets go of its rooms from now on, and cancels, in the same
     * transaction, the enrolments of what will no longer take place: the term's or event's own when a
     * session is lost, and those of the lost sessions. Each person is told after the commit.
     * Publishing it again makes sessions anew but enrols nobody again.
     */
    async withdraw(kind: ActivityKind, documentId: string, now: Date, activity: ActivityRow | null = null): Promise<SessionRow[]> {
      const current = await sessions.forActivity(kind, documentId);
      const future = current.filter((s) => s.start > now);
      const lost = future.filter((s) => s.status !== 'cancelled');
      const lostIds = new Set(lost.map((s) => s.documentId));
      const enrolments = enrolmentRepository(strapi);
      const byId = new Map(current.map((s) => [s.documentId, s]));
      const sessionOf = (row: EnrolmentRow) => (row.sessionId ? byId.get(row.sessionId) ?? null : null);
      await inTransaction(strapi, async (trx, onCommit) => {
        await lockSessions(strapi, trx, future.map((s) => s.documentId));
        for (const s of future) await sessions.update(s.documentId, { status: 'cancelled' });
        await holds.release(kind, future.map((s) => s.documentId), trx);
        // Read under the sessions' locks: a drop-in enrolment in one of them made meanwhile has committed and is cancelled too.
        const affected = (await enrolments.forActivity(kind, documentId)).filter((r) => (r.sessionId === null ? lost.length > 0 : lostIds.has(r.sessionId)));
        for (const r of affected) await enrolments.update(r.documentId, { status: 'cancelled', position: null, cancelReason: 'activity_withdrawn' });
        if (affected.length > 0) onCommit(() => enrolmentNotifications(strapi).withdrawn(affected, activity, sessionOf, lost[0] ?? null));
      });
      return current;
    },
  };
};

export default sessionSync;
export type SessionSyncService = ReturnType<typeof sessionSync>;
