/**
 * The time that decides what is due (reminders, the call list's day). In tests a CMS can be started
 * at a chosen instant with BOOKING_TEST_NOW, so "the evening before" can be reached without waiting
 * for it; the clock then ticks on with real time. Production ignores the variable, so a stray
 * setting can never move a live centre's reminders.
 */
const offsetMs = (() => {
  const pinned = process.env.BOOKING_TEST_NOW;
  if (!pinned || process.env.NODE_ENV === 'production') return 0;
  const at = Date.parse(pinned);
  if (Number.isNaN(at)) throw new Error(`BOOKING_TEST_NOW is not an ISO instant: "${pinned}"`);
  return at - Date.now();
})();

export const now = (): Date => new Date(Date.now() + offsetMs);
