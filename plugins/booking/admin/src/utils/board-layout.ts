import { TZDate } from '@date-fns/tz';
import { addDays, addMinutes, differenceInMinutes, format, startOfISOWeek } from 'date-fns';

/**
 * Where things go on the front desk's board: days of a view, an item's columns on a day's
 * timeline, lanes for items that overlap, and the times a free stretch offers. Every clock reading
 * is in the centre's zone (`tz`), whatever the browser's zone is.
 */

/** Anything with a start and an end, as the API writes them (ISO 8601 with the centre's offset). */
export interface Stretch {
  start: string;
  end: string;
}

export type BoardView = 'day' | 'week';

const parseDate = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
};

/** Midnight starting `date` (YYYY-MM-DD) on the centre's clock. */
const midnight = (date: string, tz: string) => {
  const { year, month, day } = parseDate(date);
  return new TZDate(year, month - 1, day, tz);
};

/** The calendar date `days` after `date` (a date has no zone: counted on UTC, which has no DST). */
export const shiftDate = (date: string, days: number): string => {
  const { year, month, day } = parseDate(date);
  return format(addDays(new TZDate(year, month - 1, day, 'UTC'), days), 'yyyy-MM-dd');
};

/** The dates a view shows: the day itself, or Monday to Sunday of its week. */
export const datesOfView = (view: BoardView, anchor: string): string[] => {
  if (view === 'day') return [anchor];
  const { year, month, day } = parseDate(anchor);
  const monday = format(startOfISOWeek(new TZDate(year, month - 1, day, 'UTC')), 'yyyy-MM-dd');
  return Array.from({ length: 7 }, (_, i) => shiftDate(monday, i));
};

/** How far a view moves with "previous" and "next". */
export const stepOf = (view: BoardView): number => (view === 'day' ? 1 : 7);

/** 'HH:mm' on the centre's clock. */
export const clockOf = (iso: string, tz: string): string => format(new TZDate(iso, tz), 'HH:mm');

/** An instant as the API takes it: the centre's wall clock with its offset. */
export const isoInZone = (d: Date, tz: string): string => format(new TZDate(d.getTime(), tz), "yyyy-MM-dd'T'HH:mm:ssXXX");

/** Minutes from midnight starting `date` to the instant (negative before it, past 1440 after it). */
export const minutesIntoDay = (iso: string, date: string, tz: string): number => differenceInMinutes(new TZDate(iso, tz), midnight(date, tz));

/** The part of a day's timeline a day view shows, in minutes since midnight, cut into `slot`-minute columns. */
export interface DayWindow {
  from: number;
  to: number;
  slot: number;
}

/** 08:00–22:00, widened to whole hours so that nothing touching the day falls outside. */
export const dayWindow = (stretches: Stretch[], date: string, tz: string, slot = 30): DayWindow => {
  let from = 8 * 60;
  let to = 22 * 60;
  for (const s of stretches) {
    const start = Math.max(0, minutesIntoDay(s.start, date, tz));
    const end = Math.min(24 * 60, minutesIntoDay(s.end, date, tz));
    if (end <= 0 || start >= 24 * 60 || end <= start) continue;
    from = Math.min(from, Math.floor(start / 60) * 60);
    to = Math.max(to, Math.ceil(end / 60) * 60);
  }
  return { from, to, slot };
};

/** How many columns a day window has. */
export const columnCount = (w: DayWindow): number => Math.ceil((w.to - w.from) / w.slot);

/**
 * The columns (1-based, end exclusive, as CSS grid lines) a stretch covers in a day window; a
 * stretch cut by the window's edges is clipped, one outside it gives null. A partly covered
 * column counts as covered, so a short item still shows.
 */
export const columnsOf = (s: Stretch, date: string, tz: string, w: DayWindow): { start: number; end: number } | null => {
  const start = Math.max(minutesIntoDay(s.start, date, tz), w.from);
  const end = Math.min(minutesIntoDay(s.end, date, tz), w.to);
  if (end <= start) return null;
  const first = Math.floor((start - w.from) / w.slot);
  const last = Math.ceil((end - w.from) / w.slot);
  return { start: first + 1, end: Math.max(last, first + 1) + 1 };
};

