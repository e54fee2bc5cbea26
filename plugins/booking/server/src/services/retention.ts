import type { Core } from '@strapi/strapi';
import { TZDate } from '@date-fns/tz';
import { subMonths } from 'date-fns';
import { recordAudit, type AuditActor } from '../audit/record';
import { UID } from '../constants';
import { personalDataRepository, type StoredEnrolment, type StoredReservation } from '../repositories/personal-data-repository';
import { idempotencyRepository } from '../repositories/idempotency-repository';
import { inTransaction } from '../repositories/transaction';
import { now as clockNow } from '../utils/clock';
import { getService } from '../utils/get-service';
import { personKeyOfRow, personKeys } from '../utils/person-key';
import { bookingConfig } from '../utils/plugin-config';

export const RETENTION_JOB = 'booking.retention';

/** What one run anonymised: reservation dates (rows), the requests they belong to, and enrolments. */
export interface RetentionOutcome {
  cutoff: string;
  reservations: number;
  references: number;
  enrolments: number;
}

/** The instant before which a last date is due: `months` calendar months before now on the centre's clock. */
export const retentionCutoff = (now: Date, months: number, tz: string): Date => new Date(subMonths(new TZDate(now.getTime(), tz), months).getTime());

/**
 * An enrolment's last date: its own session's end, else its activity's last session. An enrolment
 * whose activity has no sessions left (deleted) counts from when it was made.
 */
export const enrolmentLastDate = (e: StoredEnrolment, ends: { lastOfActivity: Map<string, Date>; ofSession: Map<string, Date> }): Date | null =>
  (e.sessionId ? ends.ofSession.get(e.sessionId) : undefined) ?? ends.lastOfActivity.get(`${e.activityKind}:${e.activityId}`) ?? e.createdAt;

/** A request's last date: the end of its last row (a weekly series is kept until its last date is due). */
export const lastDateOfReferences = (rows: StoredReservation[]): Map<string, Date> => {
  const last = new Map<string, Date>();
  for (const r of rows) if (!last.has(r.reference) || last.get(r.reference)! < r.end) last.set(r.reference, r.end);
  return last;
};

/**
 * Retention: personal data is kept `retention.months` after a booking's last date, then anonymised
 * (names, phones, e-mails, notes, messages' contents and recipients, "I can't come" codes). Dates,
 * statuses, numbers of people and attendance stay, with each row's person key, so reports count
 * the same sessions, person-visits and people before and after.
 */
const retention = ({ strapi }: { strapi: Core.Strapi }) => {
  const repo = personalDataRepository(strapi);

  /** Rows whose last date is before the cutoff: whole requests (every date of a series) and enrolments. */
  const due = async (cutoff: Date) => {
    const reservations = await repo.liveReservations();
    const lastOf = lastDateOfReferences(reservations);
    const ends = await repo.sessionEnds();
    return {
      reservations: reservations.filter((r) => lastOf.get(r.reference)! < cutoff),
      enrolments: (await repo.liveEnrolments()).filter((e) => {
        const last = enrolmentLastDate(e, ends);
        return last !== null && last < cutoff;
      }),
    };
  };

  /** One run at `now` (the clock's, so a test can start a CMS a year on); `by` a staff member, or nobody for the nightly job. */
  const run = async (now: Date = clockNow(), by: { actor: AuditActor | null; ip: string | null } = { actor: null, ip: null }): Promise<RetentionOutcome> => {
    const { months } = bookingConfig(strapi).retention;
    const cutoff = retentionCutoff(now, months, bookingConfig(strapi).timezone);
    const found = await due(cutoff);
    const keyFor = personKeys(strapi);
    const keyOf = (row: { phone?: string | null; email?: string | null; personKey?: string | null }) => personKeyOfRow(keyFor, row);
    const references = [...new Set(found.reservations.map((r) => r.reference))];
    const enrolmentIds = found.enrolments.map((e) => e.documentId);
    await inTransaction(strapi, async (trx) => {
      await repo.anonymise(UID.reservation, found.reservations, keyOf, trx);
      await repo.anonymise(UID.enrolment, found.enrolments, keyOf, trx);
      await repo.anonymiseMessages({ references, enrolmentIds }, trx);
      await repo.dropCantComeCodes({ reservationIds: found.reservations.map((r) => r.documentId), enrolmentIds }, trx);
      await recordAudit(strapi, { ...by, action: 'retention.run', subject: null, details: { cutoff: cutoff.toISOString(), reservations: found.reservations.length, references: references.length, enrolments: found.enrolments.length } });
    });
    // Stored answers to retried requests live a day; any older are purged with the rest.
    await idempotencyRepository(strapi).purge(now);
    const outcome = { cutoff: cutoff.toISOString(), reservations: found.reservations.length, references: references.length, enrolments: found.enrolments.length };
    if (outcome.reservations + outcome.enrolments > 0) {
      strapi.log.info(`[booking] retention: anonymised ${outcome.references} room requests (${outcome.reservations} dates) and ${outcome.enrolments} enrolments whose last date was before ${outcome.cutoff}`);
    }
    return outcome;
  };

  return {
    /** Defines the job and schedules it at `retention.cron` on the centre's clock, once for all processes. Called at bootstrap. */
    async start(): Promise<void> {
      const jobs = getService(strapi, 'jobs');
      const { retention: config, timezone } = bookingConfig(strapi);
      await jobs.define(RETENTION_JOB, async () => void (await run()), { retryLimit: 2 });
      await jobs.schedule(RETENTION_JOB, config.cron, { tz: timezone });
    },
    /** How much is due now, without changing anything: what staff see before running it by hand. */
    async preview(now: Date = clockNow()): Promise<RetentionOutcome> {
      const cutoff = retentionCutoff(now, bookingConfig(strapi).retention.months, bookingConfig(strapi).timezone);
      const found = await due(cutoff);
      return { cutoff: cutoff.toISOString(), reservations: found.reservations.length, references: new Set(found.reservations.map((r) => r.reference)).size, enrolments: found.enrolments.length };
    },
    run,
  };
};

export default retention;
export type RetentionService = ReturnType<typeof retention>;
