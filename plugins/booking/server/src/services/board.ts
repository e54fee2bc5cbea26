import type { Core } from '@strapi/strapi';
import type { BoardItem, GetBoard } from '../../../shared/contracts/board';
import { groupBy } from '../core/collections/group-by';
import { dayBounds, zonedDateOf } from '../core/time/zoned';
import { activityRepository, type ActivityKind, type ActivityRow } from '../repositories/activity-repository';
import { closureRepository } from '../repositories/closure-repository';
import { enrolmentRepository } from '../repositories/enrolment-repository';
import { reservationRepository } from '../repositories/reservation-repository';
import { roomRepository } from '../repositories/room-repository';
import { sessionRepository, type SessionRow } from '../repositories/session-repository';
import type { BoardQuery } from '../schemas/board';
import { validationError } from '../utils/errors';
import { defaultLocaleOf } from '../utils/locales';
import { bookingConfig } from '../utils/plugin-config';
import { bufferItem, closureItems, reservationItem, sessionItem, toBoardRoom } from '../views/board-items';
import { getService } from '../utils/get-service';
import { withPhonesMasked } from '../utils/contact-exposure';
import { JsonArray, jsonRows } from '../utils/json-stream';
import { takeTurns } from '../utils/take-turns';

const KINDS: ActivityKind[] = ['course', 'event'];

/** Boards built at once in this process; more wait their turn (utils/take-turns.ts). */
const BOARDS_AT_ONCE = 1;

type BoardData = GetBoard.Response['data'];

/** What `GET /booking/board` sends as `data`, its two long lists (`items`, `free`) written ahead as JSON. */
export type BoardAnswer = Omit<BoardData, 'items' | 'free'> & { items: JsonArray<BoardItem>; free: JsonArray<BoardData['free'][number]> };

export interface BoardOptions {
  /** Show callers' phones masked (138****8000): the reader's role may not see them in full. */
  maskPhones: boolean;
}

/** Items by start, each start read once; a stable sort keeps ties in the order given. */
const byStart = (items: BoardItem[]): BoardItem[] =>
  items
    .map((item) => ({ item, start: Date.parse(item.start) }))
    .sort((a, b) => a.start - b.start)
    .map(({ item }) => item);

/**
 * The front desk's board: for some days, every room (or a floor's, or one) with what is in it.
 * A fixed number of reads, and two more for each slice of twenty rooms, whatever the number of
 * items, so a busy week of 30 rooms is one quick request.
 */
