import type { Core } from '@strapi/strapi';
import { inTransaction } from '../repositories/transaction';
import { admit } from '../core/enrolment/admission';
import { isDuplicateEnrolment } from '../core/enrolment/duplicates';
import { checkEnrolmentWindow } from '../core/enrolment/enrolment-window';
import { promoteFromWaitlist, renumberWaitlist } from '../core/enrolment/promotion';
import { hashToken, newManageToken } from '../core/reservations/reference';
import { confirmedPeople } from '../core/enrolment/confirmed-people';
import { zonedInterval } from '../core/time/zoned-interval';
import { enrolmentNotifications } from '../notifications/enrolments';
import { activityRepository, type ActivityKind, type ActivityRow } from '../repositories/activity-repository';
import { enrolmentRepository, targetKey, type EnrolmentRow, type EnrolmentTarget } from '../repositories/enrolment-repository';
import { hashRequest, idempotencyRepository } from '../repositories/idempotency-repository';
import { lockCapacity } from '../repositories/locks';
import { sessionRepository, type SessionRow } from '../repositories/session-repository';
import type { EnrolmentRequest } from '../schemas/enrolments';
import { notFound, validationError } from '../utils/errors';
import { defaultLocaleOf } from '../utils/locales';
import { bookingConfig } from '../utils/plugin-config';

/**
 * Enrolment with a waiting list: places are counted under a lock on the course, event or session,
 * so a session never holds more confirmed people than its capacity, the waiting list is first come,
 * first served, and a cancellation promotes whoever is next in the same transaction.
 */
