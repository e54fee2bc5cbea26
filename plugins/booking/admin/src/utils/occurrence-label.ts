/**
 * "2026年12月1日周二 19:00–21:00" or "Tue, Dec 1, 2026 19:00–21:00". The API writes times with the
 * centre's offset, so the date and the wall clock are read from the string as they are; Intl only
 * supplies the words, formatting that calendar date as a UTC date (no offset is applied to it).
 */
export const occurrenceLabel = (start: string, end: string, locale: string): string => {
  const words = (date: string, parts: Intl.DateTimeFormatOptions) => {
    const [year, month, day] = date.split('-').map(Number);
    return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...parts }).format(new Date(Date.UTC(year, month - 1, day)));
  };
  const startDate = start.slice(0, 10);
  const endDate = end.slice(0, 10);
  const day = words(startDate, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' });
  // A booking past midnight names the day it ends on.
  const until = endDate === startDate ? end.slice(11, 16) : `${words(endDate, { month: 'short', day: 'numeric', weekday: 'short' })} ${end.slice(11, 16)}`;
  return `${day} ${start.slice(11, 16)}–${until}`;
};
