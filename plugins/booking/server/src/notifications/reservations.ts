import type { Core } from '@strapi/strapi';
import type { MessageKind } from '../messages/message-kind';
import { formatOccurrence } from '../messages/rendering';
import { reservationMessage } from '../messages/reservation-messages';
import type { ReservationRow } from '../repositories/reservation-repository';
import { roomRepository } from '../repositories/room-repository';
import { manageLink } from '../utils/links';
import { bookingConfig } from '../utils/plugin-config';
import { tell } from './send';

export interface StatusChange {
  kind: 'received' | 'confirmed' | 'rejected' | 'cancelled';
  /** Every row of the request, as they are after the change. */
  rows: ReservationRow[];
  /** The rows this change touched. */
  changed: ReservationRow[];
  /** Why staff cancelled (a closure's reason, in the requester's language). */
  reason?: string | null;
}

/** Tells requesters what happened to their reservation, in their language and by their channel. Call after commit. */
export const reservationNotifications = (strapi: Core.Strapi) => ({
  reservationChanged(change: StatusChange, links: { manageToken?: string }): void {
    const first = change.rows[0];
    if (!first) return;
    const { timezone, centreName } = bookingConfig(strapi);
    const language = first.language;
    // A rejection lists the dates that were asked for; otherwise the dates still held and to come.
    const occurrences = (change.kind === 'rejected' ? change.changed : change.rows.filter((r) => r.status !== 'cancelled' && r.status !== 'rejected' && r.end > new Date())).map((r) => ({ start: r.start, end: r.end }));
    const cancelledOccurrences = change.kind === 'cancelled' ? change.changed.map((r) => ({ start: r.start, end: r.end })) : undefined;
    const manageUrl = links.manageToken ? manageLink(strapi, 'token', links.manageToken, language) : null;
    let roomName: Promise<string> | null = null;
    const room = () => (roomName ??= roomRepository(strapi).findById(first.roomId, [{ locale: language, status: 'published' }]).then((r) => r?.name ?? first.room?.name ?? ''));
    const listed = change.kind === 'cancelled' ? cancelledOccurrences! : occurrences;
    const sorted = [...listed].sort((a, b) => +a.start - +b.start);

    void tell(
      strapi,
      { name: first.contactName, email: first.email ?? null, phone: first.phone ?? null, notifyBy: first.notifyBy, language },
      {
        kind: `reservation.${change.kind}` as MessageKind,
        about: { kind: 'reservation', id: first.reference },
        call: change.kind !== 'received',
        email: async () =>
          reservationMessage({
            kind: change.kind,
            language,
            reference: first.reference,
            roomName: await room(),
            occurrences,
            purpose: first.purpose,
            cancelledOccurrences,
            reason: change.kind === 'rejected' ? change.changed[0]?.rejectionReason ?? null : change.kind === 'cancelled' ? change.reason ?? null : null,
            contactName: first.contactName,
            manageUrl,
            centreName: centreName[language],
            timezone,
          }),
        sms: async () => ({
          kind: `reservation.${change.kind}` as MessageKind,
          language,
          name: first.contactName,
          what: await room(),
          when: sorted.length === 0 ? '' : formatOccurrence(sorted[0], language, timezone, false) + (sorted.length > 1 ? (language === 'zh-CN' ? ` 等${sorted.length}次` : ` and ${sorted.length - 1} more`) : ''),
          reference: first.reference,
          ...(manageUrl ? { link: manageUrl } : {}),
        }),
      }
    );
  },
});
