import { addDays, isoWeekdayOf, type IsoDate } from './zoned';

export interface IsoWeek {
  /** ISO week-numbering year (differs from the calendar year around New Year). */
  year: number;
  week: number;
  /** The Monday that starts the week. */
  monday: IsoDate;
  /** e.g. '2026-W48' */
  label: string;
}

/** The ISO 8601 week (Monday start) containing a calendar date. */
export function isoWeekOf(date: IsoDate): IsoWeek {
  const monday = addDays(date, 1 - isoWeekdayOf(date));
  // The week belongs to the year of its Thursday, and week 1 is the one holding January 4th.
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const thursdayOrdinal = dayOfYear(thursday);
  const week = Math.floor((thursdayOrdinal - 1) / 7) + 1;
  return { year, week, monday, label: `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}` };
}

function dayOfYear(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

/** The Monday of an ISO week written 'YYYY-Www', or null when there is no such week. */
export function mondayOfIsoWeek(label: string): IsoDate | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!match) return null;
  const [year, week] = [Number(match[1]), Number(match[2])];
  const jan4 = `${match[1]}-01-04`;
  const monday = addDays(isoWeekOf(jan4).monday, (week - 1) * 7);
  const found = isoWeekOf(monday);
  return week >= 1 && found.year === year && found.week === week ? monday : null;
}
