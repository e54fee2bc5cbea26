import { getEntry } from 'astro:content';
import type { Locale } from '../i18n/locales';
import { centreToday, weekOf, weeksBetween, type Week } from './dates';

/**
 * The weeks of the published term from this week on, as the build read them: `all` of them (the
 * first is this week), and those with at least one session, which each get a page of their own.
 */
export const termWeeks = async (locale: Locale): Promise<{ all: Week[]; withSessions: Week[] }> => {
  const today = centreToday();
  const entry = await getEntry('timetable', locale);
  const all = entry ? weeksBetween(entry.data.from, entry.data.to, today) : weeksBetween(today, today, today);
  const mondays = new Set((entry?.data.sessions ?? []).map((x) => weekOf(x.start.slice(0, 10)).monday));
  return { all, withSessions: all.filter((w) => mondays.has(w.monday)) };
};
