import type { Core } from '@strapi/strapi';
import { instantToZonedIso } from '../core/time/zoned';
import { enrolledMessage, promotedMessage, sessionChangedMessage } from '../messages/enrolment-messages';
import type { ActivityRow } from '../repositories/activity-repository';
import type { EnrolmentRow } from '../repositories/enrolment-repository';
import { roomRepository } from '../repositories/room-repository';
import type { SessionRow } from '../repositories/session-repository';
import { manageLink } from '../utils/links';
import { bookingConfig } from '../utils/plugin-config';
import { canMail, sendLogged } from './send';

export interface SessionChange {
  change: 'cancelled' | 'moved';
  before: SessionRow;
  after?: SessionRow;
  reason?: string | null;
}

/** Mail about enrolments and the sessions people enrolled in. Call after commit. */
export const enrolmentNotifications = (strapi: Core.Strapi) => {
  const whenOf = (session: SessionRow | null) => (session ? instantToZonedIso(session.start, bookingConfig(strapi).timezone).slice(0, 16).replace('T', ' ') : null);

  return {
    /** Confirms a new enrolment (or waiting-list place) to its e-mail, with the manage link. */
    enrolled(row: EnrolmentRow, activity: ActivityRow | null, session: SessionRow | null, manageToken: string): void {
      if (!row.email || !canMail(strapi)) return;
      const message = enrolledMessage({
        language: row.language,
        name: row.name,
        title: activity?.title ?? '',
        when: whenOf(session),
        status: row.status === 'waitlisted' ? 'waitlisted' : 'confirmed',
        position: row.position,
        manageUrl: manageLink(strapi, 'enrolment', manageToken, row.language),
        centreName: bookingConfig(strapi).centreName[row.language],
      });
      sendLogged(strapi, row.email, () => message, `could not confirm enrolment ${row.documentId} by mail`);
    },

    /** Tells people moved up from the waiting list that they have a place. */
    promoted(rows: EnrolmentRow[], activity: ActivityRow | null, session: SessionRow | null): void {
      for (const row of rows) {
        if (!row.email || !canMail(strapi)) continue;
        const message = promotedMessage({ language: row.language, name: row.name, title: activity?.title ?? '', when: whenOf(session), centreName: bookingConfig(strapi).centreName[row.language] });
        sendLogged(strapi, row.email, () => message, `could not mail ${row.documentId} about their place`);
      }
    },

    /** Tells everyone enrolled that staff cancelled the session or changed its time or room. */
    sessionChanged(rows: EnrolmentRow[], activity: ActivityRow | null, change: SessionChange): void {
      if (!canMail(strapi)) return;
      const { timezone, centreName } = bookingConfig(strapi);
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
      for (const row of rows) {
        if (!row.email) continue;
        const slot = async (s: SessionRow) => ({ start: s.start, end: s.end, roomName: await roomName(s.roomId, row.language) });
        const message = async () =>
          sessionChangedMessage({
            change: change.change,
            language: row.language,
            name: row.name,
            title: activity?.title ?? '',
            before: await slot(change.before),
            after: change.after ? await slot(change.after) : undefined,
            reason: change.reason ?? null,
            centreName: centreName[row.language],
            timezone,
          });
        sendLogged(strapi, row.email, message, `could not mail ${row.documentId} about session ${change.before.documentId}`);
      }
    },
  };
};
