import { DAY_MS } from '../time/instants';

/**
 * A manage link opens a booking (with the requester's name and phone) until `days` after the end of
 * its last date; later it opens nothing, so an old mail or a shared screenshot stops exposing anyone.
 * `lastEnds` are the ends of the booking's dates (any status: a cancelled date still dates the link).
 */
export const manageLinkExpiresAt = (lastEnds: Date[], days: number): Date | null =>
  lastEnds.length === 0 ? null : new Date(Math.max(...lastEnds.map((d) => d.getTime())) + days * DAY_MS);

/** True once the link's time is over; a booking with no dates at all (a deleted activity) keeps no link alive. */
export const manageLinkExpired = (lastEnds: Date[], days: number, now: Date): boolean => {
  const expiresAt = manageLinkExpiresAt(lastEnds, days);
  return expiresAt === null || now.getTime() >= expiresAt.getTime();
};
