/**
 * Public routes, served under /api/booking. Bootstrap grants them to users-permissions' roles
 * (constants.ts names the ones only for signed-in residents). The manage routes take the link's
 * token in the X-Manage-Token header, so it never appears in a path that a log prints.
 */
const limited = { policies: [], middlewares: ['plugin::booking.rate-limit'] };

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/rooms', handler: 'rooms.find', config: { policies: [] } },
    { method: 'GET', path: '/rooms/:slug', handler: 'rooms.findOne', config: { policies: [] } },
    { method: 'GET', path: '/rooms/:slug/availability', handler: 'availability.room', config: { policies: [] } },
    { method: 'GET', path: '/availability', handler: 'availability.all', config: { policies: [] } },
    { method: 'POST', path: '/reservations', handler: 'reservations.create', config: limited },
    { method: 'GET', path: '/reservations/manage', handler: 'reservations.show', config: limited },
    { method: 'POST', path: '/reservations/manage/cancel', handler: 'reservations.cancel', config: limited },
    { method: 'GET', path: '/me/reservations', handler: 'reservations.mine', config: { policies: [] } },
    { method: 'GET', path: '/courses', handler: 'activities.courses', config: { policies: [] } },
    { method: 'GET', path: '/courses/:slug', handler: 'activities.course', config: { policies: [] } },
    { method: 'GET', path: '/events', handler: 'activities.events', config: { policies: [] } },
    { method: 'GET', path: '/events/:slug', handler: 'activities.event', config: { policies: [] } },
    { method: 'GET', path: '/timetable', handler: 'activities.timetable', config: { policies: [] } },
    { method: 'GET', path: '/calendar/timetable.ics', handler: 'calendar.timetable', config: { policies: [] } },
    { method: 'GET', path: '/calendar/events.ics', handler: 'calendar.events', config: { policies: [] } },
    { method: 'GET', path: '/calendar/courses/:file', handler: 'calendar.course', config: { policies: [] } },
    { method: 'GET', path: '/calendar/rooms/:file', handler: 'calendar.room', config: { policies: [] } },
    { method: 'POST', path: '/enrolments', handler: 'enrolments.create', config: limited },
    { method: 'GET', path: '/enrolments/manage', handler: 'enrolments.show', config: limited },
    { method: 'POST', path: '/enrolments/manage/cancel', handler: 'enrolments.cancel', config: limited },
  ],
};
