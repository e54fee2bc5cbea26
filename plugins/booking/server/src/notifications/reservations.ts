import type { Core } from '@strapi/strapi';
import { reservationMessage } from '../messages/reservation-messages';
import type { ReservationRow } from '../repositories/reservation-repository';
import { roomRepository } from '../repositories/room-repository';
import { manageLink } from '../utils/links';
import { bookingConfig } from '../utils/plugin-config';
import { canMail, sendLogged } from './send';

export interface StatusChange {
  kind: 'received' | 'confirmed' | 'rejected' | 'cancelled';
  /** Every row of the request, as they are after the change. */
  rows: ReservationRow[];
  /** The rows this change touched. */
  changed: ReservationRow[];
  /** Why staff cancelled (a closure's reason, in the requester's language). */
  reason?: string | null;
}

/** Tells requesters what happened to their reservation, in their language. Call after commit. */
export const reservationNotifications = (strapi: Core.Strapi) => ({
  reservationChanged(change: StatusChange, links: { manageToken?: string }): void {
    const first = change.rows[0];
    if (!first?.email || !canMail(strapi)) return;
    const { timezone, centreName } = bookingConfig(strapi);
    const language = first.language;
    const message = async () => {
      const room = await roomRepository(strapi).findById(first.roomId, [{ locale: language, status: 'published' }]);
      return reservationMessage({
        kind: change.kind,
        language,
        reference: first.reference,
        roomName: room?.name ?? first.room?.name ?? '',
        // A rejection lists the dates that were asked for; otherwise the dates still held and to come.
        occurrences: (change.kind === 'rejected'
          ? change.changed
          : change.rows.filter((r) => r.status !== 'cancelled' && r.status !== 'rejected' && r.end > new Date())
        ).map((r) => ({ start: r.start, end: r.end })),
        purpose: first.purpose,
        cancelledOccurrences: change.kind === 'cancelled' ? change.changed.map((r) => ({ start: r.start, end: r.end })) : undefined,
        reason: change.kind === 'rejected' ? change.changed[0]?.rejectionReason ?? null : change.kind === 'cancelled' ? change.reason ?? null : null,
        contactName: first.contactName,
        manageUrl: links.manageToken ? manageLink(strapi, 'token', links.manageToken, language) : null,
        centreName: centreName[language],
        timezone,
      });
    };
    sendLogged(strapi, first.email, message, `could not send the ${change.kind} e-mail for ${first.reference}`);
  },
});
