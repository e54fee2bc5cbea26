// Dates of the benchmarked centre, in Asia/Shanghai: +08:00 all year, no daylight saving, so the
// seeds can place times with plain arithmetic (the product itself uses date-fns with @date-fns/tz).

export type IsoDate = string;

export const TIMEZONE = 'Asia/Shanghai';
export const DAY_MS = 86_400_000;
const OFFSET = '+08:00';
const OFFSET_MS = 8 * 3_600_000;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const centreToday = (): IsoDate => new Date(Date.now() + OFFSET_MS).toISOString().slice(0, 10);
export const addDays = (date: IsoDate, days: number): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** 1 (Monday) to 7 (Sunday). */
export const isoWeekday = (date: IsoDate): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
/** `mon` … `sun`, as a schedule names its weekdays. */
export const weekdayOf = (date: IsoDate): (typeof WEEKDAYS)[number] => WEEKDAYS[isoWeekday(date) - 1];
/** An instant from a centre date and minutes after its midnight. */
export const instantOf = (date: IsoDate, minutes: number): Date => new Date(Date.parse(`${date}T00:00:00${OFFSET}`) + minutes * 60_000);
export const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** How the API writes an instant: centre wall-clock time with its offset. */
export const wallClock = (date: IsoDate, minutes: number): string => `${date}T${hhmm(minutes)}:00${OFFSET}`;
/** Strapi keeps datetimes in `timestamp without time zone` columns, as UTC. */
export const utcTimestamp = (d: Date): string => d.toISOString().replace('T', ' ').replace('Z', '');
