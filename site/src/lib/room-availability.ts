/**
 * Every room's availability as the public API sends it (`GET /api/booking/availability`): compact,
 * times as minutes after their day's start (see the plugin's views/compact-availability.ts), and
 * here turned back into the full form the one-room answer has: ISO times with the centre's offset.
 */
import { TZDate } from '@date-fns/tz';

export interface Interval {
  start: string;
  end: string;
}

export interface BusyPeriod extends Interval {
  kind: string;
}

export interface RoomDay {
  date: string;
  open: Interval[];
  busy: BusyPeriod[];
  free: Interval[];
}

export interface RoomAvailability<R = { id: string; slug: string; name: string; capacity: number }> {
  room: R;
  days: RoomDay[];
}

export interface CompactAnswer<R = RoomAvailability['room']> {
  data: Array<{ room: R; days: Array<{ open: number[]; busy: number[]; free: number[] }> }>;
  meta: { timezone: string; kinds: string[]; days: Array<{ date: string; start: string }> };
}

const MINUTE = 60_000;

/** ISO to the second with the zone's offset, as the API writes instants (2026-12-07T08:00:00+08:00). */
const zonedIso = (instant: number, tz: string): string => new TZDate(instant, tz).toISOString().replace(/\.\d{3}(?=[+-])/, '');

const pairs = <T>(flat: number[], size: number, make: (part: number[]) => T): T[] =>
  Array.from({ length: flat.length / size }, (_, i) => make(flat.slice(i * size, i * size + size)));

export const expandAvailability = <R>({ data, meta }: CompactAnswer<R>): Array<RoomAvailability<R>> =>
  data.map(({ room, days }) => ({
    room,
    days: days.map((day, i) => {
      const { date, start } = meta.days[i];
      const dayStart = Date.parse(start);
      const at = (minutes: number) => zonedIso(dayStart + Math.round(minutes * MINUTE), meta.timezone);
      const interval = ([a, b]: number[]) => ({ start: at(a), end: at(b) });
      return {
        date,
        open: pairs(day.open, 2, interval),
        busy: pairs(day.busy, 3, ([a, b, kind]) => ({ ...interval([a, b]), kind: meta.kinds[kind] })),
        free: pairs(day.free, 2, interval),
      };
    }),
  }));
