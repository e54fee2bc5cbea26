import fc from 'fast-check';
import { rangeAvailability } from '../../../../../../../plugins/booking/server/src/core/availability/day-availability';
import { roomsAvailability, type RoomHold, type RoomsClosure } from '../../../../../../../plugins/booking/server/src/core/availability/rooms-availability';
import { DEFAULT_CENTRE_HOURS, WEEKDAYS, type WeeklyHours } from '../../../../../../../plugins/booking/server/src/core/hours/opening-hours';
import type { Hold } from '../../../../../../../plugins/booking/server/src/core/reservations/conflicts';
import { hoursOfRoom, rulesOfRoom, type RoomRuleFields } from '../../../../../../../plugins/booking/server/src/core/rules/room-rules';
import { addDays, dayBounds, type IsoDate } from '../../../../../../../plugins/booking/server/src/core/time/zoned';
import { toPublicDay } from '../../../../../../../plugins/booking/server/src/views/availability';
import { compactDays, compactMeta } from '../../../../../../../plugins/booking/server/src/views/compact-availability';
import { expandAvailability } from '../../../../../../../site/src/lib/room-availability';

interface Room extends RoomRuleFields {
  documentId: string;
  slug: string;
}

/**
 * The all-rooms availability as it was before it was made fast and compact (services/availability.ts
 * at 0008d24): every room filtered every hold, and every day went out in the full form.
 */
const before = (rooms: Room[], holds: RoomHold[], closures: RoomsClosure[], centreHours: WeeklyHours, from: IsoDate, to: IsoDate, tz: string) =>
  rooms.map((room) => {
    const roomHolds: Hold[] = holds.filter((h) => h.roomId === room.documentId).map((h) => ({ start: h.start, end: h.end, kind: h.kind }));
    const days = rangeAvailability({
      from,
      to,
      tz,
      hours: hoursOfRoom(room, centreHours),
      closures: closures.filter((c) => c.roomIds === null || c.roomIds.includes(room.documentId)),
      holds: roomHolds,
      bufferMinutes: rulesOfRoom(room).rules.bufferMinutes,
    });
    return { room, days: days.map((d) => toPublicDay(d, tz)) };
  });

/** Now: grouped in one pass, sent compact, and read back as the site reads it. */
const after = (rooms: Room[], holds: RoomHold[], closures: RoomsClosure[], centreHours: WeeklyHours, from: IsoDate, to: IsoDate, tz: string) => {
  const results = roomsAvailability({ rooms, holds, closures, centreHours, from, to, tz });
  const answer = { data: results.map(({ room, days }) => ({ room, days: compactDays(days, tz) })), meta: compactMeta(from, to, tz) };
  return { full: results.map(({ room, days }) => ({ room, days: days.map((d) => toPublicDay(d, tz)) })), wire: JSON.stringify(answer) };
};

const MINUTE = 60_000;
const ZONES = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC'];
// Weeks around the DST changes of 2026 (Europe 29 March / 25 October, America 8 March / 1 November) and an ordinary one.
const STARTS: IsoDate[] = ['2026-03-06', '2026-03-26', '2026-10-22', '2026-10-30', '2026-12-07'];
const ALL_DAY: WeeklyHours = Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '23:59' }]]));
const EARLY: WeeklyHours = { mon: [{ start: '01:00', end: '04:00' }, { start: '06:30', end: '12:00' }], sat: [{ start: '02:00', end: '03:30' }] };
const HOURS = [null, DEFAULT_CENTRE_HOURS, ALL_DAY, EARLY, { mon: [{ start: '22:00', end: '08:00' }] } /* invalid: the centre's apply */];

