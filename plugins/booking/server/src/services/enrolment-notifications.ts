import type { Core } from '@strapi/strapi';
import { instantToZonedIso } from '../core/time/zoned';
import { enrolledMessage, promotedMessage, sessionChangedMessage } from '../mail/enrolment-messages';
import type { EnrolmentRow } from '../repositories/enrolment-repository';
import { ROOM_UID } from '../repositories/room-repository';
import type { SessionRow } from '../repositories/session-repository';
import { bookingConfig } from './settings';

/** Mail about enrolments, sent after the transaction; a failure is logged, never undoes anything. */
const enrolmentNotifications = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Confirms a new enrolment (or waiting-list place) to its e-mail, with the manage link. */
  enrolled(row: EnrolmentRow, activity: any, session: SessionRow | null, manageToken: string) {
    if (!row.email || !strapi.plugin('email')) return;
    const { timezone, centreName, siteUrl } = bookingConfig(strapi);
    const when = session ? instantToZonedIso(session.start, timezone).slice(0, 16).replace('T', ' ') : null;
    const manageUrl = siteUrl ? `${siteUrl.replace(/\/$/, '')}${row.language === 'en' ? '/en' : ''}/manage/?enrolment=${encodeURIComponent(manageToken)}` : null;
    const message = enrolledMessage({
      language: row.language,
      name: row.name,
      title: activity?.title ?? '',
      when,
      status: row.status === 'waitlisted' ? 'waitlisted' : 'confirmed',
      position: row.position,
      manageUrl,
      centreName: centreName[row.language],
    });
    strapi
      .plugin('email')
      .service('email')
      .send({ to: row.email, ...message })
      .catch((error: Error) => strapi.log.error(`booking: could not confirm enrolment ${row.documentId} by mail: ${error.message}`));
  },

  promoted(rows: EnrolmentRow[], activity: any, session: SessionRow | null) {
    const { timezone, centreName } = bookingConfig(strapi);
    for (const row of rows) {
      if (!row.email || !strapi.plugin('email')) continue;
      const when = session ? instantToZonedIso(session.start, timezone).slice(0, 16).replace('T', ' ') : null;
      const message = promotedMessage({ language: row.language, name: row.name, title: activity?.title ?? '', when, centreName: centreName[row.language] });
      strapi
        .plugin('email')
        .service('email')
        .send({ to: row.email, ...message })
        .catch((error: Error) => strapi.log.error(`booking: could not mail ${row.documentId} about their place: ${error.message}`));
    }
  },

  /** Tells everyone enrolled that staff cancelled the session or changed its time or room. */
  sessionChanged(rows: EnrolmentRow[], activity: any, change: { change: 'cancelled' | 'moved'; before: SessionRow; after?: SessionRow; reason?: string | null }) {
    const { timezone, centreName } = bookingConfig(strapi);
    const roomNames = new Map<string, string | null>();
    const roomName = async (roomId: string | null, language: 'zh-CN' | 'en') => {
      if (!roomId) return null;
      const key = `${roomId}:${language}`;
      if (!roomNames.has(key)) {
        const doc = ((await strapi.documents(ROOM_UID as any).findOne({ documentId: roomId, locale: language, status: 'published' } as any)) ??
          (await strapi.documents(ROOM_UID as any).findOne({ documentId: roomId, status: 'published' } as any))) as { name?: string } | null;
        roomNames.set(key, doc?.name ?? null);
      }
      return roomNames.get(key)!;
    };
    const send = async (row: EnrolmentRow) => {
      const slot = async (s: SessionRow) => ({ start: s.start, end: s.end, roomName: await roomName(s.roomId, row.language) });
      const message = sessionChangedMessage({
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
      await strapi.plugin('email').service('email').send({ to: row.email, ...message });
    };
    if (!strapi.plugin('email')) return;
    for (const row of rows) {
      if (!row.email) continue;
      send(row).catch((error: Error) => strapi.log.error(`booking: could not mail ${row.documentId} about session ${change.before.documentId}: ${error.message}`));
    }
  },
});

export default enrolmentNotifications;
export type EnrolmentNotificationsService = ReturnType<typeof enrolmentNotifications>;
