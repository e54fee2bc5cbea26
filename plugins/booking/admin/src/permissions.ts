/** The RBAC actions (plugins/booking/server/src/constants.ts) each admin page asks for. */
const action = (uid: string) => [{ action: `plugin::booking.${uid}`, subject: null }];

export const PAGE_PERMISSIONS = {
  requests: action('reservations.manage'),
  // The board shows rooms' bookings and activities; either kind of front desk work opens it.
  board: [...action('reservations.manage'), ...action('activities.manage')],
  activities: action('activities.manage'),
  attendance: action('activities.manage'),
  closures: action('closures.manage'),
  // Messages and calls are about reservations and enrolments; either permission opens the pages,
  // and the API keeps each reader to the bookings their role covers.
  messages: [...action('reservations.manage'), ...action('activities.manage')],
  calls: [...action('reservations.manage'), ...action('activities.manage')],
  audit: action('audit.read'),
  personalData: action('personal-data.requests'),
  // Service reports (统计报表): "View reports", given to whoever writes the centre's monthly report.
  reports: action('reports.read'),
};
