import { reminderDueTimes, type ReminderKind } from './due-times';
import type { ReminderSettings } from './reminder-settings';

/**
 * Which reminders a sweep at `now` sends: per occurrence not yet started, the LATEST of its
 * reminders whose time has come (due <= now < start). An earlier one is stale once a later one is
 * due (after a pause of the sweep, or for a session moved to a nearer date), so nobody gets two at
 * once. The dedupe key names the reminder, what it is about and the occurrence's start, so a sender
 * that keeps keys sends each at most once, and a moved occurrence (new start) is reminded again.
 */
export interface ReminderOccurrence {
  /** What the reminder is about, e.g. 'reservation:<documentId>' or 'enrolment:<documentId>'. */
  about: string;
  start: Date;
  /** When the booking or enrolment was confirmed (for a waiting list: promoted). */
  confirmedAt: Date;
}

export interface DueReminder<T extends ReminderOccurrence> {
  occurrence: T;
  kind: ReminderKind;
  dueAt: Date;
  dedupeKey: string;
}

export const reminderDedupeKey = (kind: ReminderKind, about: string, start: Date): string =>
  `reminder:${kind}:${about}:${start.toISOString()}`;

export function remindersDueAt<T extends ReminderOccurrence>(
  occurrences: readonly T[],
  settings: ReminderSettings,
  tz: string,
  now: Date,
): DueReminder<T>[] {
  const due: DueReminder<T>[] = [];
  for (const occurrence of occurrences) {
    if (now.getTime() >= occurrence.start.getTime()) continue;
    const reached = reminderDueTimes(occurrence.start, occurrence.confirmedAt, settings, tz).filter((r) => r.dueAt.getTime() <= now.getTime());
    const latest = reached.at(-1);
    if (latest) due.push({ occurrence, ...latest, dedupeKey: reminderDedupeKey(latest.kind, occurrence.about, occurrence.start) });
  }
  return due;
}