/**
 * A lane for each item (0 first) so that items that overlap sit on different lanes and none hides
 * another; items are taken in order of start, each on the lowest free lane.
 */
export const assignLanes = <T extends Stretch>(items: T[]): { item: T; lane: number }[] => {
  const laneEnds: number[] = [];
  return [...items]
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || Date.parse(a.end) - Date.parse(b.end))
    .map((item) => {
      const start = Date.parse(item.start);
      let lane = laneEnds.findIndex((end) => end <= start);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = Date.parse(item.end);
      return { item, lane };
    });
};

/** Whether a stretch touches the day `date` on the centre's clock. */
export const touchesDay = (s: Stretch, date: string, tz: string): boolean => {
  // A day is not always 1440 minutes long where clocks change.
  const length = differenceInMinutes(midnight(shiftDate(date, 1), tz), midnight(date, tz));
  return minutesIntoDay(s.end, date, tz) > 0 && minutesIntoDay(s.start, date, tz) < length;
};

/** Each room's items on each date of a week (an item across midnight is listed on both days), in order of start. */
export const byRoomAndDate = <T extends Stretch & { roomId: string }>(items: T[], dates: string[], tz: string): Map<string, T[]> => {
  const cells = new Map<string, T[]>();
  const sorted = [...items].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const item of sorted) {
    for (const date of dates) {
      if (!touchesDay(item, date, tz)) continue;
      const key = cellKey(item.roomId, date);
      cells.set(key, [...(cells.get(key) ?? []), item]);
    }
  }
  return cells;
};

export const cellKey = (roomId: string, date: string): string => `${roomId}|${date}`;

/** The instant of the `slot`-minute step at `fraction` (0–1) of a free stretch: where staff clicked. */
export const slotAt = (s: Stretch, fraction: number, slot: number, tz: string): string => {
  const start = new TZDate(s.start, tz);
  const steps = Math.floor((differenceInMinutes(new TZDate(s.end, tz), start) / slot) * Math.min(Math.max(fraction, 0), 0.999));
  return isoInZone(addMinutes(start, steps * slot), tz);
};

/** Times a booking may start at: every slot boundary in the free stretches with at least one slot after it. */
export const startChoices = (free: Stretch[], slot: number, tz: string): string[] =>
  free.flatMap((s) => {
    const choices: string[] = [];
    const end = new TZDate(s.end, tz);
    for (let t: Date = firstBoundary(new TZDate(s.start, tz), slot); differenceInMinutes(end, t) >= slot; t = addMinutes(t, slot)) choices.push(isoInZone(t, tz));
    return choices;
  });

/** Times a booking starting at `start` may end at: every slot boundary until the end of its free stretch. */
export const endChoices = (free: Stretch[], start: string, slot: number, tz: string): string[] => {
  const at = Date.parse(start);
  const stretch = free.find((s) => Date.parse(s.start) <= at && at < Date.parse(s.end));
  if (!stretch) return [];
  const choices: string[] = [];
  const end = new TZDate(stretch.end, tz);
  for (let t: Date = addMinutes(new TZDate(start, tz), slot); t.getTime() <= end.getTime(); t = addMinutes(t, slot)) choices.push(isoInZone(t, tz));
  return choices;
};

/** The first `slot`-minute boundary of the centre's clock at or after `t`. */
const firstBoundary = (t: TZDate, slot: number): Date => {
  const minutes = t.getHours() * 60 + t.getMinutes();
  const rest = minutes % slot;
  const whole = new TZDate(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes(), t.timeZone!);
  return rest === 0 && t.getSeconds() === 0 ? whole : addMinutes(whole, slot - rest);
};

/** The centre's clock `minute` real minutes after midnight starting `date` (for the timeline's headings). */
export const clockAtMinute = (date: string, minute: number, tz: string): string => format(addMinutes(midnight(date, tz), minute), 'HH:mm');
