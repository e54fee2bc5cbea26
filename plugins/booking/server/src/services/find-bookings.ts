import type { Core } from '@strapi/strapi';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { isSamePerson } from '../core/contact/same-person';
import { hashToken, newManageToken } from '../core/reservations/reference';
import { foundBookingsMessage, type FoundBooking } from '../messages/found-bookings-messages';
import { formatOccurrence } from '../messages/rendering';
import { canMail, canText } from '../notifications/send';
import { rateLimiterFor } from '../middlewares/rate-limiters';
import { activityRepository, type ActivityKind } from '../repositories/activity-repository';
import { enrolmentRepository } from '../repositories/enrolment-repository';
import { reservationRepository } from '../repositories/reservation-repository';
import { sessionRepository, type SessionRow } from '../repositories/session-repository';
import type { FindBookingsRequest } from '../schemas/find-bookings';
import { getService } from '../utils/get-service';
import { defaultLocaleOf } from '../utils/locales';
import { manageLink } from '../utils/links';
import { personKeys } from '../utils/person-key';
import { normalisePhone } from '../utils/phone';
import { bookingConfig } from '../utils/plugin-config';

/** At most this many links go out at once (a text message each): the first to come. */
export const MAX_FOUND = 10;

interface Found extends FoundBooking {
  start: Date;
  name: string;
  about: { kind: 'reservation' | 'enrolment'; id: string };
}

/**
 * "找回我的预约 / Find my booking": a resident gives the phone number or e-mail address they booked
 * with, and the manage links of what is still to come go to THAT address, never to the page, so a
 * stranger typing someone's number learns nothing. Links are kept only as hashes, so each found
 * booking gets a new link, kept beside the one given at booking (`foundTokenHash`): a lookup by a
 * stranger never breaks the link a resident holds, and only the link the previous lookup sent stops
 * working. The controller answers before any of this runs: the answer and its timing are the same
 * whether or not anything is found.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tz = () => bookingConfig(strapi).timezone;

  /** Whether this contact may be looked up again now: a few times an hour, however many addresses ask. */
  const withinContactBudget = async (request: FindBookingsRequest): Promise<boolean> => {
    const key = personKeys(strapi)({ phone: request.phone ?? null, email: request.email ?? null });
    if (!key) return false;
    try {
      await rateLimiterFor(strapi, 'contacts').consume(key);
      return true;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return false;
      throw refusal;
    }
  };

  const findReservations = async (contact: FindBookingsRequest, now: Date, language: 'zh-CN' | 'en'): Promise<Found[]> => {
    const rows = (await reservationRepository(strapi).findHoldingAfter(now)).filter((r) => isSamePerson(contact, r));
    const byReference = new Map<string, typeof rows>();
    for (const row of rows) byReference.set(row.reference, [...(byReference.get(row.reference) ?? []), row]);
    const found: Found[] = [];
    for (const [reference, dates] of byReference) {
      const first = dates.sort((a, b) => +a.start - +b.start)[0];
      const token = newManageToken();
      await reservationRepository(strapi).setFoundTokenHash(reference, hashToken(token));
      const link = manageLink(strapi, 'token', token, language);
      if (!link) continue;
      const more = dates.length > 1 ? (language === 'zh-CN' ? ` 等${dates.length}次` : ` and ${dates.length - 1} more`) : '';
      found.push({ what: first.room?.name ?? '', when: formatOccurrence(first, language, tz(), false) + more, reference, link, start: first.start, name: first.contactName, about: { kind: 'reservation', id: reference } });
    }
    return found;
  };

  const findEnrolments = async (contact: FindBookingsRequest, now: Date, language: 'zh-CN' | 'en'): Promise<Found[]> => {
    const rows = (await enrolmentRepository(strapi).allActive()).filter((r) => isSamePerson(contact, r));
    const sessions = sessionRepository(strapi);
    const locale = await defaultLocaleOf(strapi);
    const found: Found[] = [];
    for (const row of rows) {
      const next: SessionRow | null = row.sessionId
        ? await sessions.findById(row.sessionId)
        : (await sessions.firstEndingAfter(row.kind as ActivityKind, [row.activityId], now)).get(row.activityId) ?? null;
      if (!next || next.end <= now) continue;
      const activity = (await activityRepository(strapi).findById(row.kind as ActivityKind, row.activityId, language)) ?? (await activityRepository(strapi).findById(row.kind as ActivityKind, row.activityId, locale));
      const token = newManageToken();
      await enrolmentRepository(strapi).setFoundTokenHash(row.documentId, hashToken(token));
      const link = manageLink(strapi, 'enrolment', token, language);
      if (!link) continue;
      found.push({ what: activity?.title ?? '', when: formatOccurrence(next, language, tz(), false), reference: null, link, start: next.start, name: row.name, about: { kind: 'enrolment', id: row.documentId } });
    }
    return found;
  };

  return {
    /** Looks up and sends; resolves to how many messages were queued. Never throws: nobody waits on it. */
    async send(request: FindBookingsRequest, now: Date): Promise<number> {
      try {
        const language = request.language ?? 'zh-CN';
        const channel = request.email ? (canMail(strapi) ? 'email' : null) : canText(strapi, 'bookings.found') ? 'sms' : null;
        if (!channel) {
          strapi.log.warn(`[booking] find my booking: no ${request.email ? 'mail' : 'SMS'} can be sent, nothing looked up`);
          return 0;
        }
        if (!(await withinContactBudget(request))) return 0;
        const found = [...(await findReservations(request, now, language)), ...(await findEnrolments(request, now, language))]
          .sort((a, b) => +a.start - +b.start)
          .slice(0, MAX_FOUND);
        if (found.length === 0) return 0;
        const outbox = getService(strapi, 'outbox');
        const name = found[0].name;
        if (channel === 'email') {
          const id = await outbox.enqueue({
            kind: 'bookings.found',
            channel,
            recipient: request.email!,
            name,
            language,
            about: found[0].about,
            summary: found.map((f) => [f.what, f.when, f.reference].filter(Boolean).join(' · ')).join('; '),
            content: foundBookingsMessage({ language, name, items: found, centreName: bookingConfig(strapi).centreName[language] }),
          });
          return id === null ? 0 : 1;
        }
        // A text message carries one link: one message a booking.
        let queued = 0;
        for (const f of found) {
          const facts = { kind: 'bookings.found' as const, language, name: f.name, what: f.what, when: f.when, link: f.link };
          const id = await outbox.enqueue({
            kind: 'bookings.found',
            channel,
            recipient: normalisePhone(request.phone!),
            name: f.name,
            language,
            about: f.about,
            summary: [f.what, f.when, f.reference].filter(Boolean).join(' · '),
            content: facts,
          });
          if (id !== null) queued += 1;
        }
        return queued;
      } catch (error) {
        strapi.log.error(`[booking] find my booking failed: ${(error as Error).message}`);
        return 0;
      }
    },
  };
};
