import type { WeeklyHours } from '../hours/opening-hours';
import type { Hold } from '../reservations/conflicts';
import { hoursOfRoom, rulesOfRoom, type RoomRuleFields } from '../rules/room-rules';
import type { Interval } from '../time/intervals';
import type { IsoDate } from '../time/zoned';
import { rangeAvailability, type DayAvailability } from './day-availability';

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
  return rooms.map((room) => ({
    room,
    days: rangeAvailability({
      from,
      to,
      tz,
      hours: hoursOfRoom(room, centreHours),
      closures: everyRoom.length === closures.length ? closures : closures.filter((c) => c.roomIds === null || c.roomIds.includes(room.documentId)),
      holds: holdsByRoom.get(room.documentId) ?? [],
      bufferMinutes: rulesOfRoom(room).rules.bufferMinutes,
    }),
  }));
}
