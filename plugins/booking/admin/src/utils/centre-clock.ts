import { TZDate } from '@date-fns/tz';
import { addDays, format, formatISO, isValid, startOfDay } from 'date-fns';

/** What a datetime-local input holds: a wall-clock time with no zone, read here on the centre's clock. */
export type WallClock = string;

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-18T08:00" on the centre's clock (IANA `tz`) → "2026-12-18T08:00:00+08:00"; null when it is no such time. */
export const wallClockToIso = (value: WallClock, tz: string): string | null => {
  const m = WALL_CLOCK.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const date = new TZDate(year, month - 1, day, hour, minute, tz);
  // A date that rolls over (31 February) is not what was typed.
  if (!isValid(date) || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return formatISO(date);
};

/** The start of a day `days` from today on the centre's clock, at `hour`, as a datetime-local value. */
export const dayOnCentreClock = (days: number, hour: number, tz: string): WallClock => {
  const day = startOfDay(addDays(TZDate.tz(tz), days));
  day.setHours(hour);
  return format(day, "yyyy-MM-dd'T'HH:mm");
};
