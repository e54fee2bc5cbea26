import type { Core } from '@strapi/strapi';
import { instantToZonedIso } from '../core/time/zoned';
import { enrolledMessage, promotedMessage, sessionChangedMessage } from '../messages/enrolment-messages';
import { formatOccurrence } from '../messages/rendering';
import type { ActivityRow } from '../repositories/activity-repository';
import type { EnrolmentRow } from '../repositories/enrolment-repository';
import { roomRepository } from '../repositories/room-repository';
import type { SessionRow } from '../repositories/session-repository';
import { manageLink } from '../utils/links';
import { bookingConfig } from '../utils/plugin-config';
import { tell, type Recipient } from './send';

export interface SessionChange {
  change: 'cancelled' | 'moved';
  before: SessionRow;
  after?: SessionRow;
  reason?: string | null;
}

/** The enrolled person as a recipient: their contact and the channel they chose. */
export const enrolledRecipient = (row: EnrolmentRow): Recipient => ({
  name: row.name,
  email: row.email,
  phone: row.phone,
  notifyBy: row.notifyBy,
  language: row.language,
});

/** Messages about enrolments and the sessions people enrolled in, by each person's channel. Call after commit. */
export const enrolmentNotifications = (strapi: Core.Strapi) => {
  const { timezone } = bookingConfig(strapi);
  const whenOf = (session: SessionRow | null) => (session ? instantToZonedIso(session.start, timezone).slice(0, 16).replace('T', ' ') : null);
  const readableWhen = (session: SessionRow | null, language: 'zh-CN' | 'en') => (session ? formatOccurrence(session, language, timezone, false) : '');
  const centre = (language: 'zh-CN' | 'en') => bookingConfig(strapi).centreName[language];

  return {
    /** Confirms a new enrolment (or waiting-list place), with the manage link. */
    enrolled(row: EnrolmentRow, activity: ActivityRow | null, session: SessionRow | null, manageToken: string): void {
      const waitlisted = row.status === 'waitlisted';
      const manageUrl = manageLink(strapi, 'enrolment', manageToken, row.language);
      void tell(strapi, enrolledRecipient(row), {
        kind: waitlisted ? 'enrolment.waitlisted' : 'enrolment.confirmed',
        about: { kind: 'enrolment', id: row.documentId },
        // They enrolled themselves and saw the answer on the form.
        call: false,
        email: () =>
          enrolledMessage({
            language: row.language,
            name: row.name,
            title: activity?.title ?? '',
            when: whenOf(session),
            status: waitlisted ? 'waitlisted' : 'confirmed',
            position: row.position,
            manageUrl,
            centreName: centre(row.language),
          }),
        sms: { kind: waitlisted ? 'enrolment.waitlisted' : 'enrolment.confirmed', language: row.language, name: row.name, what: activity?.title ?? '', when: readableWhen(session, row.language), ...(manageUrl ? { link: manageUrl } : {}) },
      });
    },

    /** Tells people moved up from the waiting list that they have a place. */
    promoted(rows: EnrolmentRow[], activity: ActivityRow | null, session: SessionRow | null): void {
      for (const row of rows) {
        void tell(strapi, enrolledRecipient(row), {
          kind: 'enrolment.promoted',
          about: { kind: 'enrolment', id: row.documentId },
          email: () => promotedMessage({ language: row.language, name: row.name, title: activity?.title ?? '', when: whenOf(session), centreName: centre(row.language) }),
          sms: { kind: 'enrolment.promoted', language: row.language, name: row.name, what: activity?.title ?? '', when: readableWhen(session, row.language) },
        });
      }
    },

    /** Tells everyone enrolled that staff cancelled the session or changed its time or room. */
    sessionChanged(rows: EnrolmentRow[], activity: ActivityRow | null, change: SessionChange): void {
      const roomNames = new Map<string, Promise<string | null>>();
      // The room's name in the reader's language, else in the default locale; asked once per room and language.
      const roomName = (roomId: string | null, language: 'zh-CN' | 'en') => {
        if (!roomId) return Promise.resolve(null);
        const key = `${roomId}:${language}`;
        if (!roomNames.has(key)) {
          const versions = [{ locale: language, status: 'published' as const }, { locale: undefined, status: 'published' as const }];
          roomNames.set(key, roomRepository(strapi).findById(roomId, versions).then((room) => room?.name ?? null));
        }
        return roomNames.get(key)!;
      };
      const kind = change.change === 'cancelled' ? 'session.cancelled' : 'session.moved';
      for (const row of rows) {
        const slot = async (s: SessionRow) => ({ start: s.start, end: s.end, roomName: await roomName(s.roomId, row.language) });
        void tell(strapi, enrolledRecipient(row), {
          kind,
          about: { kind: 'enrolment', id: row.documentId },
          email: async () =>
            sessionChangedMessage({
              change: change.change,
              language: row.language,
              name: row.name,
              title: activity?.title ?? '',
              before: await slot(change.before),
              after: change.after ? await slot(change.after) : undefined,
              reason: change.reason ?? null,
              centreName: centre(row.language),
              timezone,
            }),
          sms: {
            kind,
            language: row.language,
            name: row.name,
            what: activity?.title ?? '',
            when:
              change.after
                ? `${readableWhen(change.before, row.language)} → ${readableWhen(change.after, row.language)}`
                : readableWhen(change.before, row.language),
          },
        });
      }
    },
  };
};
