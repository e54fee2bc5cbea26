import { addDays, format, isValid, parseISO } from 'date-fns';

/**
 * Calendar days written YYYY-MM-DD, as the API names a day in the centre's zone. Only the calendar
 * is involved (which day follows which, and its name), never the device's clock or zone.
 */

export const shiftDay = (date: string, days: number): string => format(addDays(parseISO(date), days), 'yyyy-MM-dd');

export const isCalendarDay = (s: string | null | undefined): s is string => {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = parseISO(s);
  return isValid(d) && format(d, 'yyyy-MM-dd') === s;
};

/** "2026年11月30日星期一" or "Monday, November 30, 2026": that calendar date formatted as a UTC date, so no offset moves it. */
export const dayLabel = (date: string, locale: string): string => {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'full' }).format(new Date(Date.UTC(year, month - 1, day)));
};

/** "16:30–18:00" from two times the API wrote with the centre's offset (their wall clock is read as written). */
export const timeRange = (start: string, end: string): string => `${start.slice(11, 16)}–${end.slice(11, 16)}`;
