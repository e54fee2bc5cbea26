import type { Core } from '@strapi/strapi';
import { remindersDueAt, type DueReminder, type ReminderOccurrence } from '../core/reminders/due-reminders';
import type { ReminderSettings } from '../core/reminders/reminder-settings';
import { DAY_MS } from '../core/time/instants';
import { formatOccurrence } from '../messages/rendering';
import { reminderMessage } from '../messages/reminder-messages';
import { channelFor, tell } from '../notifications/send';
import { messageRepository } from '../outbox/message-repository';
import { absenceRepository } from '../repositories/absence-repository';
import { activityRepository, type ActivityKind } from '../repositories/activity-repository';
import { cantComeRepository, type CantComeTarget } from '../repositories/cant-come-repository';
import { reminderRepository, type ReminderEnrolment, type ReminderReservation } from '../repositories/reminder-repository';
import { roomRepository } from '../repositories/room-repository';
import { sessionRepository, type SessionRow } from '../repositories/session-repository';
import { now as clockNow } from '../utils/clock';
import { getService } from '../utils/get-service';
import { cantComeLink } from '../utils/links';
import { mapInSlices } from '../utils/slices';
import { bookingConfig } from '../utils/plugin-config';
import { reminderSettings } from './reminder-settings';

export const REMINDER_SWEEP_JOB = 'booking.reminders';

/**
 * Occurrences whose reminder times are worked out between two turns of the event loop. Each is a
 * dozen zone conversions: 200 at a time (a large centre's sweep is 1,200) took 50 to 100 ms a slice
 * on the bench's 2-core machine, which every request then waited for.
 */
const OCCURRENCES_PER_SLICE = 25;

/**
 * How far ahead a sweep looks: an evening-before reminder comes at most two calendar days before
 * the start (set at 00:00, for a start at 23:59), an hours-before one `hours` before it.
 */
const horizonMs = (settings: ReminderSettings): number => Math.max(49, settings.hoursBefore.hours + 1) * 3_600_000;

type Occurrence = ReminderOccurrence &
  ({ kind: 'reservation'; reservation: ReminderReservation } | { kind: 'enrolment'; enrolment: ReminderEnrolment; session: SessionRow });

/**
 * The reminder sweep: every run finds the confirmed reservations and enrolments with a date soon
 * (the next two days, or more for a longer "hours before"), asks `core/reminders` which reminders are due now, and hands each to `tell()` with
 * its dedupe key, so a reminder goes out once however often (and in however many processes) the
 * sweep runs. Cancelled dates, enrolments and sessions are not read; a moved session has a new start,
 * hence new keys; a term member who said "I can't come" to a session is not reminded of it.
 */
