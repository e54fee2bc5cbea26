/** Every kind of message the centre sends a resident, whatever the channel. */
export const MESSAGE_KINDS = [
  'reservation.received',
  'reservation.confirmed',
  'reservation.rejected',
  'reservation.cancelled',
  'enrolment.confirmed',
  'enrolment.waitlisted',
  'enrolment.promoted',
  'enrolment.cancelled',
  'session.moved',
  'session.cancelled',
  'activity.withdrawn',
  'reminder',
  'bookings.found',
] as const;

export type MessageKind = (typeof MESSAGE_KINDS)[number];