const scenario = fc
  .record({
    tz: fc.constantFrom(...ZONES),
    start: fc.constantFrom(...STARTS),
    dayOffset: fc.integer({ min: 0, max: 4 }),
    days: fc.integer({ min: 1, max: 14 }),
    centreHours: fc.constantFrom(DEFAULT_CENTRE_HOURS, ALL_DAY, EARLY),
    rooms: fc.array(
      fc.record({
        hours: fc.constantFrom(...HOURS),
        // A broken rule set (maximum below minimum) falls back to the defaults.
        rules: fc.constantFrom({}, { bufferMinutes: 0 }, { bufferMinutes: 15 }, { bufferMinutes: 45 }, { minMinutes: 120, maxMinutes: 60, bufferMinutes: 30 }),
      }),
      { minLength: 1, maxLength: 5 }
    ),
    holds: fc.array(
      fc.record({
        room: fc.integer({ min: 0, max: 5 }), // 5: a room not asked for
        kind: fc.constantFrom<Hold['kind']>('reservation', 'course', 'event'),
        // Minutes from the day before the range; now and then a time with seconds.
        at: fc.integer({ min: 0, max: 17 * 24 * 60 }),
        seconds: fc.constantFrom(0, 0, 0, 30, 59),
        minutes: fc.constantFrom(0, 15, 30, 60, 90, 180, 600, 1500),
      }),
      { maxLength: 60 }
    ),
    closures: fc.array(
      fc.record({ rooms: fc.option(fc.subarray([0, 1, 2, 3, 4, 5]), { nil: null }), at: fc.integer({ min: 0, max: 17 * 24 * 60 }), minutes: fc.integer({ min: 1, max: 3 * 24 * 60 }) }),
      { maxLength: 4 }
    ),
  })
  .map(({ tz, start, dayOffset, days, centreHours, rooms, holds, closures }) => {
    const from = addDays(start, dayOffset);
    const to = addDays(from, days - 1);
    const origin = dayBounds(addDays(from, -1), tz).start.getTime();
    const id = (i: number) => `room-${i}`;
    const roomList: Room[] = rooms.map((r, i) => ({ documentId: id(i), slug: id(i), openingHours: r.hours, ...r.rules }));
    const holdList: RoomHold[] = holds
      .map((h) => {
        const s = origin + h.at * MINUTE + h.seconds * 1000;
        return { roomId: id(h.room), kind: h.kind, start: new Date(s), end: new Date(s + h.minutes * MINUTE) };
      })
      .sort((a, b) => a.start.getTime() - b.start.getTime()); // as the repository reads them
    const closureList: RoomsClosure[] = closures.map((c) => ({
      roomIds: c.rooms === null ? null : c.rooms.map(id),
      start: new Date(origin + c.at * MINUTE),
      end: new Date(origin + (c.at + c.minutes) * MINUTE),
    }));
    return { tz, from, to, centreHours, rooms: roomList, holds: holdList, closures: closureList };
  });

describe('all-rooms availability, fast and compact', () => {
  it('says exactly what the old implementation said, in DST zones, with closures, buffers, holds of every kind and own hours', () => {
    fc.assert(
      fc.property(scenario, ({ tz, from, to, centreHours, rooms, holds, closures }) => {
        const old = before(rooms, holds, closures, centreHours, from, to, tz);
        const { full, wire } = after(rooms, holds, closures, centreHours, from, to, tz);
        // The one-room answer and the board keep the full form: unchanged.
        expect(full).toEqual(old);
        // The all-rooms answer, read back as the site reads it, has everything the full form had.
        expect(expandAvailability(JSON.parse(wire))).toEqual(old);
      }),
      { numRuns: 60 }
    );
  });

  it("shows the buffer of a hold starting just after midnight at the end of the day before, and of one ending just before it at the start of the day after", () => {
    const tz = 'Europe/Berlin';
    const from = '2026-10-24'; // the night before the clocks go back
    const to = addDays(from, 2);
    const rooms: Room[] = [{ documentId: 'hall', slug: 'hall', openingHours: ALL_DAY, bufferMinutes: 30 }];
    const endOfFirst = dayBounds(from, tz).end.getTime();
    const startOfLast = dayBounds(to, tz).start.getTime();
    const holds: RoomHold[] = [
      { roomId: 'hall', kind: 'reservation', start: new Date(endOfFirst + 20 * MINUTE), end: new Date(endOfFirst + 80 * MINUTE) },
      { roomId: 'hall', kind: 'course', start: new Date(startOfLast - 90 * MINUTE), end: new Date(startOfLast - 10 * MINUTE) },
    ];
    const old = before(rooms, holds, [], DEFAULT_CENTRE_HOURS, from, to, tz);
    expect(old[0].days[0].busy).toEqual([expect.objectContaining({ kind: 'buffer' })]);
    expect(old[0].days[2].busy).toEqual([expect.objectContaining({ kind: 'buffer' })]);
    expect(after(rooms, holds, [], DEFAULT_CENTRE_HOURS, from, to, tz).full).toEqual(old);
  });

  it('keeps 200 rooms with three bookings a day for a week under 200 KiB', () => {
    const tz = 'Asia/Shanghai';
    const from = '2026-12-07';
    const to = addDays(from, 6);
    const rooms: Room[] = Array.from({ length: 200 }, (_, i) => ({ documentId: `r${String(i).padStart(23, 'x')}`, slug: `room-${i}`, openingHours: ALL_DAY }));
    const holds: RoomHold[] = rooms.flatMap((room, r) =>
      Array.from({ length: 7 * 3 }, (_, k) => {
        const day = dayBounds(addDays(from, Math.floor(k / 3)), tz).start.getTime();
        const start = day + (8 * 60 + (k % 3) * 270 + ((r * 7 + k * 13) % 60)) * MINUTE;
        return { roomId: room.documentId, kind: 'reservation' as const, start: new Date(start), end: new Date(start + 97 * MINUTE) };
      })
    );
    const results = roomsAvailability({ rooms, holds, closures: [], centreHours: DEFAULT_CENTRE_HOURS, from, to, tz });
    // Rooms as the API sums them up: a document id, slug, name and capacity.
    const data = results.map(({ room, days }) => ({ room: { id: room.documentId, slug: room.slug, name: `功能室 ${room.slug}`, capacity: 20 }, days: compactDays(days, tz) }));
    const wire = JSON.stringify({ data, meta: compactMeta(from, to, tz) });
    expect(Buffer.byteLength(wire)).toBeLessThan(200 * 1024);
  });
});