const enrolments = ({ strapi }: { strapi: Core.Strapi }) => {
  const repo = enrolmentRepository(strapi);
  const sessions = sessionRepository(strapi);
  const activities = activityRepository(strapi);

  /** The activity, the target places are counted against, its capacity, and the field to blame. */
  const resolve = async (request: EnrolmentRequest, locale: string | undefined) => {
    if (request.session) {
      const session = await sessions.findById(request.session);
      if (!session) throw validationError([{ path: 'session', message: 'there is no such session' }]);
      const activity = await activities.findById(session.activityKind, session.activityId, locale);
      if (!activity) throw validationError([{ path: 'session', message: 'belongs to nothing published' }]);
      if (activity.enrolmentMode !== 'session') throw validationError([{ path: 'session', message: `enrol in the whole ${session.activityKind} "${activity.slug}" instead: it takes enrolments for the term` }]);
      if (session.status === 'cancelled') throw validationError([{ path: 'session', message: 'has been cancelled', code: 'session_cancelled' }]);
      return { kind: session.activityKind, activity, session, field: 'session', target: { kind: session.activityKind, activityId: activity.documentId, sessionId: session.documentId } as EnrolmentTarget, capacity: session.capacity ?? activity.capacity };
    }
    const kind: ActivityKind = request.course ? 'course' : 'event';
    const slug = (request.course ?? request.event)!;
    const activity = await activities.findPublishedBySlug(kind, slug, locale);
    if (!activity) throw validationError([{ path: kind, message: `there is no ${kind} "${slug}"` }]);
    if (activity.enrolmentMode === 'session') throw validationError([{ path: 'session', message: `choose a session: "${slug}" takes enrolments one session at a time` }]);
    return { kind, activity, session: null as SessionRow | null, field: kind, target: { kind, activityId: activity.documentId, sessionId: null } as EnrolmentTarget, capacity: activity.capacity };
  };

  const view = (row: EnrolmentRow, activity: ActivityRow | null, session: SessionRow | null, tz: string) => ({
    status: row.status,
    position: row.position,
    name: row.name,
    people: row.people,
    note: row.note,
    activity: { kind: row.kind, slug: activity?.slug ?? null, title: activity?.title ?? null },
    session: session ? { id: session.documentId, ...zonedInterval(session, tz) } : null,
  });

  return {
    async enrol(request: EnrolmentRequest, context: { now: Date; idempotencyKey?: string }) {
      const idempotency = idempotencyRepository(strapi);
      const hash = hashRequest({ enrol: request });
      const answered = await idempotency.answered(context.idempotencyKey, hash);
      if (answered) return answered;
      const tz = bookingConfig(strapi).timezone;
      const { kind, activity, session, field, target, capacity } = await resolve(request, await defaultLocaleOf(strapi));
      if (!activity.registrationEnabled) throw validationError([{ path: field, message: 'takes no registration: just come along', code: 'no_registration' }]);

      const all = (await sessions.forActivity(kind, activity.documentId)).filter((s) => s.status === 'scheduled');
      const window = checkEnrolmentWindow({
        now: context.now,
        opensAt: activity.enrolmentOpensAt ? new Date(activity.enrolmentOpensAt) : null,
        closesAt: activity.enrolmentClosesAt ? new Date(activity.enrolmentClosesAt) : null,
        firstSessionStart: session ? session.start : all[0]?.start ?? null,
        courseEnded: session ? session.end <= context.now : all.length === 0 || all[all.length - 1].end <= context.now,
      });
      if (window.length > 0) throw validationError(window.map((v) => ({ path: field, message: v.message, code: v.code })));

      const manageToken = newManageToken();
      const attempt = () =>
        inTransaction(strapi, async (trx) => {
          await lockCapacity(strapi, trx, targetKey(target));
          const active = await repo.active(target);
          if (isDuplicateEnrolment({ phone: request.phone, email: request.email }, active)) {
            throw validationError([{ path: request.phone ? 'phone' : 'email', message: 'is already enrolled here; use the link from your confirmation to change it', code: 'already_enrolled' }]);
          }
          const waiting = active.filter((r) => r.status === 'waitlisted');
          const admission = admit({
            capacity,
            confirmedPeople: confirmedPeople(active),
            waitlistOn: activity.waitlistEnabled,
            people: request.people,
            maxPeoplePerEnrolment: activity.maxPeoplePerEnrolment,
            waitingEnrolments: waiting.length,
          });
          if ('refused' in admission) {
            throw validationError([{ path: admission.refused.code === 'full_no_waitlist' ? field : 'people', message: admission.refused.message, code: admission.refused.code }]);
          }
          const position = admission.status === 'waitlisted' ? Math.max(0, ...waiting.map((w) => w.position ?? 0)) + 1 : null;
          const row = await repo.create({
            ...target,
            name: request.name,
            phone: request.phone ?? null,
            email: request.email ?? null,
            people: request.people,
            note: request.note ?? null,
            status: admission.status,
            position,
            language: request.language ?? 'zh-CN',
            manageTokenHash: hashToken(manageToken),
          });
          const placesLeft = Math.max(0, capacity - confirmedPeople([...active, row]));
          const body = { data: { ...view(row, activity, session, tz), placesLeft, manageToken } };
          if (context.idempotencyKey) await idempotency.save(context.idempotencyKey, hash, 201, body, context.now, trx);
          return { status: 201 as const, body, row };
        });
      try {
        const { row, ...answer } = await attempt();
        // After the commit, and only for a new enrolment: a replayed answer mails nobody twice.
        enrolmentNotifications(strapi).enrolled(row, activity, session, manageToken);
        return answer;
      } catch (error) {
        const answered = await idempotency.answered(context.idempotencyKey, hash);
        if (answered) return answered;
        throw error;
      }
    },

    async show(token: string) {
      const row = await repo.findByTokenHash(hashToken(token));
      if (!row) throw notFound('No enrolment belongs to this link');
      const activity = await activities.findById(row.kind, row.activityId, await defaultLocaleOf(strapi));
      const session = row.sessionId ? await sessions.findById(row.sessionId) : null;
      return view(row, activity, session, bookingConfig(strapi).timezone);
    },

    /** Cancels, and in the same transaction moves up whoever is next on the waiting list. */
    async cancel(token: string) {
      const row = await repo.findByTokenHash(hashToken(token));
      if (!row) throw notFound('No enrolment belongs to this link');
      const activity = await activities.findById(row.kind, row.activityId, await defaultLocaleOf(strapi));
      const session = row.sessionId ? await sessions.findById(row.sessionId) : null;
      const capacity: number = session?.capacity ?? activity?.capacity ?? 0;
      const promoted = await inTransaction(strapi, async (trx) => {
        await lockCapacity(strapi, trx, targetKey(row));
        const active = await repo.active(row);
        const current = active.find((r) => r.documentId === row.documentId);
        if (!current) throw validationError([{ path: 'enrolment', message: 'is already cancelled' }]);
        await repo.update(row.documentId, { status: 'cancelled', position: null });
        const rest = active.filter((r) => r.documentId !== row.documentId);
        const waitlist = rest.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
        const { promote } = promoteFromWaitlist({
          capacity,
          confirmedPeople: confirmedPeople(rest),
          waitlist: waitlist.map((w) => ({ id: w.documentId, people: w.people, position: w.position ?? 0 })),
        });
        for (const id of promote) await repo.update(id, { status: 'confirmed', position: null });
        const stillWaiting = waitlist.filter((w) => !promote.includes(w.documentId));
        for (const { id, position } of renumberWaitlist(stillWaiting.map((w) => ({ id: w.documentId, position: w.position ?? 0 })))) {
          if (stillWaiting.find((w) => w.documentId === id)?.position !== position) await repo.update(id, { position });
        }
        return waitlist.filter((w) => promote.includes(w.documentId));
      });
      enrolmentNotifications(strapi).promoted(promoted, activity, session);
      return { ...view({ ...row, status: 'cancelled', position: null }, activity, session, bookingConfig(strapi).timezone), promotedCount: promoted.length };
    },
  };
};

export default enrolments;
export type EnrolmentsService = ReturnType<typeof enrolments>;
