import type { Core } from '@strapi/strapi';
import { zonedInterval } from '../core/time/zoned-interval';
import { closureRepository } from '../repositories/closure-repository';
import { reservationRepository } from '../repositories/reservation-repository';
import { notFound } from '../utils/errors';
import { bookingConfig } from '../utils/plugin-config';
import { groupByReference, toStaffView } from '../views/reservation-view';

/**
 * A closure blocks new requests; reservations already made for that time stay, and staff see them
 * here to call or mail the people concerned.
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
});

export default closureImpact;
export type ClosureImpactService = ReturnType<typeof closureImpact>;
