import type { WeeklyHours } from '../hours/opening-hours';
import type { Hold } from '../reservations/conflicts';
import { hoursOfRoom, rulesOfRoom, type RoomRuleFields } from '../rules/room-rules';
import type { Interval } from '../time/intervals';

const MS_PER_MINUTE = 60_000;
import { datesInRange, dayBounds, type IsoDate } from '../time/zoned';
import { dayAvailability, type DayAvailability } from './day-availability';

export interface AvailabilityRoom extends RoomRuleFields {
  documentId: string;
}

export interface RoomHold extends Hold {
  roomId: string;
}

export interface RoomsClosure extends Interval {
  /** null: every room. */
  roomIds: string[] | null;
}

export interface RoomsAvailabilityInput<R extends AvailabilityRoom> {
  rooms: R[];
  /** Holds of any of the rooms, in any order; those of other rooms are ignored. */
  holds: RoomHold[];
  closures: RoomsClosure[];
  centreHours: WeeklyHours;
  from: IsoDate;
  to: IsoDate;
  tz: string;
}

/**
 * Day by day availability of many rooms at once. Holds are grouped by room in one pass (not
 * filtered once per room), so two hundred rooms cost about what their holds cost.
 */
export function roomsAvailability<R extends AvailabilityRoom>(input: RoomsAvailabilityInput<R>): Array<{ room: R; days: DayAvailability[] }> {
  const { rooms, holds, closures, centreHours, from, to, tz } = input;
  const holdsByRoom = new Map<string, Hold[]>();
  for (const h of holds) {
    let list = holdsByRoom.get(h.roomId);
    if (!list) holdsByRoom.set(h.roomId, (list = []));
    list.push({ start: h.start, end: h.end, kind: h.kind });
  }
  const everyRoom = closures.filter((c) => c.roomIds === null);
  const days = datesInRange(from, to).map((date) => {
    const { start, end } = dayBounds(date, tz);
    return { date, start: start.getTime(), end: end.getTime() };
  });
  // Checking a room's own hours is most of a room's cost, and most rooms share theirs.
  const hoursByText = new Map<string, WeeklyHours>();
  const hoursOf = (room: R): WeeklyHours => {
    if (room.openingHours === null || room.openingHours === undefined) return centreHours;
    const text = JSON.stringify(room.openingHours);
    let hours = hoursByText.get(text);
    if (!hours) hoursByText.set(text, (hours = hoursOfRoom(room, centreHours)));
    return hours;
  };
  return rooms.map((room) => {
    const hours = hoursOf(room);
    const roomClosures = everyRoom.length === closures.length ? closures : closures.filter((c) => c.roomIds === null || c.roomIds.includes(room.documentId));
    const roomHolds = holdsByRoom.get(room.documentId) ?? [];
    const bufferMinutes = rulesOfRoom(room).rules.bufferMinutes;
    const reach = bufferMinutes * MS_PER_MINUTE;
    // Each day is given only the holds whose buffered time meets it (the rest would all be clipped
    // away): a room's week then costs its holds once, not once a day.
    return {
      room,
      days: days.map((day) =>
        dayAvailability({
          date: day.date,
          tz,
          hours,
          closures: roomClosures,
          holds: roomHolds.filter((h) => h.start.getTime() - reach <= day.end && h.end.getTime() + reach >= day.start),
          bufferMinutes,
        })
      ),
    };
  });
}
