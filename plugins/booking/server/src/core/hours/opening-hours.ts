import { z } from 'zod';
import { mergeIntervals, type Interval } from '../time/intervals';
import {
  addDays,
  dayBounds,
  isValidWallTime,
  isoWeekdayOf,
  wallClockToInstant,
  zonedDateOf,
  type IsoDate,
  type WallTime,
} from '../time/zoned';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export interface OpenPeriod { start: WallTime; end: WallTime }
/** Several periods per weekday; a missing or empty weekday means closed all day. */
export type WeeklyHours = Partial<Record<Weekday, OpenPeriod[]>>;

/** Indexed by ISO weekday - 1 (Monday first). */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * A typical "5+2" neighbourhood centre: weekday mornings, a lunch break, and evening hours
 * until 21:00 so working residents can come after work; weekends 09:00–17:00 without a break.
 */
export const DEFAULT_CENTRE_HOURS: WeeklyHours = {
  mon: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '21:00' }],
  tue: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '21:00' }],
  wed: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '21:00' }],
  thu: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '21:00' }],
  fri: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '21:00' }],
  sat: [{ start: '09:00', end: '17:00' }],
  sun: [{ start: '09:00', end: '17:00' }],
};

function wallMinutes(t: WallTime): number {
  const [h, m] = t.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

const startTimeSchema = z
  .string({ error: 'start must be a time in HH:mm format' })
  .refine((s) => isValidWallTime(s) && s !== '24:00', {
    error: 'start must be a time in HH:mm format between 00:00 and 23:59',
  });

const endTimeSchema = z
  .string({ error: 'end must be a time in HH:mm format' })
  .refine((s) => isValidWallTime(s), {
    error: 'end must be a time in HH:mm format between 00:00 and 24:00 (24:00 = midnight at the end of the day)',
  });

const openPeriodSchema = z
  .strictObject({ start: startTimeSchema, end: endTimeSchema })
  .superRefine((p, ctx) => {
    if (!isValidWallTime(p.start) || !isValidWallTime(p.end)) return;
    if (wallMinutes(p.end) <= wallMinutes(p.start)) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `end (${p.end}) must be after start (${p.start}); use 24:00 for midnight, and split periods that run past midnight across two days`,
      });
    }
  });

const daySchema = z.array(openPeriodSchema).superRefine((periods, ctx) => {
  const wellFormed = periods
    .map((p, index) => ({ ...p, index }))
    .filter((p) => isValidWallTime(p.start) && isValidWallTime(p.end) && wallMinutes(p.end) > wallMinutes(p.start))
    .sort((a, b) => wallMinutes(a.start) - wallMinutes(b.start));
  let latestEnding: (typeof wellFormed)[number] | undefined;
  for (const current of wellFormed) {
    if (latestEnding && wallMinutes(current.start) < wallMinutes(latestEnding.end)) {
      ctx.addIssue({
        code: 'custom',
        path: [current.index],
        message: `opening periods ${latestEnding.start}–${latestEnding.end} and ${current.start}–${current.end} overlap`,
      });
    }
    if (!latestEnding || wallMinutes(current.end) > wallMinutes(latestEnding.end)) latestEnding = current;
  }
});

export const weeklyHoursSchema = z.strictObject(
  {
    mon: daySchema.optional(),
    tue: daySchema.optional(),
    wed: daySchema.optional(),
    thu: daySchema.optional(),
    fri: daySchema.optional(),
    sat: daySchema.optional(),
    sun: daySchema.optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown weekday ${issue.keys.map((k) => `"${k}"`).join(', ')}: use mon, tue, wed, thu, fri, sat, sun`
        : 'opening hours must be an object keyed by weekday (mon … sun)',
  },
);

/** The open periods of one local date as UTC instants, merged and sorted. */
export function openIntervalsOn(date: IsoDate, hours: WeeklyHours, tz: string): Interval[] {
  const periods = hours[WEEKDAYS[isoWeekdayOf(date) - 1]!] ?? [];
  return mergeIntervals(
    periods.map((p) => ({ start: wallClockToInstant(date, p.start, tz), end: wallClockToInstant(date, p.end, tz) })),
  );
}

/**
 * Whether every instant of `i` is open. Periods of consecutive days that meet at midnight
 * count as one stretch, so an overnight booking is fine when both days are open back to back.
 * An empty or inverted interval is never "within" (there is nothing to book).
 */
export function isWithinOpeningHours(i: Interval, hours: WeeklyHours, tz: string): boolean {
  const start = i.start.getTime();
  const end = i.end.getTime();
  if (!(start < end)) return false;
  // Walk day by day, extending the open stretch that contains the start; bail at the first gap
  // so an absurdly long interval costs no more than the days up to that gap.
  let coveredUntil: number | null = null;
  for (let date = zonedDateOf(i.start, tz); ; date = addDays(date, 1)) {
    for (const open of openIntervalsOn(date, hours, tz)) {
      const openStart = open.start.getTime();
      const openEnd = open.end.getTime();
      if (coveredUntil === null) {
        if (openStart <= start && start < openEnd) coveredUntil = openEnd;
      } else if (openStart <= coveredUntil) {
        coveredUntil = Math.max(coveredUntil, openEnd);
      }
    }
    if (coveredUntil === null) return false;
    if (coveredUntil >= end) return true;
    if (coveredUntil < dayBounds(date, tz).end.getTime()) return false;
  }
}
