import { fetchFromCms } from './cms';
import { addDays, centreToday, weekOf } from './dates';

/** The most days the CMS's timetable answers at once (the plugin's MAX_TIMETABLE_DAYS). */
const WINDOW_DAYS = 62;

interface TimetableAnswer {
  data: Array<{ id: string }>;
  meta: { lastSessionDate?: string | null };
}

/**
 * Every session from this week's Monday to the end of the published term, in one language, read
 * once per build and shared by every timetable page: a term runs for months, and the API answers
 * at most WINDOW_DAYS at a time, so it is read window after window until its last session.
 */
export const fetchTermTimetable = async (locale: string, today: string = centreToday()) => {
  const from = weekOf(today).monday;
  const byId = new Map<string, TimetableAnswer['data'][number]>();
  let last: string | null = null;
  for (let start = from; ; start = addDays(start, WINDOW_DAYS)) {
    const end = addDays(start, WINDOW_DAYS - 1);
    const answer = await fetchFromCms<TimetableAnswer>(`/api/booking/timetable?from=${start}&to=${end}&locale=${encodeURIComponent(locale)}`);
    // A session past midnight on a window's last day is in both windows.
    for (const session of answer.data) byId.set(session.id, session);
    last = answer.meta.lastSessionDate ?? null;
    if (!last || end >= last) break;
  }
  const to = weekOf(last && last > from ? last : from).sunday;
  return { from, to, sessions: [...byId.values()] };
};
