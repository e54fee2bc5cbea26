import type { AuditEntryView } from '../../../shared/contracts/audit';
import type { Translate } from './use-t';

/** Actions the plugin records; others' (a later part's) show under their own name until they get a label. */
const ACTION_EN: Record<string, string> = {
  'reservation.approve': 'Approved a request',
  'reservation.reject': 'Rejected a request',
  'reservation.create': 'Booked for a caller',
  'reservation.create-override': 'Booked for a caller, overriding a rule',
  'enrolment.create': 'Enrolled someone at the desk',
  'enrolment.cancel': 'Cancelled an enrolment',
  'attendance.mark': 'Marked attendance',
  'roster.export': 'Downloaded a roster (CSV)',
  'session.cancel': 'Cancelled a session',
  'session.move': 'Moved a session',
  'closure.declare': 'Declared a closure',
  'closure.remove': 'Removed a closure',
  'message.retry': 'Sent a message again',
  'call.tick': 'Ticked a call',
  'role.create': 'Created a role',
  'role.update': 'Changed a role',
  'role.delete': 'Deleted a role',
  'role.permissions': 'Changed a role’s permissions',
  'admin-user.create': 'Invited a staff account',
  'admin-user.update': 'Changed a staff account’s roles or access',
  'admin-user.delete': 'Deleted a staff account',
};

export const auditActionLabel = (action: string, t: Translate): string => t(`audit.action.${action}`, ACTION_EN[action] ?? action);

const SUBJECT_EN: Record<string, string> = {
  reservation: 'Reservation',
  enrolment: 'Enrolment',
  session: 'Session',
  closure: 'Closure',
  message: 'Message',
  role: 'Role',
  'admin-user': 'Staff account',
  person: 'Person',
};

export const auditSubjectLabel = (subject: AuditEntryView['subject'], t: Translate): string =>
  subject ? `${t(`audit.subject.${subject.kind}`, SUBJECT_EN[subject.kind] ?? subject.kind)} ${subject.id}` : '—';

/** The staff member as recorded then, or "the system" for what nobody signed in did. */
export const auditActorLabel = (actor: AuditEntryView['actor'], t: Translate): string =>
  actor ? actor.name || actor.email || `#${actor.id}` : t('audit.system', 'The system');

/** Details as `key: value` pairs on one line; lists joined with commas. */
export const auditDetailsText = (details: AuditEntryView['details']): string =>
  details
    ? Object.entries(details)
        .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
        .join(' · ')
    : '';
