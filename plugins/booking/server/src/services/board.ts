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
import { mapInSlices } from '../utils/slices';
import { takeTurns } from '../utils/take-turns';

const KINDS: ActivityKind[] = ['course', 'event'];

/** Rooms whose items are built between two turns of the event loop. */
const ROOMS_PER_SLICE = 20;

/** Boards built at once in this process; more wait their turn (utils/take-turns.ts). */
const BOARDS_AT_ONCE = 1;

/** Items by start, each start read once; a stable sort keeps ties in the order given. */
const byStart = (items: BoardItem[]): BoardItem[] =>
  items
    .map((item) => ({ item, start: Date.parse(item.start) }))
    .sort((a, b) => a.start - b.start)
    .map(({ item }) => item);

/**
 * The front desk's board: for some days, every room (or a floor's, or one) with what is in it.
 * A fixed number of reads whatever the number of rooms or items, so a busy week of 30 rooms is one
 * quick request.
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

  const forDays = async (query: BoardQuery): Promise<GetBoard.Response['data']> => {
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

    const [sessions, reservations, closures] = await Promise.all([
      sessionRepository(strapi).inRange(period.start, period.end),
      reservationRepository(strapi).heldInPeriod(period.start, period.end),
      closureRepository(strapi).findTouching(roomIds, period.start, period.end),
    ]);
    // Not alongside the reservations: the rows of both big reads arriving together were parsed in
    // one turn of the event loop, which then kept other requests waiting for over 50 ms.
    const availability = await getService(strapi, 'availability').forRooms(rooms, query.from, query.to);
    const held = sessions.filter((s) => s.status === 'scheduled' && s.roomId !== null && inRooms.has(s.roomId));
    const [activities, enrolled] = await Promise.all([activitiesOf(held, locale), enrolledBySession(held)]);

    // Each room's items built and ordered apart, a slice of rooms at a time: a week of every
    // room is thousands of items, and building them in one go kept the CMS from other requests.
    const sessionsOf = groupBy(held, (s) => s.roomId ?? '');
    const reservationsOf = groupBy(reservations, (r) => r.roomId);
    const availabilityOf = new Map(availability.map((a) => [a.room.documentId, a]));
    const itemsOf = (roomId: string): BoardItem[] =>
      byStart([
        ...(sessionsOf.get(roomId) ?? []).map((s) => sessionItem(s, activities.get(`${s.activityKind}:${s.activityId}`), enrolled.get(s.documentId) ?? 0, tz)),
        ...(reservationsOf.get(roomId) ?? []).map((r) => reservationItem(r, tz)),
        ...closures.flatMap((c) => closureItems(c, [roomId], tz)),
        ...(availabilityOf.get(roomId)?.days ?? []).flatMap((d) => d.busy.filter((b) => b.kind === 'buffer').map((b) => bufferItem(roomId, b))),
      ]);
    // Room ids are Strapi document ids, lower-case letters and digits: code point order is the locale's.
    const items = await mapInSlices([...roomIds].sort(), ROOMS_PER_SLICE, (slice) => slice.flatMap(itemsOf));
    const free = await mapInSlices(availability, ROOMS_PER_SLICE, (slice) =>
      slice.flatMap(({ room, days }) => days.flatMap((d) => d.free.map((f) => ({ roomId: room.documentId, ...f }))))
    );

    return {
      timezone: tz,
      today: zonedDateOf(new Date(), tz),
      from: query.from,
      to: query.to,
      floors,
      rooms: rooms.map(toBoardRoom),
      choices: allRooms.map((r) => ({ slug: r.slug, name: r.name, floor: r.floor })),
      items,
      free,
    };
  };

  return {
    forDays: (query: BoardQuery): Promise<GetBoard.Response['data']> => inTurn(() => forDays(query)),
  };
};

export default board;
export type BoardService = ReturnType<typeof board>;
