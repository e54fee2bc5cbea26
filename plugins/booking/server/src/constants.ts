/** Names the plugin's routes, bootstrap and services share, so that none of them imports another for a constant. */

export const PLUGIN_ID = 'booking';

/** RBAC actions editors' roles can be given in Settings → Roles. */
export const PERMISSIONS = {
  manageReservations: { uid: 'reservations.manage', displayName: 'Manage reservations (approve, reject, enter for callers)' },
  manageActivities: { uid: 'activities.manage', displayName: 'Manage activities (enrol at the desk, rosters, attendance, reports, cancel or move sessions)' },
  manageClosures: { uid: 'closures.manage', displayName: 'Manage closures (declare, see who is affected, cancel and tell them)' },
  personalDataRequests: { uid: 'personal-data.requests', displayName: 'Personal data requests (find a person, export and erase their data)' },
  seeFullContacts: { uid: 'contacts.full', displayName: 'See full contact details (phone numbers unmasked on rosters, lists and exports)' },
  viewAuditLog: { uid: 'audit.read', displayName: 'View audit log (who did what, when, from where)' },
  viewReports: { uid: 'reports.read', displayName: 'View reports (service figures, their sentences and downloads)' },
} as const;

/** The ready-made admin role for the front desk: the plugin's staff actions and nothing else. */
export const FRONT_DESK_ROLE = {
  code: 'booking-front-desk',
  name: 'Front desk / 前台',
  description: 'Front desk staff: the day board, bookings taken for callers, enrolment at the desk, attendance, session changes and closures. 前台：总览、代约、报名、签到、调课停课、闭馆。',
} as const;

export type PermissionUid = (typeof PERMISSIONS)[keyof typeof PERMISSIONS]['uid'];

/**
 * Oversight of the desk's work, not desk work: the Front desk role is made without these. Answering
 * personal data requests and reading phone numbers in full are given to a named person in Settings → Roles.
 */
export const NOT_FOR_FRONT_DESK: readonly PermissionUid[] = [PERMISSIONS.viewAuditLog.uid, PERMISSIONS.personalDataRequests.uid, PERMISSIONS.seeFullContacts.uid];

/** The action name Strapi's RBAC knows a permission by (what roles hold and policies ask for). */
export const permissionAction = (uid: PermissionUid) => `plugin::${PLUGIN_ID}.${uid}`;

/** Content-API handlers a signed-in resident may call but an anonymous visitor may not. */
export const ACCOUNT_ONLY_HANDLERS = ['reservations.mine'];

/** The app's single type whose `privacyNotice` (one text per language) the forms show by their consent box. */
export const SITE_SETTINGS_UID = 'api::site-setting.site-setting';

/** Content types of the plugin. */
export const UID = {
  centre: 'plugin::booking.centre',
  room: 'plugin::booking.room',
  closure: 'plugin::booking.closure',
  reservation: 'plugin::booking.reservation',
  category: 'plugin::booking.category',
  course: 'plugin::booking.course',
  event: 'plugin::booking.event',
  session: 'plugin::booking.session',
  enrolment: 'plugin::booking.enrolment',
  attendance: 'plugin::booking.attendance',
} as const;

/**
 * Content types holding residents' names, phones and e-mails (attendance names who came). Hidden
 * from the content manager (their schemas' pluginOptions): staff reach them through the plugin's
 * pages, which ask for "Manage reservations" or "Manage activities".
 */
export const PERSONAL_DATA_UIDS: readonly string[] = [UID.reservation, UID.enrolment, UID.attendance];

/** The plugin's own tables (not content types: Strapi's schema sync neither knows nor touches them). */
export const TABLES = {
  holds: 'booking_holds',
  idempotency: 'booking_idempotency_keys',
  capacityLocks: 'booking_capacity_locks',
  rateLimits: 'booking_rate_limits',
  messages: 'booking_messages',
  cantComeCodes: 'booking_cant_come_codes',
  absences: 'booking_absences',
  audit: 'booking_audit_log',
  privacyNotices: 'booking_privacy_notices',
  dataVersion: 'booking_data_version',
} as const;

/**
 * A reference names one request: its dates are numbered from 0, so a second request under the same
 * reference would have a second date 0, which this unique index refuses (migrations/lookup-indexes.ts).
 */
export const REFERENCE_UNIQUE_INDEX = 'booking_reservations_reference_series_unique';
/** The range index the board's read of a period's reservations uses (migrations/lookup-indexes.ts). */
export const RESERVATION_PERIOD_INDEX = 'booking_reservations_period_idx';

/** PostgreSQL's exclusion constraint that keeps two holds of one room from overlapping. */
export const NO_OVERLAP_CONSTRAINT = 'booking_holds_no_overlap';
