import type { BoardItem, GetBoard } from '../../../shared/contracts/board';
import type { DayAvailability } from '../core/availability/day-availability';
import { zonedInterval } from '../core/time/zoned-interval';
import type { ActivityRow } from '../repositories/activity-repository';
import type { ClosureRow } from '../repositories/closure-repository';
import type { HeldReservation } from '../repositories/reservation-table';
import type { SessionRow } from '../repositories/session-repository';
import { mapInSlices } from '../utils/slices';
import { bufferItem, closureItems, reservationItem, sessionItem } from './board-items';

/** Rooms laid out between two turns of the event loop: a week of 20 busy rooms is a few milliseconds. */
const ROOMS_PER_SLICE = 20;

export interface BoardRowsInput {
  /** The rooms shown, in the editors' order. */
  roomIds: string[];
  /** Scheduled sessions in those rooms. */
  sessions: SessionRow[];
  /** Activities by `kind:documentId`, and people enrolled by session. */
  activities: Map<string, ActivityRow>;
  enrolled: Map<string, number>;
  /** Held reservations of any room: those of other rooms are left out. */
  reservations: HeldReservation[];
  closures: ClosureRow[];
  /** Each shown room's days, in the rooms' order. */
  availability: Array<{ roomId: string; days: DayAvailability[] }>;
  tz: string;
}

type BoardRows = Pick<GetBoard.Response['data'], 'items' | 'free'>;

const groupByRoom = <T>(rows: T[], roomOf: (row: T) => string | null): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const roomId = roomOf(row);
    if (roomId === null) continue;
    let group = groups.get(roomId);
    if (!group) groups.set(roomId, (group = []));
    group.push(row);
  }
  return groups;
};

/**
 * The board's items (room by room in id order, each room's by start) and free times (rooms in the
 * editors' order, then by day), a slice of rooms at a time: a week of every room's bookings would
 * otherwise be laid out, formatted and sorted in one go, keeping the CMS from everything else.
 * Rows are grouped by room once, so a room costs its own rows, not every room's.
 */
export const boardRows = async (input: BoardRowsInput): Promise<BoardRows> => {
  const { roomIds, activities, enrolled, tz } = input;
  const shown = new Set(roomIds);
  const sessions = groupByRoom(input.sessions, (s) => s.roomId);
  const reservations = groupByRoom(input.reservations, (r) => (shown.has(r.roomId) ? r.roomId : null));
  const days = new Map(input.availability.map((a) => [a.roomId, a.days]));

  const itemsOf = (roomId: string): BoardItem[] => {
    const items = [
      ...(sessions.get(roomId) ?? []).map((s) => sessionItem(s, activities.get(`${s.activityKind}:${s.activityId}`), enrolled.get(s.documentId) ?? 0, tz)),
      ...(reservations.get(roomId) ?? []).map((r) => reservationItem(r, tz)),
      ...input.closures.flatMap((c) => closureItems(c, [roomId], tz)),
      ...(days.get(roomId) ?? []).flatMap((d) => d.busy.filter((b) => b.kind === 'buffer').map((b) => bufferItem(roomId, zonedInterval(b, tz)))),
    ];
    // Parsed once each, not at every comparison; the sort is stable, so equal starts keep the order above.
    const starts = new Map(items.map((item) => [item, Date.parse(item.start)]));
    return items.sort((a, b) => starts.get(a)! - starts.get(b)!);
  };

  const byId = [...roomIds].sort((a, b) => a.localeCompare(b));
  const items = await mapInSlices(byId, ROOMS_PER_SLICE, (slice) => slice.flatMap(itemsOf));
  const free = await mapInSlices(input.availability, ROOMS_PER_SLICE, (slice) =>
    slice.flatMap(({ roomId, days: roomDays }) => roomDays.flatMap((d) => d.free.map((f) => ({ roomId, ...zonedInterval(f, tz) }))))
  );
  return { items, free };
};