const reminderSweep = ({ strapi }: { strapi: Core.Strapi }) => {
  const sessions = sessionRepository(strapi);
  const reminders = reminderRepository(strapi);
  const activities = activityRepository(strapi);

  const reservationOccurrences = async (from: Date, to: Date): Promise<Occurrence[]> =>
    (await reminders.reservationsStarting(from, to)).map((reservation) => ({
      kind: 'reservation',
      reservation,
      about: `reservation:${reservation.documentId}`,
      start: reservation.start,
      confirmedAt: reservation.confirmedAt,
    }));

  const enrolmentOccurrences = async (from: Date, to: Date): Promise<Occurrence[]> => {
    const soon = (await sessions.inRange(from, to)).filter((s) => s.status === 'scheduled' && s.start > from && s.start <= to);
    if (soon.length === 0) return [];
    const away = new Set((await absenceRepository(strapi).forSessions(soon.map((s) => s.documentId))).map((a) => `${a.enrolmentId}:${a.sessionId}`));
    const enrolled: ReminderEnrolment[] = [];
    for (const kind of ['course', 'event'] as ActivityKind[]) {
      const ids = [...new Set(soon.filter((s) => s.activityKind === kind).map((s) => s.activityId))];
      enrolled.push(...(await reminders.confirmedEnrolments(kind, ids)));
    }
    return soon.flatMap((session) =>
      enrolled
        .filter((e) => e.kind === session.activityKind && e.activityId === session.activityId && (e.sessionId === null || e.sessionId === session.documentId))
        .filter((e) => !away.has(`${e.documentId}:${session.documentId}`))
        .map((enrolment): Occurrence => ({ kind: 'enrolment', enrolment, session, about: `enrolment:${enrolment.documentId}`, start: session.start, confirmedAt: enrolment.confirmedAt }))
    );
  };

  /** Tells one person of one due reminder, with a fresh "I can't come" code. */
  const send = async ({ occurrence: o, kind, dedupeKey }: DueReminder<Occurrence>, now: Date) => {
    const { timezone, centreName } = bookingConfig(strapi);
    const person = o.kind === 'reservation' ? o.reservation : o.enrolment;
    const language = person.language;
    const recipient = { name: person.name, email: person.email, phone: person.phone, notifyBy: person.notifyBy, language };
    // Staff ring those who chose a call the evening before; two hours before, a call is too late to
    // plan around. Nothing is written for such a reminder, so no code is made for it either (the
    // next sweep would make another).
    const byCall = channelFor(strapi, recipient, 'reminder') === 'call';
    if (byCall && kind !== 'evening-before') return;
    const target: CantComeTarget =
      o.kind === 'reservation' ? { kind: 'reservation', reservationId: o.reservation.documentId } : { kind: 'enrolment', enrolmentId: o.enrolment.documentId, sessionId: o.session.documentId };
    const code = await getService(strapi, 'cantCome').issue(target, o.start, now);
    const link = cantComeLink(strapi, code);
    const end = o.kind === 'reservation' ? o.reservation.end : o.session.end;
    const when = formatOccurrence({ start: o.start, end }, language, timezone, false);
    const roomName = async (roomId: string | null) => (roomId ? (await roomRepository(strapi).findById(roomId, [{ locale: language, status: 'published' }]))?.name ?? null : null);
    const what =
      o.kind === 'reservation'
        ? (await roomName(o.reservation.roomId)) ?? o.reservation.roomName
        : (await activities.findById(o.enrolment.kind, o.enrolment.activityId, language))?.title ?? '';
    const where = o.kind === 'enrolment' ? await roomName(o.session.roomId) : null;
    const keepsPlace = o.kind === 'enrolment' && (await getService(strapi, 'cantCome').effectOf(o.enrolment)) === 'away';
    const reference = o.kind === 'reservation' ? o.reservation.reference : null;
    await tell(
      strapi,
      recipient,
      {
        kind: 'reminder',
        about: o.kind === 'reservation' ? { kind: 'reservation', id: o.reservation.reference } : { kind: 'enrolment', id: o.enrolment.documentId },
        email: () => reminderMessage({ language, name: person.name, what, when, where, reference, keepsPlace, cantComeUrl: link, centreName: centreName[language] }),
        sms: { kind: 'reminder', language, name: person.name, what, when, ...(reference ? { reference } : {}), ...(link ? { link } : {}) },
        call: kind === 'evening-before',
        dedupeKey,
      }
    );
  };

  /** One sweep at `now` (the clock's, so tests can set it); answers how many reminders were handed over. */
  const run = async (now: Date = clockNow()): Promise<number> => {
    const settings = await reminderSettings(strapi);
    const until = new Date(now.getTime() + horizonMs(settings));
    const occurrences = [...(await reservationOccurrences(now, until)), ...(await enrolmentOccurrences(now, until))];
    // Each occurrence's times are a few zone conversions: a centre's two days of bookings, worked
    // out in one go, kept the CMS from every request for a tenth of a second at each sweep.
    const due = await mapInSlices(occurrences, OCCURRENCES_PER_SLICE, (slice) => remindersDueAt(slice, settings, bookingConfig(strapi).timezone, now));
    // Most of what is due was told at an earlier sweep: skip it before making a code for it.
    const told = await messageRepository(strapi).usedKeys(due.map((r) => r.dedupeKey));
    let sent = 0;
    for (const reminder of due.filter((r) => !told.has(r.dedupeKey))) {
      try {
        await send(reminder, now);
        sent += 1;
      } catch (error) {
        // One person's failure must not keep the others from being reminded; the next sweep tries again.
        strapi.log.error(`booking: could not remind ${reminder.dedupeKey}: ${(error as Error).message}`);
      }
    }
    // Codes whose date began a week ago answer nothing useful any more.
    await cantComeRepository(strapi).purgeExpiredBefore(new Date(now.getTime() - 7 * DAY_MS));
    return sent;
  };

  return {
    /** Defines the sweep job and has it run every `reminderSweepSeconds`, once per run across processes. Called at bootstrap. */
    async start(): Promise<void> {
      const jobs = getService(strapi, 'jobs');
      await jobs.define(REMINDER_SWEEP_JOB, async () => void (await run()), { retryLimit: 0 });
      jobs.every(REMINDER_SWEEP_JOB, bookingConfig(strapi).reminderSweepSeconds);
    },
    run,
  };
};

export default reminderSweep;
export type ReminderSweepService = ReturnType<typeof reminderSweep>;
