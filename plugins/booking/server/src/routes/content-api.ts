/** Public routes, served under /api/booking. Each one is granted to the public role in bootstrap. */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/rooms', handler: 'rooms.find', config: { policies: [] } },
    { method: 'GET', path: '/rooms/:slug', handler: 'rooms.findOne', config: { policies: [] } },
  ],
};