const board = ({ strapi }: { strapi: Core.Strapi }) => {
  const inTurn = takeTurns(BOARDS_AT_ONCE);

  /** People with a confirmed place at each session: the term's enrolments count at every session. */
  const enrolledBySession = async (sessions: SessionRow[]): Promise<Map<string, number>> => {
    const counts = new Map<string, number>();
    for (const kind of KINDS) {
      const ids = [...new Set(sessions.filter((s) => s.activityKind === kind).map((s) => s.activityId))];
      const term = new Map<string, number>();
      const own = new Map<string, number>();
      for (const e of await enrolmentRepository(strapi).forActivities(kind, ids)) {
        if (e.status !== 'confirmed') continue;
        if (e.sessionId === null) term.set(e.activityId, (term.get(e.activityId) ?? 0) + e.people);
        else own.set(e.sessionId, (own.get(e.sessionId) ?? 0) + e.people);
      }
      for (const s of sessions.filter((x) => x.activityKind === kind)) counts.set(s.documentId, (term.get(s.activityId) ?? 0) + (own.get(s.documentId) ?? 0));
    }
    return counts;
  };

  const activitiesOf = async (sessions: SessionRow[], locale: string | undefined): Promise<Map<string, ActivityRow>> => {
    const found = new Map<string, ActivityRow>();
    for (const kind of KINDS) {
      const ids = sessions.filter((s) => s.activityKind === kind).map((s) => s.activityId);
      const rows = await activityRepository(strapi).findByIds(kind, ids, [{ locale, status: 'published' }, { locale, status: 'draft' }]);
      for (const [id, row] of rows) found.set(`${kind}:${id}`, row);
    }
    return found;
  };

  const forDays = async (query: BoardQuery, { maskPhones }: BoardOptions): Promise<BoardAnswer> => {
    const { timezone: tz } = bookingConfig(strapi);
    const locale = await defaultLocaleOf(strapi);
    const allRooms = await roomRepository(strapi).findPublished(locale);
    const floors = [...new Set(allRooms.map((r) => r.floor).filter((f): f is number => f !== null))].sort((a, b) => a - b);
    const problems = [
      ...(query.floor !== undefined && !floors.includes(query.floor) ? [{ path: 'floor', message: `no room is on floor ${query.floor}` }] : []),
      ...(query.room !== undefined && !allRooms.some((r) => r.slug === query.room) ? [{ path: 'room', message: `there is no room "${query.room}"` }] : []),
    ];
    if (problems.length > 0) throw validationError(problems);

    const rooms = allRooms.filter((r) => (query.floor === undefined || r.floor === query.floor) && (query.room === undefined || r.slug === query.room));
    const roomIds = rooms.map((r) => r.documentId);
    const inRooms = new Set(roomIds);
    const period = { start: dayBounds(query.from, tz).start, end: dayBounds(query.to, tz).end };

    const [sessions, heldRefs, closures] = await Promise.all([
      sessionRepository(strapi).inRange(period.start, period.end),
      reservationRepository(strapi).heldRefsInPeriod(period.start, period.end),
      closureRepository(strapi).findTouching(roomIds, period.start, period.end),
    ]);
    const held = sessions.filter((s) => s.status === 'scheduled' && s.roomId !== null && inRooms.has(s.roomId));
    const [activities, enrolled] = await Promise.all([activitiesOf(held, locale), enrolledBySession(held)]);
    const sessionsOf = groupBy(held, (s) => s.roomId ?? '');
    const refsOf = groupBy(heldRefs, (r) => r.roomId);

    // A slice of rooms at a time (services/availability.ts): the slice's reservations read, its
    // rooms' items and free times built and written as JSON, before the next. A week of every room
    // is thousands of items and rows; read and built all at once, they lived long enough to be moved
    // to the old generation, whose collections then kept the CMS from other requests. Which
    // reservations each room has is read at once: the table has no room column, and a read per
    // slice of rooms cost the database the whole period's rows each time.
    const built = await getService(strapi, 'availability').forRooms(rooms, query.from, query.to, async (slice) => {
      const reservations = await reservationRepository(strapi).heldRows(
        slice.flatMap(({ room }) => refsOf.get(room.documentId) ?? []),
        period.start,
        period.end
      );
      const reservationsOf = groupBy(reservations, (r) => r.roomId);
      return slice.map(({ room, days }) => {
        const roomId = room.documentId;
        const items = byStart([
          ...(sessionsOf.get(roomId) ?? []).map((s) => sessionItem(s, activities.get(`${s.activityKind}:${s.activityId}`), enrolled.get(s.documentId) ?? 0, tz)),
          ...(reservationsOf.get(roomId) ?? []).map((r) => reservationItem(r, tz)),
          ...closures.flatMap((c) => closureItems(c, [roomId], tz)),
          ...days.flatMap((d) => d.busy.filter((b) => b.kind === 'buffer').map((b) => bufferItem(roomId, b))),
        ]);
        return {
          room: toBoardRoom(room),
          items: jsonRows(maskPhones ? withPhonesMasked(items) : items),
          free: jsonRows(days.flatMap((d) => d.free.map((f) => ({ roomId, ...f })))),
        };
      });
    });
    // Room ids are Strapi document ids, lower-case letters and digits: code point order is the locale's.
    const byRoomId = [...built].sort((a, b) => (a.room.id < b.room.id ? -1 : a.room.id > b.room.id ? 1 : 0));

    return {
      timezone: tz,
      today: zonedDateOf(new Date(), tz),
      from: query.from,
      to: query.to,
      floors,
      rooms: built.map((b) => b.room),
      choices: allRooms.map((r) => ({ slug: r.slug, name: r.name, floor: r.floor })),
      items: new JsonArray(byRoomId.map((b) => b.items)),
      free: new JsonArray(built.map((b) => b.free)),
    };
  };

  return {
    /** The board of these days, items and free times written as JSON ahead (utils/json-stream.ts); `jsonStream` writes it out. */
    forDays: (query: BoardQuery, options: BoardOptions): Promise<BoardAnswer> => inTurn(() => forDays(query, options)),
  };
};

export default board;
export type BoardService = ReturnType<typeof board>;
