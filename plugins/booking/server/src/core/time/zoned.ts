import { TZDate, tz as inZone, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Interval } from './intervals';

/** A calendar date 'YYYY-MM-DD' in the centre's zone (no instant attached). */
export type IsoDate = string;
/** A wall-clock time 'HH:mm'; '24:00' is accepted and means the end of the day. */
export type WallTime = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^(\d{2}):(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Far enough from a wall time that no DST shift can bring the instant back across it. */
const SEARCH_WINDOW_MS = MS_PER_DAY;

interface DateParts { year: number; month: number; day: number }

function parseIsoDate(date: IsoDate): DateParts {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Invalid date "${date}": expected YYYY-MM-DD`);
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const probe = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  if (probe.getUTCFullYear() !== parts.year || probe.getUTCMonth() !== parts.month - 1 || probe.getUTCDate() !== parts.day) {
    throw new RangeError(`Invalid date "${date}": no such calendar day`);
  }
  return parts;
}

function parseWallTime(time: WallTime): { hours: number; minutes: number } {
  const m = WALL_TIME.exec(time);
  const hours = m ? Number(m[1]) : NaN;
  const minutes = m ? Number(m[2]) : NaN;
  const valid = (hours <= 23 && minutes <= 59) || (hours === 24 && minutes === 0);
  if (!valid) throw new RangeError(`Invalid time "${time}": expected HH:mm between 00:00 and 24:00`);
  return { hours, minutes };
}

export function isValidIsoDate(s: string): boolean {
  try {
    parseIsoDate(s);
    return true;
  } catch {
    return false;
  }
}

/** 'HH:mm' from 00:00 to 23:59, plus '24:00' (end of day, e.g. for opening hours). */
export function isValidWallTime(s: string): boolean {
  try {
    parseWallTime(s);
    return true;
  } catch {
    return false;
  }
}

// Building an Intl.DateTimeFormat costs far more than the arithmetic around it, and the same few
// zones are asked about thousands of times per availability request.
const knownZones = new Map<string, boolean>();

/** True for IANA names the runtime knows (and fixed offsets like '+08:00'). */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.length === 0) return false;
  const known = knownZones.get(tz);
  if (known !== undefined) return known;
  const valid = checkTimeZone(tz);
  if (knownZones.size < 1000) knownZones.set(tz, valid);
  return valid;
}

function checkTimeZone(tz: string): boolean {
  try {
    // tzOffset alone falls back to picking a '+hh' out of any string, so let Intl judge the name.
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    return false;
  }
  return !Number.isNaN(tzOffset(tz, new Date(0)));
}

function assertTimeZone(tz: string): void {
  if (!isValidTimeZone(tz)) throw new RangeError(`Unknown time zone "${tz}"`);
}

function zoned(d: Date | number, tz: string): TZDate {
  return new TZDate(+d, tz);
}

/**
 * The wall-clock reading of an instant as a sortable number. It is a key for comparing
 * readings with each other, never an instant: no offset is applied to or derived from it.
 */
function wallReadingKey(t: number, tz: string): number {
  const z = zoned(t, tz);
  return Date.UTC(z.getFullYear(), z.getMonth(), z.getDate(), z.getHours(), z.getMinutes(), z.getSeconds(), z.getMilliseconds());
}

/** First t in [lo, hi] whose reading is >= target; assumes readings only rise on [lo, hi]. */
function firstReadingAtOrAfter(lo: number, hi: number, target: number, tz: string): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallReadingKey(mid, tz) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The instant the zone's offset changes in (lo, hi], given that offsets at lo and hi differ. */
function offsetChangeBetween(lo: number, hi: number, tz: string): number {
  const before = tzOffset(tz, new Date(lo));
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (tzOffset(tz, new Date(mid)) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The instant at which the centre's clocks read `time` on `date`.
 *
 * Policy (one rule covers all cases): the EARLIEST instant whose wall-clock reading is at
 * or after the requested reading.
 * - Normal times: the exact instant.
 * - '24:00' is the next day's 00:00.
 * - A time inside a spring-forward gap becomes the first valid instant after the gap,
 *   i.e. the moment the clocks jump (Europe/Berlin 2026-03-29 02:30 → 03:00 CEST = 01:00Z).
 * - An ambiguous fall-back time takes the earlier instant, the one still on summer time
 *   (Europe/Berlin 2026-10-25 02:30 → 02:30 CEST = 00:30Z).
 *
 * TZDate's constructor resolves gaps and overlaps differently depending on the host's own
 * zone, so its answer is only the starting guess; the policy is enforced here.
 */
export function wallClockToInstant(date: IsoDate, time: WallTime, tz: string): Date {
  const key = `${tz} ${date} ${time}`;
  const known = knownInstants.get(key);
  if (known !== undefined) return new Date(known);
  const instant = findWallClockInstant(date, time, tz);
  if (knownInstants.size >= KNOWN_INSTANTS_MAX) knownInstants.clear();
  knownInstants.set(key, instant.getTime());
  return instant;
}

// Each answer costs a dozen zone look-ups, and availability asks the same few (every room's day
// starts and opening times) thousands of times a request: 200 rooms' week spent most of its time
// here. Only valid questions are kept (an invalid one throws before), as numbers, so no caller
// can change a kept answer.
const knownInstants = new Map<string, number>();
const KNOWN_INSTANTS_MAX = 20_000;

function findWallClockInstant(date: IsoDate, time: WallTime, tz: string): Date {
  assertTimeZone(tz);
  const { hours, minutes } = parseWallTime(time);
  const day = hours === 24 ? addDays(date, 1) : date;
  const { year, month, day: dayOfMonth } = parseIsoDate(day);
  const h = hours === 24 ? 0 : hours;
  const target = Date.UTC(year, month - 1, dayOfMonth, h, minutes);

  const guess = +new TZDate(year, month - 1, dayOfMonth, h, minutes, 0, 0, tz);
  const lo = guess - SEARCH_WINDOW_MS;
  const hi = guess + SEARCH_WINDOW_MS;
  const offsetAtLo = tzOffset(tz, new Date(lo));
  const offsetAtHi = tzOffset(tz, new Date(hi));
  if (offsetAtLo === offsetAtHi && wallReadingKey(guess, tz) === target) return new Date(guess);

  // A transition is near: readings rise monotonically on each side of it, so search
  // the earlier side first (earliest-instant policy), then the later side.
  const change = offsetAtLo === offsetAtHi ? hi : offsetChangeBetween(lo, hi, tz);
  if (wallReadingKey(change - 1, tz) >= target) return new Date(firstReadingAtOrAfter(lo, change - 1, target, tz));
  return new Date(firstReadingAtOrAfter(change, hi, target, tz));
}

/**
 * Formatted instants by zone and time: a week of every room's availability or the board formats
 * tens of thousands of interval ends, nearly all on a few hundred slot boundaries, and date-fns
 * asks Intl for the zone's offset several times per call (it was most of a board's CPU time).
 * The answer for one instant in one zone never changes; the map is emptied when it grows large.
 */
const formattedInstants = new Map<string, string>();
const FORMATTED_INSTANTS_MAX = 50_000;

/** ISO 8601 with the zone's offset at that instant, e.g. 2026-11-24T19:00:00+08:00 (never 'Z'). */
export function instantToZonedIso(d: Date, tz: string): string {
  // Only real dates are kept: the key must be the instant itself.
  const key = d instanceof Date ? `${d.getTime()} ${tz}` : null;
  const known = key === null ? undefined : formattedInstants.get(key);
  if (known !== undefined) return known;
  assertTimeZone(tz);
  const iso = format(d, "yyyy-MM-dd'T'HH:mm:ssxxx", { in: inZone(tz) });
  if (key === null) return iso;
  if (formattedInstants.size >= FORMATTED_INSTANTS_MAX) formattedInstants.clear();
  formattedInstants.set(key, iso);
  return iso;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function formatParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function zonedDateOf(d: Date, tz: string): IsoDate {
  assertTimeZone(tz);
  const z = zoned(d, tz);
  return formatParts(z.getFullYear(), z.getMonth() + 1, z.getDate());
}

/** 'HH:mm' on the centre's clock; seconds are truncated. */
export function zonedWallTimeOf(d: Date, tz: string): WallTime {
  assertTimeZone(tz);
  const z = zoned(d, tz);
  return `${pad2(z.getHours())}:${pad2(z.getMinutes())}`;
}

/**
 * Minutes shown on the centre's clock since 00:00 (not elapsed minutes: on a spring-forward
 * day 03:00 is 180 although only 120 minutes have passed), because the slot grid is drawn on
 * the clock. Fractional when the instant is not on a whole minute.
 */
export function minutesSinceLocalMidnight(d: Date, tz: string): number {
  assertTimeZone(tz);
  const z = zoned(d, tz);
  return z.getHours() * 60 + z.getMinutes() + z.getSeconds() / 60 + z.getMilliseconds() / 60_000;
}

/** From the first instant of the local day to the first instant of the next (23 h or 25 h on DST days). */
export function dayBounds(date: IsoDate, tz: string): Interval {
  return { start: wallClockToInstant(date, '00:00', tz), end: wallClockToInstant(date, '24:00', tz) };
}

/** Calendar arithmetic only: the zone plays no part in which date follows which. */
export function addDays(date: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  const d = new Date(Date.UTC(year, month - 1, day));
  d.setUTCDate(d.getUTCDate() + n);
  return formatParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / MS_PER_DAY);
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesInRange(from: IsoDate, to: IsoDate): IsoDate[] {
  parseIsoDate(to);
  const dates: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekdayOf(date: IsoDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const { year, month, day } = parseIsoDate(date);
  const sundayZero = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return (sundayZero === 0 ? 7 : sundayZero) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}
