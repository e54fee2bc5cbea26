import { MANAGE_RESERVATIONS } from '../bootstrap/admin-permissions';

/** Staff routes, served under /booking for signed-in admin users with the plugin's permission. */
const staffOnly = {
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [MANAGE_RESERVATIONS] } }],
};

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/reservations', handler: 'admin-reservations.list', config: staffOnly },
    { method: 'POST', path: '/reservations', handler: 'admin-reservations.create', config: staffOnly },
    { method: 'POST', path: '/reservations/:reference/approve', handler: 'admin-reservations.approve', config: staffOnly },
    { method: 'POST', path: '/reservations/:reference/reject', handler: 'admin-reservations.reject', config: staffOnly },
    { method: 'GET', path: '/closures/:id/reservations', handler: 'admin-closures.affected', config: staffOnly },
  ],
};
