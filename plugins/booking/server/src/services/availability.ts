import type { Core } from '@strapi/strapi';
import { rangeAvailability } from '../core/availability/day-availability';
import type { Hold } from '../core/reservations/conflicts';
import { addDays, dayBounds, type IsoDate } from '../core/time/zoned';
import { closureRepository, closuresOfRoom } from '../repositories/closure-repository';
import { holdRepository } from '../repositories/hold-repository';
import { roomRepository, type RoomRow } from '../repositories/room-repository';
import { hoursOfRoom, rulesOfRoom } from '../core/rules/room-rules';
import { notFound } from '../utils/errors';
import { defaultLocaleOf } from '../utils/locales';
import { bookingConfig } from '../utils/plugin-config';
import { toPublicDay } from '../views/availability';
import { centreHours } from './centre-hours';

const availability = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Free and busy times of these rooms, day by day in the centre's zone. */
  const compute = async (rooms: RoomRow[], from: IsoDate, to: IsoDate) => {
    const tz = bookingConfig(strapi).timezone;
    // A day before and after: buffers of neighbouring holds reach into the range.
    const window = { start: dayBounds(addDays(from, -1), tz).start, end: dayBounds(addDays(to, 1), tz).end };
    const ids = rooms.map((r) => r.documentId);
    const [holds, closures, hours] = await Promise.all([
      holdRepository(strapi).findTouching(ids, window.start, window.end),
      closureRepository(strapi).findTouching(ids, window.start, window.end),
      centreHours(strapi),
    ]);
    return rooms.map((room) => {
      const roomHolds: Hold[] = holds.filter((h) => h.roomId === room.documentId).map((h) => ({ start: h.start, end: h.end, kind: h.kind }));
      const days = rangeAvailability({
        from,
        to,
        tz,
        hours: hoursOfRoom(room, hours),
        closures: closuresOfRoom(closures, room.documentId),
        holds: roomHolds,
        bufferMinutes: rulesOfRoom(room).rules.bufferMinutes,
      });
      return { room, days: days.map((d) => toPublicDay(d, tz)) };
    });
  };

  const roomSummary = (room: RoomRow) => ({ id: room.documentId, slug: room.slug, name: room.name, capacity: room.capacity });

  return {
    /** Free and busy times of rooms the caller has read already (the board), with their `toPublicDay` days. */
    forRooms: compute,

    async forRoom(slug: string, from: IsoDate, to: IsoDate, locale?: string) {
      const room = await roomRepository(strapi).findBySlug(slug, locale ?? (await defaultLocaleOf(strapi)));
      if (!room) throw notFound(`No published room with slug "${slug}"`);
      const [result] = await compute([room], from, to);
      return { room: roomSummary(room), timezone: bookingConfig(strapi).timezone, days: result.days };
    },

    async forAllRooms(from: IsoDate, to: IsoDate, capacity: number | undefined, locale?: string) {
      const rooms = await roomRepository(strapi).findBookable(locale ?? (await defaultLocaleOf(strapi)), capacity);
      const results = await compute(rooms, from, to);
      return results.map(({ room, days }) => ({ room: roomSummary(room), days }));
    },
  };
};

export default availability;
export type AvailabilityService = ReturnType<typeof availability>;
