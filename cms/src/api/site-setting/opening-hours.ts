/**
 * The centre's weekly hours as stored in site settings (`defaultOpeningHours`), the same shape as
 * the booking plugin's opening hours: weekday → open periods, wall-clock times at the centre.
 *   { "mon": [{ "start": "08:30", "end": "12:00" }, { "start": "14:00", "end": "21:00" }], …, "sun": [] }
 * A missing or empty weekday means closed all day; "24:00" ends a period at midnight.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type WeeklyHours = Partial<Record<Weekday, { start: string; end: string }[]>>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** What is wrong with a value an editor typed, in words they can act on; null when it is fine (or empty). */
export const openingHoursProblem = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return 'it must be an object keyed by weekday: mon, tue, wed, thu, fri, sat, sun';
  for (const [day, periods] of Object.entries(value)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) return `unknown weekday "${day}": use mon, tue, wed, thu, fri, sat, sun`;
    if (!Array.isArray(periods)) return `${day} must be a list of periods like [{ "start": "08:30", "end": "12:00" }] ([] when closed)`;
    const sorted: { start: string; end: string }[] = [];
    for (const period of periods) {
      const { start, end } = (period ?? {}) as { start?: unknown; end?: unknown };
      if (typeof start !== 'string' || typeof end !== 'string' || !TIME.test(start) || !TIME.test(end) || start === '24:00') {
        return `${day}: every period needs "start" and "end" times like "08:30" (end may be "24:00")`;
      }
      if (minutes(end) <= minutes(start)) return `${day}: ${start}–${end} ends before it starts`;
      sorted.push({ start, end });
    }
    sorted.sort((a, b) => minutes(a.start) - minutes(b.start));
    for (let i = 1; i < sorted.length; i++) {
      if (minutes(sorted[i].start) < minutes(sorted[i - 1].end)) {
        return `${day}: ${sorted[i - 1].start}–${sorted[i - 1].end} and ${sorted[i].start}–${sorted[i].end} overlap`;
      }
    }
  }
  return null;
};
