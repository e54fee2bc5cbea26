import { isWithinOpeningHours, type WeeklyHours } from '../hours/opening-hours';
import { overlaps, type Interval } from '../time/intervals';
import { addDays, dayBounds, instantToZonedIso, minutesSinceLocalMidnight, zonedDateOf } from '../time/zoned';
import type { BookingRules } from './booking-rules';
import { violation, type Violation } from './violations';

export interface OccurrenceCheckInput {
  occurrence: Interval;
  rules: BookingRules;
  hours: WeeklyHours;
  closures: Interval[];
  now: Date;
  tz: string;
  attendees: number;
  /** null = the room has no capacity limit. */
  capacity: number | null;
}

const MS_PER_MINUTE = 60_000;

/**
 * Every rule one occurrence breaks, in a stable order (start, end, timing, place, attendees).
 * Durations are real elapsed minutes (a room is occupied for real time, also across a DST
 * change); the slot grid is read off the centre's clock. A start in the past is reported as
 * in_the_past only, not also as under_minimum_notice. When end is not after start, the checks
 * that need a duration (length, opening hours, closures) are skipped.
 */
export function checkOccurrence(input: OccurrenceCheckInput): Violation[] {
  const { occurrence, rules, hours, closures, now, tz, attendees, capacity } = input;
  const start = occurrence.start.getTime();
  const end = occurrence.end.getTime();
  const found: Violation[] = [];
  const hasDuration = end > start;

  if (!hasDuration) found.push(violation('end', 'end_not_after_start', 'must be after the start'));

  const grid = slotGridExamples(rules.slotMinutes);
  if (!isOnSlotGrid(occurrence.start, rules.slotMinutes, tz)) {
    found.push(violation('start', 'not_on_slot_grid', `must start on a ${rules.slotMinutes}-minute slot boundary (e.g. ${grid})`));
  }
  if (!isOnSlotGrid(occurrence.end, rules.slotMinutes, tz)) {
    found.push(violation('end', 'not_on_slot_grid', `must end on a ${rules.slotMinutes}-minute slot boundary (e.g. ${grid})`));
  }

  if (hasDuration) {
    const minutes = (end - start) / MS_PER_MINUTE;
    if (minutes < rules.minMinutes) found.push(violation('end', 'too_short', `must last at least ${rules.minMinutes} minutes`));
    if (minutes > rules.maxMinutes) found.push(violation('end', 'too_long', `must last at most ${rules.maxMinutes} minutes`));
  }

  if (start < now.getTime()) {
    found.push(violation('start', 'in_the_past', 'must not be in the past'));
  } else if (start < now.getTime() + rules.minNoticeMinutes * MS_PER_MINUTE) {
    found.push(violation('start', 'under_minimum_notice', `must start at least ${rules.minNoticeMinutes} minutes from now`));
  }

  const lastBookableDate = addDays(zonedDateOf(now, tz), rules.maxAdvanceDays);
  if (start >= dayBounds(lastBookableDate, tz).end.getTime()) {
    found.push(
      violation('start', 'too_far_ahead', `must start no more than ${rules.maxAdvanceDays} days ahead (on or before ${lastBookableDate})`),
    );
  }

  if (hasDuration) {
    if (!isWithinOpeningHours(occurrence, hours, tz)) {
      found.push(violation('start', 'outside_opening_hours', "must be within the centre's opening hours"));
    }
    const hit = closures.filter((c) => overlaps(occurrence, c));
    if (hit.length > 0) {
      const periods = hit.map((c) => `from ${instantToZonedIso(c.start, tz)} to ${instantToZonedIso(c.end, tz)}`).join(' and ');
      found.push(violation('start', 'in_closure', `must not overlap the centre's closure ${periods}`));
    }
  }

  if (capacity !== null && attendees > capacity) {
    found.push(violation('attendees', 'over_capacity', `must be at most ${capacity}, the room's capacity`));
  }

  return found;
}

function isOnSlotGrid(d: Date, slotMinutes: number, tz: string): boolean {
  return minutesSinceLocalMidnight(d, tz) % slotMinutes === 0;
}

/** Two neighbouring grid points from 09:00 on, so the message shows what a valid time looks like. */
function slotGridExamples(slotMinutes: number): string {
  const first = Math.ceil(540 / slotMinutes) * slotMinutes;
  const points = [first, first + slotMinutes].map((m) => m % 1440);
  const unique = [...new Set(points)];
  return unique.map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`).join(' or ');
}
