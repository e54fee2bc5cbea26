/**
 * What the foyer screen shows at an instant: the activities on now, the next ones, and the rooms
 * free now. Pure, so the page computes it at build time and its island every minute in the browser.
 * Only titles, times and room names go in: the public API carries no one's details, and
 * reservations reach the screen only as a room that is not free.
 */

export interface ScreenSession {
  id: string;
  start: string;
  end: string;
  status: 'scheduled' | 'cancelled';
  movedToRoom?: { name: string } | null;
  activity: { title: string; room: { name: string } | null; location: string | null };
}

export interface ScreenRoomAvailability {
  room: { slug: string; name: string };
  days: Array<{ date: string; free: Array<{ start: string; end: string }> }>;
}

export interface BoardItem {
  id: string;
  title: string;
  /** ISO with the centre's offset, as the API gives it. */
  start: string;
  end: string;
  where: string;
  cancelled: boolean;
}

export interface FreeRoom {
  slug: string;
  name: string;
  /** ISO with the centre's offset: when the room stops being free (a booking, a session or closing time). */
  until: string;
}

export interface Board {
  current: BoardItem[];
  next: BoardItem[];
  free: FreeRoom[];
}

/** How many activities fit on a 1920×1080 screen in type readable from across the foyer. */
export const ACTIVITY_ROWS = 6;

const itemOf = (s: ScreenSession): BoardItem => ({
  id: s.id,
  title: s.activity.title,
  start: s.start,
  end: s.end,
  where: s.movedToRoom?.name ?? s.activity.room?.name ?? s.activity.location ?? '',
  cancelled: s.status === 'cancelled',
});

export const boardAt = (now: number, sessions: ScreenSession[], rooms: ScreenRoomAvailability[], rows = ACTIVITY_ROWS): Board => {
  const sorted = [...sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  // A cancelled session is not "on now", but stays in "next" so nobody comes for it in vain.
  const current = sorted.filter((s) => s.status !== 'cancelled' && Date.parse(s.start) <= now && now < Date.parse(s.end)).map(itemOf);
  const next = sorted
    .filter((s) => Date.parse(s.start) > now)
    .slice(0, Math.max(2, rows - current.length))
    .map(itemOf);
  const free = rooms.flatMap(({ room, days }) => {
    const stretch = days.flatMap((d) => d.free).find((f) => Date.parse(f.start) <= now && now < Date.parse(f.end));
    return stretch ? [{ slug: room.slug, name: room.name, until: stretch.end }] : [];
  });
  return { current: current.slice(0, rows), next, free };
};
