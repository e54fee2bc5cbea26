/** Public routes, served under /api/booking. */
const limited = { policies: [], middlewares: ['plugin::booking.rate-limit'] };

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/rooms', handler: 'rooms.find', config: { policies: [] } },
    { method: 'GET', path: '/rooms/:slug', handler: 'rooms.findOne', config: { policies: [] } },
    { method: 'GET', path: '/rooms/:slug/availability', handler: 'availability.room', config: { policies: [] } },
    { method: 'GET', path: '/availability', handler: 'availability.all', config: { policies: [] } },
    { method: 'POST', path: '/reservations', handler: 'reservations.create', config: limited },
    { method: 'GET', path: '/reservations/manage/:token', handler: 'reservations.show', config: limited },
    { method: 'POST', path: '/reservations/manage/:token/cancel', handler: 'reservations.cancel', config: limited },
    { method: 'GET', path: '/me/reservations', handler: 'reservations.mine', config: { policies: [] } },
  ],
};

/** Handlers a signed-in resident may call but an anonymous visitor may not. */
export const ACCOUNT_ONLY_HANDLERS = ['reservations.mine'];
