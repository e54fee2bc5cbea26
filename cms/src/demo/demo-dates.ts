import { TZDate } from '@date-fns/tz';
import { addDays, format, getISODay } from 'date-fns';

/** Dates relative to today in the centre's zone, so the demo never looks stale. */
export const demoCalendar = (tz: string) => {
  const today = TZDate.tz(tz);
  /** The date of the next given ISO weekday (1 = Monday) after today, `weeks` weeks later. */
  const next = (isoWeekday: number, weeks = 0) => addDays(today, ((isoWeekday - getISODay(today) + 7) % 7 || 7) + 7 * weeks);
  /** That date at a wall-clock time in the centre's zone, as an instant with its offset. */
  const at = (day: Date, time: string) => {
    const [h, m] = time.split(':').map(Number);
    return new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), h, m, tz).toISOString();
  };
  const date = (day: Date) => format(day, 'yyyy-MM-dd');
  const nextNewYear = new TZDate(today.getFullYear() + 1, 0, 1, 0, 0, tz);
  return { today, next, at, date, nextNewYear };
};
