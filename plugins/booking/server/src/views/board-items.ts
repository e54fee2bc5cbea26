import type { BoardItem, BoardRoom } from '../../../shared/contracts/board';
import { rulesOfRoom } from '../core/rules/room-rules';
import { zonedInterval } from '../core/time/zoned-interval';
import type { ActivityRow } from '../repositories/activity-repository';
import type { ClosureRow } from '../repositories/closure-repository';
import type { HeldReservation } from '../repositories/reservation-table';
import type { RoomRow } from '../repositories/room-repository';
import type { SessionRow } from '../repositories/session-repository';

/** Rows shaped as the board shows them to staff: what, who for, how many, and the ids its actions need. */

export const toBoardRoom = (room: RoomRow): BoardRoom => ({
  id: room.documentId,
  slug: room.slug,
  name: room.name,
  floor: room.floor,
  capacity: room.capacity,
  bookable: room.bookable !== false,
  slotMinutes: rulesOfRoom(room).rules.slotMinutes,
});

export const sessionItem = (s: SessionRow, activity: ActivityRow | undefined, enrolled: number, tz: string): BoardItem => ({
  kind: 'session',
  status: s.status,
  ...zonedInterval(s, tz),
  roomId: s.roomId ?? '',
  label: activity?.title ?? s.activityId,
  who: activity?.organiser ?? null,
  count: enrolled,
  capacity: s.capacity ?? activity?.capacity ?? null,
  ids: { session: s.documentId, activity: s.activityId, activityKind: s.activityKind },
});

export const reservationItem = (r: HeldReservation, tz: string): BoardItem => ({
  kind: 'reservation',
  status: r.status,
  ...zonedInterval(r, tz),
  roomId: r.roomId,
  label: r.purpose,
  who: r.organization ?? r.contactName,
  count: r.attendees,
  capacity: null,
  ids: { reservation: r.documentId, reference: r.reference },
  contact: { name: r.contactName, phone: r.phone, email: r.email, notifyBy: r.notifyBy, organization: r.organization },
  overrideReason: r.overrideReason,
  source: r.source,
});

/** A closure on each room it applies to (null roomIds: all of them). */
export const closureItems = (c: ClosureRow, roomIds: string[], tz: string): BoardItem[] =>
  roomIds
    .filter((id) => c.roomIds === null || c.roomIds.includes(id))
    .map((roomId) => ({ kind: 'closure', status: 'closed', ...zonedInterval(c, tz), roomId, label: c.reason, who: null, count: null, capacity: null, ids: { closure: c.id } }));

export const bufferItem = (roomId: string, interval: { start: string; end: string }): BoardItem => ({
  kind: 'buffer',
  status: 'buffer',
  ...interval,
  roomId,
  label: '',
  who: null,
  count: null,
  capacity: null,
  ids: {},
});
