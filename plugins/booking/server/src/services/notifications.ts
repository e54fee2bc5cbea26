import type { Core } from '@strapi/strapi';
import { reservationMessage } from '../mail/reservation-messages';
import { ROOM_UID } from '../repositories/room-repository';
import type { StatusChange } from './reservation-manage';
import { bookingConfig } from './settings';

/**
 * Tells requesters what happened, through Strapi's email plugin, in their language. Callers call it
 * only after their transaction committed, and it never fails the request: a mail server being down
 * must not undo a booking, so errors are logged.
 */
const notifications = ({ strapi }: { strapi: Core.Strapi }) => {
  const roomNameIn = async (roomId: string, language: 'zh-CN' | 'en', fallback: string) => {
    const doc = await strapi.documents(ROOM_UID).findOne({ documentId: roomId, locale: language, status: 'published' } as any);
    return (doc as { name?: string } | null)?.name ?? fallback;
  };

  const manageUrlFor = (token: string | undefined, language: 'zh-CN' | 'en') => {
    const siteUrl = bookingConfig(strapi).siteUrl;
    if (!token || !siteUrl) return null;
    return `${siteUrl.replace(/\/$/, '')}${language === 'en' ? '/en' : ''}/manage/?token=${encodeURIComponent(token)}`;
  };

  const send = async (change: StatusChange, links: { manageToken?: string }) => {
    const first = change.rows[0];
    if (!first?.email || !strapi.plugin('email')) return;
    const { timezone, centreName } = bookingConfig(strapi);
    const language = first.language;
    const message = reservationMessage({
      kind: change.kind,
      language,
      reference: first.reference,
      roomName: await roomNameIn(first.roomId, language, first.room?.name ?? ''),
      // A rejection lists the dates that were asked for; otherwise the dates still held and to come.
      occurrences: (change.kind === 'rejected'
        ? change.changed
        : change.rows.filter((r) => r.status !== 'cancelled' && r.status !== 'rejected' && r.end > new Date())
      ).map((r) => ({ start: r.start, end: r.end })),
      purpose: first.purpose,
      cancelledOccurrences: change.kind === 'cancelled' ? change.changed.map((r) => ({ start: r.start, end: r.end })) : undefined,
      reason: change.kind === 'rejected' ? change.changed[0]?.rejectionReason ?? null : null,
      contactName: first.contactName,
      manageUrl: manageUrlFor(links.manageToken, language),
      centreName: centreName[language],
      timezone,
    });
    await strapi.plugin('email').service('email').send({ to: first.email, ...message });
  };

  return {
    reservationChanged(change: StatusChange, links: { manageToken?: string }) {
      send(change, links).catch((error) => strapi.log.error(`booking: could not send the ${change.kind} e-mail for ${change.rows[0]?.reference}: ${error.message}`));
    },
  };
};

export default notifications;
export type NotificationsService = ReturnType<typeof notifications>;
