import type { Core } from '@strapi/strapi';
import { CANT_COME_CODE_PATTERN, newCantComeCode } from '../core/reminders/cant-come-code';
import { hashToken } from '../core/reservations/reference';
import { zonedInterval } from '../core/time/zoned-interval';
import { reservationNotifications } from '../notifications/reservations';
import { absenceRepository } from '../repositories/absence-repository';
import { activityRepository } from '../repositories/activity-repository';
import { cantComeRepository, type CantComeRow, type CantComeTarget } from '../repositories/cant-come-repository';
import { enrolmentRepository, type EnrolmentRow } from '../repositories/enrolment-repository';
import { HOLDING_STATUSES, reservationRepository, type ReservationRow } from '../repositories/reservation-repository';
import { roomRepository } from '../repositories/room-repository';
import { sessionRepository, type SessionRow } from '../repositories/session-repository';
import { cantComeLinkError, ConflictError } from '../utils/errors';
import { getService } from '../utils/get-service';
import { bookingConfig } from '../utils/plugin-config';
import { maskName, type CantComeView } from '../views/cant-come-view';
import { changeStatusOf } from './reservation-manage';

/** What a code names, read as it is now. */
type Occurrence =
  | { about: 'reservation'; row: ReservationRow; effect: 'cancel-date'; start: Date; end: Date }
  | { about: 'enrolment'; row: EnrolmentRow; session: SessionRow; effect: 'cancel-enrolment' | 'away'; away: boolean; start: Date; end: Date };


/**
 * "我去不了 / I can't come": the link a reminder carries cancels that ONE date. A reserved date is
 * cancelled (not the series) and the room freed; a drop-in enrolment (one session, or an event of a
 * single session) is cancelled and the waiting list moves up at once, the promoted being told; a
 * term enrolment keeps its place and the person is recorded as away from that one session.
 * Reading what a code names changes nothing (text-message apps open links to preview them).
 */
