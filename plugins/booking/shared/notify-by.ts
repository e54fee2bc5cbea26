/** How a resident chose to be told: the values the API takes, the content types store and the admin panel shows. */
export const NOTIFY_BY = ['email', 'sms', 'call'] as const;

export type NotifyBy = (typeof NOTIFY_BY)[number];

/**
 * What a request that names no channel (or a row stored before the choice existed) gets: mail
 * when an address was given, as before, else a call from staff, since a number was then given.
 */
export const defaultNotifyBy = (contact: { email?: string | null }): NotifyBy => (contact.email ? 'email' : 'call');
