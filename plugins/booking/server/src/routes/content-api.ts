/**
 * Public routes, served under /api/booking. Bootstrap grants them to users-permissions' roles
 * (constants.ts names the ones only for signed-in residents). The manage routes take the link's
 * token in the X-Manage-Token header, so it never appears in a path that a log prints; the "I can't
 * come" routes take a reminder's code in X-Cant-Come-Code the same way.
 *
 * Every route gets a config object of its own: Strapi writes each route's permission scope into its
 * config, so routes sharing one object would all be checked against the first one's permission.
 */
/** The booking forms' requests: one budget per client across all of these routes (middlewares/rate-limit.ts). */
const limited = () => ({ policies: [], middlewares: [{ name: 'plugin::booking.rate-limit', config: { budget: 'forms' } }] });
/** Reads that cost the database a lot: their own, larger budget, so the site's pages are not starved by the forms. */
const expensiveRead = () => ({ policies: [], middlewares: [{ name: 'plugin::booking.rate-limit', config: { budget: 'reads' } }] });
/** Reads of rooms and their availability: kept per data version, with an ETag and compression (middlewares/cached-read.ts). */
const cachedRead = () => ({ name: 'plugin::booking.cached-read', config: {} });
const cached = () => ({ policies: [], middlewares: [cachedRead()] });
const cachedExpensiveRead = () => ({ ...expensiveRead(), middlewares: [...expensiveRead().middlewares, cachedRead()] });

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/rooms', handler: 'rooms.find', config: cached() },
    { method: 'GET', path: '/rooms/:slug', handler: 'rooms.findOne', config: cached() },
    { method: 'GET', path: '/rooms/:slug/availability', handler: 'availability.room', config: cachedExpensiveRead() },
    { method: 'GET', path: '/availability', handler: 'availability.all', config: cachedExpensiveRead() },
    { method: 'POST', path: '/reservations', handler: 'reservations.create', config: limited() },
    { method: 'GET', path: '/reservations/manage', handler: 'reservations.show', config: limited() },
    { method: 'POST', path: '/reservations/manage/cancel', handler: 'reservations.cancel', config: limited() },
    { method: 'GET', path: '/me/reservations', handler: 'reservations.mine', config: { policies: [] } },
    { method: 'GET', path: '/courses', handler: 'activities.courses', config: { policies: [] } },
    { method: 'GET', path: '/courses/:slug', handler: 'activities.course', config: { policies: [] } },
    { method: 'GET', path: '/events', handler: 'activities.events', config: { policies: [] } },
    { method: 'GET', path: '/events/:slug', handler: 'activities.event', config: { policies: [] } },
    { method: 'GET', path: '/timetable', handler: 'activities.timetable', config: expensiveRead() },
    { method: 'GET', path: '/calendar/timetable.ics', handler: 'calendar.timetable', config: expensiveRead() },
    { method: 'GET', path: '/calendar/events.ics', handler: 'calendar.events', config: expensiveRead() },
    { method: 'GET', path: '/calendar/courses/:file', handler: 'calendar.course', config: expensiveRead() },
    { method: 'GET', path: '/calendar/rooms/:file', handler: 'calendar.room', config: expensiveRead() },
    { method: 'POST', path: '/enrolments', handler: 'enrolments.create', config: limited() },
    { method: 'GET', path: '/enrolments/manage', handler: 'enrolments.show', config: limited() },
    { method: 'POST', path: '/enrolments/manage/cancel', handler: 'enrolments.cancel', config: limited() },
    { method: 'GET', path: '/privacy-notice', handler: 'privacy-notice.show', config: { policies: [] } },
    { method: 'POST', path: '/find-my-bookings', handler: 'find-bookings.request', config: limited() },
    { method: 'GET', path: '/cant-come', handler: 'cant-come.show', config: limited() },
    { method: 'POST', path: '/cant-come', handler: 'cant-come.use', config: limited() },
  ],
};
