// Calendar dates as YYYY-MM-DD strings. Session times arrive from the CMS already in the centre's
// zone with its offset ("2026-11-24T19:00:00+08:00"), so their wall-clock date and time are slices
// of the string; only whole calendar days are counted here, never offsets.

/** Today's date (YYYY-MM-DD) in the centre's zone. */
export const centreToday = (): string => {
  const zone = process.env.CENTRE_TIMEZONE || 'Asia/Shanghai';
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
};

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** The calendar date `n` days after `date`. */
export const addDays = (date: string, n: number): string => {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};

/** 1 (Monday) … 7 (Sunday). */
export const isoWeekday = (date: string): number => {
  const [y, m, d] = parts(date);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
};

/** Monday and Sunday of the ISO week holding `date`. */
export const weekOf = (date: string): { monday: string; sunday: string } => {
  const monday = addDays(date, 1 - isoWeekday(date));
  return { monday, sunday: addDays(monday, 6) };
};

/** The ISO week id of `date`, e.g. "2026-W48": the week belongs to the year of its Thursday. */
export const isoWeekId = (date: string): string => {
  const thursday = addDays(weekOf(date).monday, 3);
  const year = Number(thursday.slice(0, 4));
  const [y, m, d] = parts(thursday);
  const dayOfYear = (Date.UTC(y, m - 1, d) - Date.UTC(year, 0, 1)) / 86_400_000;
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`;
};

/** How many weeks the timetable shows: this week and the four after it. */
export const TIMETABLE_WEEKS = 5;

export interface Week {
  /** "2026-W48" */
  id: string;
  monday: string;
  sunday: string;
  /** 0 for this week, 1 for next week, … */
  index: number;
  days: string[];
}

/** This week (Monday to Sunday, holding `today`) and the weeks after it, `count` in all. */
export const timetableWeeks = (today: string = centreToday(), count = TIMETABLE_WEEKS): Week[] => {
  const { monday } = weekOf(today);
  return Array.from({ length: count }, (_, index) => {
    const start = addDays(monday, 7 * index);
    return {
      id: isoWeekId(start),
      monday: start,
      sunday: addDays(start, 6),
      index,
      days: Array.from({ length: 7 }, (_, i) => addDays(start, i)),
    };
  });
};
