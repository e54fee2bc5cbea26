import type { Core } from '@strapi/strapi';
import type { Interval } from '../core/time/intervals';
import { zonedInterval } from '../core/time/zoned-interval';
import type { ActivityRow } from '../repositories/activity-repository';
import { closureRepository } from '../repositories/closure-repository';
import { enrolmentRepository, type EnrolmentRow } from '../repositories/enrolment-repository';
import { HOLDING_STATUSES, reservationRepository, type ReservationRow } from '../repositories/reservation-repository';
import type { RoomRow } from '../repositories/room-repository';
import { sessionRepository, type SessionRow } from '../repositories/session-repository';
import { notFound } from '../utils/errors';
import { bookingConfig } from '../utils/plugin-config';
import { groupByReference, toStaffView } from '../views/reservation-view';
import { staffSession } from './staff-session';

/** A session a closure falls on, with what it is and who is on its roster. */
export interface AffectedSessionRow {
  session: SessionRow;
  activity: ActivityRow | null;
  room: RoomRow | null;
  roster: EnrolmentRow[];
}

/** What a closure falls on: the reservation dates and sessions still to come in its rooms and time. */
export interface Impact {
  reservations: ReservationRow[];
  sessions: AffectedSessionRow[];
}

const inRooms = (roomIds: string[] | null, roomId: string | null) => roomId !== null && (roomIds === null || roomIds.includes(roomId));

/**
 * A closure blocks new requests; what was booked or scheduled before it stays until staff cancel
 * it. This finds what a closure falls on, for staff to see before saving it and to call or mail.
 */
const closureImpact = ({ strapi }: { strapi: Core.Strapi }) => ({
  async affectedReservations(closureId: string) {
    const closure = await closureRepository(strapi).findById(closureId);
    if (!closure) throw notFound(`No closure ${closureId}`);
    const tz = bookingConfig(strapi).timezone;
    const period = { start: closure.start, end: closure.end };
    const { roomIds } = closure;
    const rows = (await reservationRepository(strapi).holdingInPeriod(period.start, period.end)).filter((r) => roomIds === null || roomIds.includes(r.roomId));
    return {
      closure: { id: closure.id, reason: closure.reason, ...zonedInterval(period, tz), allRooms: roomIds === null },
      reservations: groupByReference(rows).map((group) => toStaffView(group, group[0].room, tz)),
    };
  },

  /**
   * Pending and confirmed reservation dates and scheduled sessions in these rooms (null: every room)
   * that overlap the period and have not begun at `now`: what a closure would cancel. A session
   * held elsewhere than in a room of the centre is not affected.
   */
  async impactOf(period: Interval, roomIds: string[] | null, now: Date): Promise<Impact> {
    const reservations = (await reservationRepository(strapi).holdingInPeriod(period.start, period.end)).filter(
      (r) => HOLDING_STATUSES.includes(r.status) && r.start > now && inRooms(roomIds, r.roomId)
    );
    const reads = staffSession(strapi);
    const sessionRows = (await sessionRepository(strapi).inRange(period.start, period.end)).filter(
      (s) => s.status === 'scheduled' && s.start > now && inRooms(roomIds, s.roomId)
    );
    const sessions: AffectedSessionRow[] = [];
    for (const session of sessionRows) {
      // One after another: inside a transaction on SQLite every query shares one connection.
      sessions.push({ session, activity: await reads.activityOf(session), room: await reads.roomOf(session.roomId), roster: await enrolmentRepository(strapi).onRoster(session) });
    }
    return { reservations, sessions };
  },
});

export default closureImpact;
export type ClosureImpactService = ReturnType<typeof closureImpact>;
