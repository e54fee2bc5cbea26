import { addDays, wallClockToInstant, zonedDateOf } from '../time/zoned';
import { isInQuietHours, quietHoursEnd } from './quiet-hours';
import type { ReminderSettings } from './reminder-settings';

/**
 * When the reminders of one occurrence (a reserved date, an enrolled session) are due.
 *
 * - "evening before": at `eveningBefore.at` on the centre's clock, on the day before the start's
 *   local date (a time the clocks skip becomes the jump, a repeated one its first reading: the
 *   policy of `wallClockToInstant`).
 * - "hours before": `hoursBefore.hours` elapsed hours before the start (across a clock change too:
 *   "two hours before" is two real hours).
 * - Quiet hours: a due time inside them moves to their end if that is still before the start;
 *   otherwise that reminder is dropped (nobody is woken for it, and after the start it is useless).
 * - Confirmation: a reminder is never due before the booking or enrolment was confirmed; one
 *   whose (moved) time had passed by then is dropped, e.g. a room booked at 20:00 for tomorrow
 *   gets no "evening before", only the "hours before".
 * - Two reminders that land on the same instant (the evening one moved out of quiet hours onto
 *   the morning one) are one: the "hours before" is kept.
 * Every due time is therefore outside quiet hours, at or after confirmation and before the start.
 */
export type ReminderKind = 'evening-before' | 'hours-before';

export interface ReminderTime {
  kind: ReminderKind;
  dueAt: Date;
}

const HOUR_MS = 3_600_000;

function nominalTimes(start: Date, settings: ReminderSettings, tz: string): ReminderTime[] {
  const times: ReminderTime[] = [];
  if (settings.eveningBefore.enabled) {
    const dayBefore = addDays(zonedDateOf(start, tz), -1);
    times.push({ kind: 'evening-before', dueAt: wallClockToInstant(dayBefore, settings.eveningBefore.at, tz) });
  }
  if (settings.hoursBefore.enabled) {
    times.push({ kind: 'hours-before', dueAt: new Date(start.getTime() - settings.hoursBefore.hours * HOUR_MS) });
  }
  return times;
}

const outsideQuietHours = (t: Date, settings: ReminderSettings, tz: string): Date =>
  isInQuietHours(t, settings.quietHours, tz) ? quietHoursEnd(t, settings.quietHours, tz) : t;

/** The reminders of an occurrence starting at `start`, confirmed at `confirmedAt`, earliest first. */
export function reminderDueTimes(start: Date, confirmedAt: Date, settings: ReminderSettings, tz: string): ReminderTime[] {
  const kept = nominalTimes(start, settings, tz)
    .map(({ kind, dueAt }) => ({ kind, dueAt: outsideQuietHours(dueAt, settings, tz) }))
    .filter(({ dueAt }) => dueAt.getTime() < start.getTime() && dueAt.getTime() >= confirmedAt.getTime());
  const sameInstantAsHoursBefore = (r: ReminderTime) =>
    r.kind === 'evening-before' && kept.some((o) => o.kind === 'hours-before' && o.dueAt.getTime() === r.dueAt.getTime());
  return kept.filter((r) => !sameInstantAsHoursBefore(r)).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
