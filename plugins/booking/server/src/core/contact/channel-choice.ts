import { defaultNotifyBy, type NotifyBy } from '../../../../shared/notify-by';

/** How one message reaches its recipient: by mail, by text message, or on the staff's call list. */
export type Channel = NotifyBy;

export interface Recipient {
  email: string | null;
  phone: string | null;
  /** What they chose; null for a booking made before residents chose. */
  notifyBy: NotifyBy | null;
}

export interface AvailableChannels {
  /** A text-message provider (and template) exists for this kind of message. */
  sms: boolean;
  /** Mail can be sent at all. */
  email: boolean;
}

/**
 * The channel for one message: what the person chose when it can reach them, else mail when they
 * gave an address and mail goes out, else a call. The call list is the channel that never fails:
 * staff ring whoever nothing else reaches (a chosen channel is never swapped for text messages the
 * person did not ask for).
 */
export function chooseChannel(recipient: Recipient, available: AvailableChannels): Channel {
  const chosen = recipient.notifyBy ?? defaultNotifyBy(recipient);
  if (chosen === 'sms' && recipient.phone && available.sms) return 'sms';
  if (chosen === 'call' && recipient.phone) return 'call';
  return recipient.email && available.email ? 'email' : 'call';
}
