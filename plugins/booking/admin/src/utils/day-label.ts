/**
 * "12月2日周三" or "Wed, Dec 2": a calendar date of the centre (YYYY-MM-DD) in the reader's
 * language. The date has no instant, so Intl formats it as a UTC date (no offset is applied).
 */
export const dayLabel = (date: string, locale: string, withYear = false): string => {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(new Date(Date.UTC(year, month - 1, day)));
};
