import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { inTransaction } from '../repositories/transaction';
import { admit } from '../core/enrolment/admission';
import { checkChildDetails, type ChildDetails } from '../core/enrolment/child-details';
import { isDuplicateEnrolment } from '../core/enrolment/duplicates';
import type { ConsentRecord } from '../core/privacy/notice';
import { checkEnrolmentWindow } from '../core/enrolment/enrolment-window';
import { promoteFromWaitlist, renumberWaitlist } from '../core/enrolment/promotion';
import { manageLinkExpired } from '../core/reservations/manage-link-expiry';
import { hashToken, newManageToken } from '../core/reservations/reference';
import { confirmedPeople } from '../core/enrolment/confirmed-people';
import { zonedInterval } from '../core/time/zoned-interval';
import { enrolledRecipient, enrolmentNotifications } from '../notifications/enrolments';
import { channelFor } from '../notifications/send';
import { activityRepository, type ActivityKind, type ActivityRow } from '../repositories/activity-repository';
import { enrolmentRepository, targetKey, type EnrolmentRow, type EnrolmentTarget } from '../repositories/enrolment-repository';
import { hashRequest, idempotencyRepository } from '../repositories/idempotency-repository';
import { lockCapacity, lockSession } from '../repositories/locks';
import { sessionRepository, type SessionRow } from '../repositories/session-repository';
import type { EnrolmentRequest, StaffEnrolmentRequest } from '../schemas/enrolments';
import { ConflictError, expiredLinkError, notFound, validationError } from '../utils/errors';
import { defaultLocaleOf } from '../utils/locales';
import { getService } from '../utils/get-service';
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

  type Resolved = { kind: ActivityKind; activity: ActivityRow; session: SessionRow | null; field: string; target: EnrolmentTarget; capacity: number };
  type Person = Pick<EnrolmentRequest, 'name' | 'phone' | 'email' | 'notifyBy' | 'people' | 'note' | 'language'>;
  /** What is kept besides the person: their consent, and for a children's activity the child's details. */
  type Kept = { consent: ConsentRecord; child: ChildDetails | null };

  /** A children's activity's required details, checked before anything is locked or recorded. */
  const childOf = (resolved: Resolved, request: Parameters<typeof checkChildDetails>[1]) => {
    const { details, problems } = checkChildDetails(resolved.activity.forChildren, request);
    if (problems.length > 0) throw validationError(problems);
    return details;
  };

  /** One session of a drop-in activity, checked: places are counted against it. */
  const resolveSession = async (sessionId: string, locale: string | undefined): Promise<Resolved> => {
    const session = await sessions.findById(sessionId);
    if (!session) throw validationError([{ path: 'session', message: 'there is no such session' }]);
    const activity = await activities.findById(session.activityKind, session.activityId, locale);
    if (!activity) throw validationError([{ path: 'session', message: 'belongs to nothing published' }]);
    if (activity.enrolmentMode !== 'session') throw validationError([{ path: 'session', message: `enrol in the whole ${session.activityKind} "${activity.slug}" instead: it takes enrolments for the term` }]);
    if (session.status === 'cancelled') throw validationError([{ path: 'session', message: 'has been cancelled', code: 'session_cancelled' }]);
    return { kind: session.activityKind, activity, session, field: 'session', target: { kind: session.activityKind, activityId: activity.documentId, sessionId: session.documentId }, capacity: session.capacity ?? activity.capacity };
  };

  /** The activity, the target places are counted against, its capacity, and the field to blame. */
  const resolve = async (request: EnrolmentRequest, locale: string | undefined): Promise<Resolved> => {
    if (request.session) return resolveSession(request.session, locale);
    const kind: ActivityKind = request.course ? 'course' : 'event';
    const slug = (request.course ?? request.event)!;
    const activity = await activities.findPublishedBySlug(kind, slug, locale);
    if (!activity) throw validationError([{ path: kind, message: `there is no ${kind} "${slug}"` }]);
    if (activity.enrolmentMode === 'session') throw validationError([{ path: 'session', message: `choose a session: "${slug}" takes enrolments one session at a time` }]);
    return { kind, activity, session: null as SessionRow | null, field: kind, target: { kind, activityId: activity.documentId, sessionId: null } as EnrolmentTarget, capacity: activity.capacity };
  };

  /** What staff enrol in: a course or event by id, and for a drop-in one, a session of it. */
  const resolveForStaff = async (request: StaffEnrolmentRequest, locale: string | undefined): Promise<Resolved> => {
    const activity = await activities.findById(request.kind, request.activity, locale);
    if (!activity) throw validationError([{ path: 'activity', message: `there is no published ${request.kind} with this id` }]);
    if (activity.enrolmentMode === 'session') {
      if (!request.session) throw validationError([{ path: 'session', message: 'is required: this activity takes enrolments one session at a time', code: 'session_required' }]);
      const resolved = await resolveSession(request.session, locale);
      if (resolved.activity.documentId !== activity.documentId) throw validationError([{ path: 'session', message: `is not a session of this ${request.kind}` }]);
      return resolved;
    }
    if (request.session) throw validationError([{ path: 'session', message: `must be left out: this ${request.kind} takes enrolments for the term` }]);
    return { kind: request.kind, activity, session: null, field: 'activity', target: { kind: request.kind, activityId: activity.documentId, sessionId: null }, capacity: activity.capacity };
  };

  const view = (row: EnrolmentRow, activity: ActivityRow | null, session: SessionRow | null, tz: string) => ({
    status: row.status,
    position: row.position,
    name: row.name,
    people: row.people,
    note: row.note,
    notifyBy: row.notifyBy,
    activity: { kind: row.kind, slug: activity?.slug ?? null, title: activity?.title ?? null },
    session: session ? { id: session.documentId, ...zonedInterval(session, tz) } : null,
  });

  /**
   * Admits one person (or family) under the lock on their target: confirmed while places are free,
   * else on the waiting list; the same phone or e-mail twice is refused. `save` stores the answer
   * in the same transaction (the public form's Idempotency-Key).
   */
  const admitInto = async ({ kind, activity, session, field, target, capacity }: Resolved, person: Person, kept: Kept, now: Date, save?: (body: unknown, trx: Knex.Transaction) => Promise<void>) => {
    const tz = bookingConfig(strapi).timezone;
    if (!activity.registrationEnabled) throw validationError([{ path: field, message: 'takes no registration: just come along', code: 'no_registration' }]);

    const all = (await sessions.forActivity(kind, activity.documentId)).filter((s) => s.status === 'scheduled');
    const window = checkEnrolmentWindow({
      now,
      opensAt: activity.enrolmentOpensAt ? new Date(activity.enrolmentOpensAt) : null,
      closesAt: activity.enrolmentClosesAt ? new Date(activity.enrolmentClosesAt) : null,
      firstSessionStart: session ? session.start : all[0]?.start ?? null,
      courseEnded: session ? session.end <= now : all.length === 0 || all[all.length - 1].end <= now,
    });
    if (window.length > 0) throw validationError(window.map((v) => ({ path: field, message: v.message, code: v.code })));

    const manageToken = newManageToken();
    const admitted = await inTransaction(strapi, async (trx) => {
      await lockCapacity(strapi, trx, targetKey(target));
      if (session) {
        // Staff cancel a session under its lock: holding it too, an enrolment sees a cancel committed
        // since the session was read above, and is refused rather than confirmed on a cancelled session.
        await lockSession(strapi, trx, session.documentId);
        const now = await sessions.findById(session.documentId);
        if (!now || now.status === 'cancelled') {
          throw new ConflictError('The session has been cancelled', { errors: [{ path: 'session', message: 'has been cancelled', code: 'session_cancelled' }] });
        }
      }
      const active = await repo.active(target);
      // A guardian may enrol several children: for a children's activity the same child is the duplicate.
      const samePeople = kept.child ? active.filter((r) => r.childName?.toLowerCase() === kept.child!.childName.toLowerCase()) : active;
      if (isDuplicateEnrolment({ phone: person.phone, email: person.email }, samePeople)) {
        throw validationError([{ path: person.phone ? 'phone' : 'email', message: 'is already enrolled here; use the link from your confirmation to change it', code: 'already_enrolled' }]);
      }
      const waiting = active.filter((r) => r.status === 'waitlisted');
      const admission = admit({
        capacity,
        confirmedPeople: confirmedPeople(active),
        waitlistOn: activity.waitlistEnabled,
        people: person.people,
        maxPeoplePerEnrolment: activity.maxPeoplePerEnrolment,
        waitingEnrolments: waiting.length,
      });
      if ('refused' in admission) {
        throw validationError([{ path: admission.refused.code === 'full_no_waitlist' ? field : 'people', message: admission.refused.message, code: admission.refused.code }]);
      }
      const position = admission.status === 'waitlisted' ? Math.max(0, ...waiting.map((w) => w.position ?? 0)) + 1 : null;
      const row = await repo.create({
        ...target,
        name: person.name,
        phone: person.phone ?? null,
        email: person.email ?? null,
        notifyBy: person.notifyBy,
        people: person.people,
        note: person.note ?? null,
        status: admission.status,
        position,
        language: person.language ?? 'zh-CN',
        manageTokenHash: hashToken(manageToken),
        ...kept.consent,
        ...(kept.child ?? {}),
      });
      const placesLeft = Math.max(0, capacity - confirmedPeople([...active, row]));
      // Said on the page: a place freeing up, or a change to the class, reaches them this way.
      const notifiedBy = channelFor(strapi, enrolledRecipient(row), row.status === 'waitlisted' ? 'enrolment.promoted' : 'session.moved');
      const body = { data: { ...view(row, activity, session, tz), placesLeft, manageToken, notifiedBy } };
      if (save) await save(body, trx);
      return { status: 201 as const, body, row };
    });
    return { ...admitted, notify: () => enrolmentNotifications(strapi).enrolled(admitted.row, activity, session, manageToken) };
  };

  /** Cancels, and in the same transaction moves up whoever is next on the waiting list; they are told after the commit. */
  const cancelRow = async (row: EnrolmentRow) => {
    const activity = await activities.findById(row.kind, row.activityId, await defaultLocaleOf(strapi));
    const session = row.sessionId ? await sessions.findById(row.sessionId) : null;
    const capacity: number = session?.capacity ?? activity?.capacity ?? 0;
    const promoted = await inTransaction(strapi, async (trx) => {
      await lockCapacity(strapi, trx, targetKey(row));
      const active = await repo.active(row);
      const current = active.find((r) => r.documentId === row.documentId);
      if (!current) throw validationError([{ path: 'enrolment', message: 'is already cancelled', code: 'already_cancelled' }]);
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
    return { cancelled: view({ ...row, status: 'cancelled', position: null }, activity, session, bookingConfig(strapi).timezone), promoted };
  };

  /**
   * Cancels one enrolment as its own link does, for a caller that found it another way (staff at
   * the desk, an "I can't come" link): the waiting list moves up at once, the promoted are told.
   */
  const cancelById = async (id: string) => {
    const row = await repo.findById(id);
    if (!row) throw notFound(`There is no enrolment ${id}`);
    return { row, ...(await cancelRow(row)) };
  };

  /** The enrolment a live link opens: until `manageLinkDays` after its session, or its activity's last session, ends. */
  const rowOfLiveLink = async (token: string, now: Date) => {
    const row = await repo.findByTokenHash(hashToken(token));
    if (!row) throw notFound('No enrolment belongs to this link');
    const dated = row.sessionId ? [await sessions.findById(row.sessionId)].filter((s) => s !== null) : await sessions.forActivity(row.kind, row.activityId);
    const { manageLinkDays } = bookingConfig(strapi);
    if (manageLinkExpired(dated.map((s) => s.end), manageLinkDays, now)) throw expiredLinkError(manageLinkDays);
    return row;
  };

  return {
    async enrol(request: EnrolmentRequest, context: { now: Date; idempotencyKey?: string }) {
      const idempotency = idempotencyRepository(strapi);
      const hash = hashRequest({ enrol: request });
      const answered = await idempotency.answered(context.idempotencyKey, hash);
      if (answered) return answered;
      const resolved = await resolve(request, await defaultLocaleOf(strapi));
      const child = childOf(resolved, request);
      const consent = await getService(strapi, 'privacyNotice').consentOf(request, { staff: false, now: context.now });
      const save = context.idempotencyKey ? (body: unknown, trx: Knex.Transaction) => idempotency.save(context.idempotencyKey!, hash, 201, body, context.now, trx) : undefined;
      try {
        const { row, notify, ...answer } = await admitInto(resolved, request, { consent, child }, context.now, save);
        // After the commit, and only for a new enrolment: a replayed answer mails nobody twice.
        notify();
        return answer;
      } catch (error) {
        const answered = await idempotency.answered(context.idempotencyKey, hash);
        if (answered) return answered;
        throw error;
      }
    },

    /** Staff enrol someone at the desk: the public rules, the activity named by id; mail goes out when there is an e-mail. */
    async enrolAtDesk(request: StaffEnrolmentRequest, now: Date) {
      const resolved = await resolveForStaff(request, await defaultLocaleOf(strapi));
      const child = childOf(resolved, request);
      const consent = await getService(strapi, 'privacyNotice').consentOf(request, { staff: true, now });
      const { row, notify, ...answer } = await admitInto(resolved, request, { consent, child }, now);
      notify();
      // The manage link's token is the person's own: it reaches them by mail, never through staff.
      const { manageToken: _token, ...data } = answer.body.data;
      return { status: answer.status, body: { data: { ...data, id: row.documentId, phone: row.phone, email: row.email, notifyBy: row.notifyBy } } };
    },

    async show(token: string, now: Date) {
      const row = await rowOfLiveLink(token, now);
      const activity = await activities.findById(row.kind, row.activityId, await defaultLocaleOf(strapi));
      const session = row.sessionId ? await sessions.findById(row.sessionId) : null;
      return view(row, activity, session, bookingConfig(strapi).timezone);
    },

    /** The holder of the manage link cancels. */
    async cancel(token: string, now: Date) {
      const row = await rowOfLiveLink(token, now);
      const { cancelled, promoted } = await cancelRow(row);
      return { ...cancelled, promotedCount: promoted.length };
    },

    cancelById,

    /** Staff cancel on someone's behalf, exactly as the person's own link does. */
    async cancelAtDesk(id: string) {
      const { row, cancelled, promoted } = await cancelById(id);
      return { ...cancelled, id: row.documentId, promotedCount: promoted.length, promoted: promoted.map((p) => ({ id: p.documentId, name: p.name })) };
    },
  };
};

export default enrolments;
export type EnrolmentsService = ReturnType<typeof enrolments>;
