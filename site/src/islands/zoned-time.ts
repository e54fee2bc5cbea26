/**
 * Wall-clock dates and times in the centre's zone. The API speaks ISO strings that carry the
 * centre's offset, so a date or time of day is read straight from them; going the other way
 * (a date and time typed by a resident to an instant) is @date-fns/tz's job.
 */
import { TZDate } from '@date-fns/tz';

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant of `date` (YYYY-MM-DD) at `time` (HH:mm) in `tz`, as ISO with the zone's offset. */
export const instantOf = (date: string, time: string, tz: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new TZDate(y, m - 1, d, hh, mm, tz).toISOString();
};

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The date and time of day an instant falls on in `tz`. Read with Intl rather than a TZDate: a
 * TZDate built while the page's Date is replaced (a test's fake clock) loses its zone. In en-US,
 * the locale @date-fns/tz formats offsets in, so a phone loads one locale's data, not two.
 */
export const wallClockOf = (instant: number, tz: string): { date: string; time: string; minutes: number } => {
  let format = wallClockFormats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    wallClockFormats.set(tz, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  const [hours, minutes] = [Number(part.hour), Number(part.minute)];
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${pad(hours)}:${pad(minutes)}`, minutes: hours * 60 + minutes };
};

/** Calendar arithmetic on YYYY-MM-DD: days, not hours, so no zone is involved. */
export const addDays = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/** 0 = Monday … 6 = Sunday. */
export const weekdayIndex = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
};

export const mondayOf = (date: string): string => addDays(date, -weekdayIndex(date));

export const minutesOf = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};

export const timeOf = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** "2026-11-24T19:00:00+08:00" → "19:00": the API's times already carry the centre's offset. */
export const hhmm = (iso: string): string => iso.slice(11, 16);
export const isoDateOf = (iso: string): string => iso.slice(0, 10);
