import { PERMISSIONS, permissionAction, type PermissionUid } from '../constants';

/** A staff route: signed-in admin users whose role holds the plugin's permission `uid`. */
const staffHolding = (uid: PermissionUid) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [permissionAction(uid)] } }],
});
// Functions, so every route gets a config object of its own: Strapi writes into a route's config
// when it registers it, and routes sharing one object would share what it writes.
const staffOnly = () => staffHolding(PERMISSIONS.manageReservations.uid);
const activityStaffOnly = () => staffHolding(PERMISSIONS.manageActivities.uid);
const closureStaffOnly = () => staffHolding(PERMISSIONS.manageClosures.uid);
const personalDataRequestsOnly = () => staffHolding(PERMISSIONS.personalDataRequests.uid);
const auditReaders = () => staffHolding(PERMISSIONS.viewAuditLog.uid);
const reportReaders = () => staffHolding(PERMISSIONS.viewReports.uid);
/** Either kind of front desk work: the board shows rooms' bookings and activities alike. */
const deskStaffOnly = () => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'plugin::booking.holds-any-permission', config: { actions: [PERMISSIONS.manageReservations.uid, PERMISSIONS.manageActivities.uid].map(permissionAction) } },
  ],
});

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/board', handler: 'admin-board.show', config: deskStaffOnly() },
    { method: 'GET', path: '/reservations', handler: 'admin-reservations.list', config: staffOnly() },
    { method: 'POST', path: '/reservations', handler: 'admin-reservations.create', config: staffOnly() },
    { method: 'POST', path: '/reservations/:reference/approve', handler: 'admin-reservations.approve', config: staffOnly() },
    { method: 'POST', path: '/reservations/:reference/reject', handler: 'admin-reservations.reject', config: staffOnly() },
    { method: 'GET', path: '/closures', handler: 'admin-closures.list', config: closureStaffOnly() },
    { method: 'POST', path: '/closures/preview', handler: 'admin-closures.preview', config: closureStaffOnly() },
    { method: 'POST', path: '/closures', handler: 'admin-closures.create', config: closureStaffOnly() },
    { method: 'DELETE', path: '/closures/:id', handler: 'admin-closures.remove', config: closureStaffOnly() },
    { method: 'GET', path: '/closures/:id/reservations', handler: 'admin-closures.affected', config: closureStaffOnly() },
    { method: 'GET', path: '/sessions', handler: 'admin-activities.sessionsOfDay', config: activityStaffOnly() },
    { method: 'GET', path: '/activities', handler: 'admin-activities.list', config: activityStaffOnly() },
    { method: 'GET', path: '/activities/:type/:documentId', handler: 'admin-activities.detail', config: activityStaffOnly() },
    { method: 'POST', path: '/enrolments', handler: 'admin-enrolments.create', config: activityStaffOnly() },
    { method: 'POST', path: '/enrolments/:id/cancel', handler: 'admin-enrolments.cancel', config: activityStaffOnly() },
    { method: 'GET', path: '/sessions/:id/enrolments', handler: 'admin-activities.roster', config: activityStaffOnly() },
    { method: 'POST', path: '/sessions/:id/attendance', handler: 'admin-activities.attendance', config: activityStaffOnly() },
    { method: 'POST', path: '/sessions/:id/cancel', handler: 'admin-activities.cancel', config: activityStaffOnly() },
    { method: 'POST', path: '/sessions/:id/move', handler: 'admin-activities.move', config: activityStaffOnly() },
    // Messages about reservations need "Manage reservations", about enrolments "Manage activities":
    // the route lets either in, and the service keeps each reader to what their role covers.
    { method: 'GET', path: '/messages', handler: 'admin-messages.list', config: deskStaffOnly() },
    { method: 'POST', path: '/messages/:id/retry', handler: 'admin-messages.retry', config: deskStaffOnly() },
    { method: 'GET', path: '/calls', handler: 'admin-messages.calls', config: deskStaffOnly() },
    { method: 'POST', path: '/calls/:id', handler: 'admin-messages.tick', config: deskStaffOnly() },
    { method: 'GET', path: '/reports/attendance', handler: 'admin-activities.report', config: activityStaffOnly() },
    { method: 'GET', path: '/personal-data', handler: 'admin-personal-data.find', config: personalDataRequestsOnly() },
    { method: 'POST', path: '/personal-data/erase', handler: 'admin-personal-data.erase', config: personalDataRequestsOnly() },
    { method: 'GET', path: '/retention', handler: 'admin-personal-data.retention', config: personalDataRequestsOnly() },
    { method: 'POST', path: '/retention/run', handler: 'admin-personal-data.runRetention', config: personalDataRequestsOnly() },
    // Read only: no route writes, changes or deletes the audit trail (its table refuses it too).
    { method: 'GET', path: '/audit', handler: 'admin-audit.list', config: auditReaders() },
    { method: 'GET', path: '/reports/service', handler: 'admin-reports.service', config: reportReaders() },
    { method: 'GET', path: '/reports/service.xlsx', handler: 'admin-reports.serviceXlsx', config: reportReaders() },
    { method: 'GET', path: '/reports/service.csv', handler: 'admin-reports.serviceCsv', config: reportReaders() },
  ],
};
