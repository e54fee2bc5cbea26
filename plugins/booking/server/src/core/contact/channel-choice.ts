export type Channel = 'email' | 'sms' | 'call';

export interface ChannelRecipient {
  email: string | null;
  phone: string | null;
  notifyBy?: Channel | null;
}

/**
 * How to reach a resident: the way they chose when it can be used, else mail if they gave an
 * address, else a call from staff (who reach everyone with a phone, and see on the call list who
 * has none).
 */
export function chooseChannel(recipient: ChannelRecipient, available: { email: boolean; sms: boolean }): Channel {
  const { email, phone } = recipient;
  const chosen = recipient.notifyBy ?? (email ? 'email' : 'call');
  if (chosen === 'sms' && phone && available.sms) return 'sms';
  if (chosen === 'call') return 'call';
  if (email && available.email) return 'email';
  return 'call';
}
