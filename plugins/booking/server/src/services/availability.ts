import type { Core } from '@strapi/strapi';
import type { DayAvailability } from '../core/availability/day-availability';
import { roomsAvailability } from '../core/availability/rooms-availability';
import { addDays, dayBounds, type IsoDate } from '../core/time/zoned';
import { closureRepository } from '../repositories/closure-repository';
import { holdRepository } from '../repositories/hold-repository';
import { roomRepository, type RoomRow } from '../repositories/room-repository';
import { notFound } from '../utils/errors';
import { mapInSlices } from '../utils/slices';
import { defaultLocaleOf } from '../utils/locales';
import { bookingConfig } from '../utils/plugin-config';
import { toPublicDay, type PublicDay } from '../views/availability';
import { compactDays, compactMeta } from '../views/compact-availability';
import { centreHours } from './centre-hours';

/** Rooms computed between two turns of the event loop: a few milliseconds of work each. */
const ROOMS_PER_SLICE = 20;

const availability = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Free and busy times of these rooms, day by day in the centre's zone, handed to `build` a slice of
   * rooms at a time as soon as they are known: every room's week does not block the CMS in one go,
   * and what `build` makes of a slice need not outlive it.
   */
  const compute = async <V>(rooms: RoomRow[], from: IsoDate, to: IsoDate, build: (slice: Array<{ room: RoomRow; days: DayAvailability[] }>) => V[] | Promise<V[]>): Promise<V[]> => {
    const tz = bookingConfig(strapi).timezone;
    // A day before and after: buffers of neighbouring holds reach into the range.
    const window = { start: dayBounds(addDays(from, -1), tz).start, end: dayBounds(addDays(to, 1), tz).end };
    const ids = rooms.map((r) => r.documentId);
    const [closures, hours] = await Promise.all([closureRepository(strapi).findTouching(ids, window.start, window.end), centreHours(strapi)]);
    // Each slice reads its own rooms' holds: read for every room at once, thousands of rows lived
    // through all the slices, long enough for V8 to move them (and from then on every row the
    // database driver parses) to the old generation, whose collections then stopped the CMS.
    // (So a booking moved between two rooms of different slices while this runs may show in both
    // or neither; the next data version's answer shows it once.)
    return mapInSlices(rooms, ROOMS_PER_SLICE, async (slice) => {
      const holds = await holdRepository(strapi).findTouching(slice.map((r) => r.documentId), window.start, window.end);
      return build(roomsAvailability({ rooms: slice, holds, closures, centreHours: hours, from, to, tz }));
    });
  };

  const roomSummary = (room: RoomRow) => ({ id: room.documentId, slug: room.slug, name: room.name, capacity: room.capacity });

  return {
    /**
     * Free and busy times of rooms the caller has read already (the board), with their `toPublicDay`
     * days, a slice of rooms at a time for `build` to make its part of an answer from.
     */
    async forRooms<V>(rooms: RoomRow[], from: IsoDate, to: IsoDate, build: (slice: Array<{ room: RoomRow; days: PublicDay[] }>) => V[] | Promise<V[]>): Promise<V[]> {
      const tz = bookingConfig(strapi).timezone;
      return compute(rooms, from, to, (slice) => build(slice.map(({ room, days }) => ({ room, days: days.map((d) => toPublicDay(d, tz)) }))));
    },

    async forRoom(slug: string, from: IsoDate, to: IsoDate, locale?: string) {
      const room = await roomRepository(strapi).findBySlug(slug, locale ?? (await defaultLocaleOf(strapi)));
      if (!room) throw notFound(`No published room with slug "${slug}"`);
      const tz = bookingConfig(strapi).timezone;
      const [days] = await compute([room], from, to, (slice) => slice.map((result) => result.days.map((d) => toPublicDay(d, tz))));
      return { room: roomSummary(room), timezone: tz, days };
    },

    /** Every bookable room in the compact form (views/compact-availability.ts): `rooms` are the answer's data, `meta` how to read it. */
    async forAllRooms(from: IsoDate, to: IsoDate, capacity: number | undefined, locale?: string) {
      const tz = bookingConfig(strapi).timezone;
      const rooms = await roomRepository(strapi).findBookable(locale ?? (await defaultLocaleOf(strapi)), capacity);
      const summaries = await compute(rooms, from, to, (slice) => slice.map(({ room, days }) => ({ room: roomSummary(room), days: compactDays(days, tz) })));
      return { rooms: summaries, meta: compactMeta(from, to, tz) };
    },
  };
};

export default availability;
export type AvailabilityService = ReturnType<typeof availability>;
