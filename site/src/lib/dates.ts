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

export interface Week {
  /** "2026-W48" */
  id: string;
  monday: string;
  sunday: string;
  /** 0 for this week, 1 for next week, … */
  index: number;
  days: string[];
}

/** Every week (Monday to Sunday) from the one holding `from` to the one holding `to`, counted from the week of `today`. */
export const weeksBetween = (from: string, to: string, today: string = centreToday()): Week[] => {
  const thisMonday = weekOf(today).monday;
  const last = weekOf(to).monday;
  const weeks: Week[] = [];
  for (let start = weekOf(from).monday; start <= last; start = addDays(start, 7)) {
    weeks.push({
      id: isoWeekId(start),
      monday: start,
      sunday: addDays(start, 6),
      index: Math.round((Date.parse(start) - Date.parse(thisMonday)) / (7 * 86_400_000)),
      days: Array.from({ length: 7 }, (_, i) => addDays(start, i)),
    });
  }
  return weeks;
};
