import type { MessageChannel, MessageState } from '../../../shared/contracts/messages';
import type { Translate } from './use-t';

/** "2026-11-30 18:05": an instant the API wrote with the centre's offset, read on that clock as written. */
export const centreTime = (iso: string | null | undefined): string => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '');

const KIND_EN: Record<string, string> = {
  'reservation.received': 'Request received',
  'reservation.confirmed': 'Booking confirmed',
  'reservation.rejected': 'Request rejected',
  'reservation.cancelled': 'Booking cancelled',
  'enrolment.confirmed': 'Enrolment confirmed',
  'enrolment.waitlisted': 'On the waiting list',
  'enrolment.promoted': 'Moved up from the waiting list',
  'enrolment.cancelled': 'Enrolment cancelled',
  'session.moved': 'Session moved',
  'session.cancelled': 'Session cancelled',
  'activity.withdrawn': 'Activity withdrawn',
  reminder: 'Reminder',
  'bookings.found': 'Manage links sent again (find my booking)',
};

/** What a message told the resident, in the staff's language. */
export const messageKindLabel = (kind: string, t: Translate): string => t(`messages.kind.${kind}`, KIND_EN[kind] ?? kind);

export const channelLabel = (channel: MessageChannel, t: Translate): string =>
  ({ email: t('messages.channel.email', 'E-mail'), sms: t('messages.channel.sms', 'Text message'), call: t('messages.channel.call', 'Phone call') })[channel];

/** A message's state; a call's in the words of whoever rings (to ring, reached, not reached). */
export const stateLabel = (state: MessageState, channel: MessageChannel, t: Translate): string => {
  if (channel === 'call') {
    if (state === 'sent') return t('calls.state.sent', 'Reached');
    if (state === 'failed') return t('calls.state.failed', 'Not reached');
    return t('calls.state.queued', 'To ring');
  }
  return {
    queued: t('messages.state.queued', 'Queued'),
    sending: t('messages.state.sending', 'Sending'),
    sent: t('messages.state.sent', 'Sent'),
    retrying: t('messages.state.retrying', 'Failed, will retry'),
    failed: t('messages.state.failed', 'Failed'),
  }[state];
};

/** The badge colour of a state: failures stand out. */
export const stateTone = (state: MessageState): 'success' | 'warning' | 'danger' | 'neutral' =>
  state === 'sent' ? 'success' : state === 'failed' ? 'danger' : state === 'retrying' ? 'warning' : 'neutral';
