import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CLOSURE_UID } from '../repositories/closure-repository';
import { reservationRepository } from '../repositories/reservation-repository';
import { zonedInterval } from '../views/availability-view';
import { groupByReference, toStaffView } from '../views/reservation-view';
import { bookingConfig } from './settings';

/**
 * A closure blocks new requests; reservations already made for that time stay, and staff see them
 * here to call or mail the people concerned.
 */
const closureImpact = ({ strapi }: { strapi: Core.Strapi }) => ({
  async affectedReservations(closureId: string) {
    const closure = (await strapi.documents(CLOSURE_UID).findOne({ documentId: closureId, populate: { rooms: { fields: ['documentId'] } } } as any)) as any;
    if (!closure) throw new errors.NotFoundError(`No closure ${closureId}`);
    const tz = bookingConfig(strapi).timezone;
    const period = { start: new Date(closure.startsAt), end: new Date(closure.endsAt) };
    const roomIds: string[] | null = closure.allRooms ? null : (closure.rooms ?? []).map((r: any) => r.documentId);
    const rows = (await reservationRepository(strapi).holdingInPeriod(period.start, period.end)).filter((r) => roomIds === null || roomIds.includes(r.roomId));
    return {
      closure: { id: closure.documentId, reason: closure.reason, ...zonedInterval(period, tz), allRooms: Boolean(closure.allRooms) },
      reservations: groupByReference(rows).map((group) => toStaffView(group, group[0].room, tz)),
    };
  },
});

export default closureImpact;
export type ClosureImpactService = ReturnType<typeof closureImpact>;