const cantCome = ({ strapi }: { strapi: Core.Strapi }) => {
  const codes = cantComeRepository(strapi);
  const reservations = reservationRepository(strapi);
  const enrolmentRows = enrolmentRepository(strapi);
  const sessions = sessionRepository(strapi);
  const activities = activityRepository(strapi);
  const absences = absenceRepository(strapi);
  const tz = () => bookingConfig(strapi).timezone;

  /** A term's enrolment is kept when one of several sessions is missed; an enrolment for just this one is cancelled. */
  const effectFor = async (row: Pick<EnrolmentRow, 'sessionId' | 'kind' | 'activityId'>): Promise<'cancel-enrolment' | 'away'> => {
    if (row.sessionId) return 'cancel-enrolment';
    const scheduled = (await sessions.forActivity(row.kind, row.activityId)).filter((s) => s.status === 'scheduled');
    return scheduled.length <= 1 ? 'cancel-enrolment' : 'away';
  };

  const occurrenceOf = async (target: CantComeTarget): Promise<Occurrence> => {
    if (target.kind === 'reservation') {
      const row = await reservations.findByDocumentId(target.reservationId);
      if (!row) throw cantComeLinkError('unknown');
      return { about: 'reservation', row, effect: 'cancel-date', start: row.start, end: row.end };
    }
    const [row, session] = await Promise.all([enrolmentRows.findById(target.enrolmentId), sessions.findById(target.sessionId)]);
    if (!row || !session) throw cantComeLinkError('unknown');
    const away = await absences.isAway(row.documentId, session.documentId);
    return { about: 'enrolment', row, session, effect: await effectFor(row), away, start: session.start, end: session.end };
  };

  const stateOf = (o: Occurrence, now: Date): CantComeView['state'] => {
    const done = o.about === 'reservation' ? !HOLDING_STATUSES.includes(o.row.status) : o.row.status === 'cancelled' || o.session.status === 'cancelled';
    if (done) return 'cancelled';
    if (o.about === 'enrolment' && o.away) return 'away';
    return o.start.getTime() <= now.getTime() ? 'started' : 'open';
  };

  const viewOf = async (o: Occurrence, now: Date): Promise<CantComeView> => {
    const language = o.row.language;
    const what =
      o.about === 'reservation'
        ? (await roomRepository(strapi).findById(o.row.roomId, [{ locale: language, status: 'published' }]))?.name ?? o.row.room?.name ?? ''
        : (await activities.findById(o.row.kind, o.row.activityId, language))?.title ?? '';
    const name = o.about === 'reservation' ? o.row.contactName : o.row.name;
    return { about: o.about, effect: o.effect, what, name: maskName(name), language, state: stateOf(o, now), ...zonedInterval(o, tz()) };
  };

  /** The code's row, if the code is well formed, known and its date has not begun. */
  const live = async (code: string, now: Date): Promise<{ hash: string; row: CantComeRow }> => {
    if (!CANT_COME_CODE_PATTERN.test(code)) throw cantComeLinkError('unknown');
    const hash = hashToken(code);
    const row = await codes.findByHash(hash);
    if (!row) throw cantComeLinkError('unknown');
    if (row.expiresAt.getTime() <= now.getTime()) throw cantComeLinkError('expired');
    return { hash, row };
  };

  /** Carries out the tap; answers whether it had been done already. */
  const carryOut = async (o: Occurrence, now: Date): Promise<{ already: boolean; promotedCount?: number }> => {
    if (o.about === 'reservation') {
      // The one row, chosen under the request's lock on its status then: a second tap changes nothing.
      const pick = (rows: ReservationRow[]) => rows.filter((r) => r.documentId === o.row.documentId && HOLDING_STATUSES.includes(r.status));
      const { rows, changed } = await changeStatusOf(strapi, { reference: o.row.reference }, pick, 'cancelled');
      if (changed.length === 0) return { already: true };
      reservationNotifications(strapi).reservationChanged({ kind: 'cancelled', rows, changed }, {});
      return { already: false };
    }
    if (o.effect === 'away') return { already: !(await absences.record(o.row.documentId, o.session.documentId, now)) };
    try {
      const { promoted } = await getService(strapi, 'enrolments').cancelById(o.row.documentId);
      return { already: false, promotedCount: promoted.length };
    } catch (error) {
      // Cancelled by another tap (or the manage link) between our read and its lock.
      if ((error as { details?: { errors?: Array<{ code?: string }> } }).details?.errors?.[0]?.code === 'already_cancelled') return { already: true };
      throw error;
    }
  };

  return {
    /** What a tap on an enrolment's link does (the reminder says whether the place is kept). */
    effectOf: effectFor,

    /** A new code for the reminder of one date (the reminder sweep asks for it); it works until that date begins. */
    async issue(target: CantComeTarget, start: Date, now: Date): Promise<string> {
      const code = newCantComeCode();
      await codes.create(hashToken(code), target, start, start, now);
      return code;
    },

    async describe(code: string, now: Date): Promise<CantComeView> {
      const { row } = await live(code, now);
      return viewOf(await occurrenceOf(row.target), now);
    },

    async use(code: string, now: Date): Promise<CantComeView & { already: boolean; promotedCount?: number }> {
      const { hash, row } = await live(code, now);
      const before = await occurrenceOf(row.target);
      const state = stateOf(before, now);
      if (state === 'started') {
        throw new ConflictError('This date has already begun, so it can no longer be cancelled. Please contact the centre.', { code: 'already_started' });
      }
      const outcome = state === 'open' ? await carryOut(before, now) : { already: true };
      await codes.markUsed(hash, now);
      return { ...(await viewOf(await occurrenceOf(row.target), now)), ...outcome };
    },
  };
};

export default cantCome;
export type CantComeService = ReturnType<typeof cantCome>;
