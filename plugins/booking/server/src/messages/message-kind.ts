/** What a message to a resident is about; each kind has its mail, its SMS template and its call-list line. */
export type MessageKind =
  | 'reservation.received'
  | 'reservation.confirmed'
  | 'reservation.rejected'
  | 'reservation.cancelled'
  | 'enrolment.confirmed'
  | 'enrolment.waitlisted'
  | 'enrolment.promoted'
  | 'enrolment.cancelled'
  | 'session.moved'
  | 'session.cancelled'
  | 'activity.withdrawn'
  | 'reminder';
