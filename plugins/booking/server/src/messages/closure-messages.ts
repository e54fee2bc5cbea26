import type { MessagePreview } from '../../../shared/contracts/closures';
import { sessionChangedMessage, type SessionSlot } from './enrolment-messages';
import type { MessageLanguage, MessageOccurrence } from './rendering';
import { reservationMessage } from './reservation-messages';

const LANGUAGES: MessageLanguage[] = ['zh-CN', 'en'];

export interface ClosureMessagesInput {
  /** One reservation the closure cancels, as its mail will describe it; null when none. */
  reservation: {
    reference: string;
    roomName: string;
    contactName: string;
    purpose: string | null;
    /** Its dates still booked after the closure, and the dates the closure cancels. */
    stillBooked: MessageOccurrence[];
    cancelled: MessageOccurrence[];
  } | null;
  /** One session the closure cancels and a person on its roster; null when none. */
  session: { title: string; name: string; slot: SessionSlot } | null;
  /** The closure's reason in each language. */
  reason: Record<MessageLanguage, string>;
  centreName: Record<MessageLanguage, string>;
  timezone: string;
}

/**
 * The mails a closure sends, as staff preview them before saving: the usual "booking cancelled" and
 * "session cancelled" mails with the closure's reason quoted, in Chinese and in English.
 */
export const closureMessagePreviews = (input: ClosureMessagesInput): MessagePreview[] => {
  const previews: MessagePreview[] = [];
  const { reservation, session } = input;
  for (const language of LANGUAGES) {
    if (reservation) {
      const m = reservationMessage({
        kind: 'cancelled',
        language,
        reference: reservation.reference,
        roomName: reservation.roomName,
        occurrences: reservation.stillBooked,
        cancelledOccurrences: reservation.cancelled,
        purpose: reservation.purpose,
        reason: input.reason[language],
        contactName: reservation.contactName,
        manageUrl: null,
        centreName: input.centreName[language],
        timezone: input.timezone,
      });
      previews.push({ audience: 'reservation', language, subject: m.subject, text: m.text });
    }
    if (session) {
      const m = sessionChangedMessage({
        change: 'cancelled',
        language,
        name: session.name,
        title: session.title,
        before: session.slot,
        reason: input.reason[language],
        centreName: input.centreName[language],
        timezone: input.timezone,
      });
      previews.push({ audience: 'enrolment', language, subject: m.subject, text: m.text });
    }
  }
  return previews;
};
