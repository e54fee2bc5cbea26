import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** Times are typed and read on the centre's clock (its IANA zone, from the server), whatever the browser's zone. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The date (YYYY-MM-DD) and wall time (HH:mm) an instant reads in `tz`. */
export const zonedParts = (iso: string, tz: string): { date: string; time: string } => {
  const at = new TZDate(iso, tz);
  return { date: format(at, 'yyyy-MM-dd'), time: format(at, 'HH:mm') };
};

/** A date and a time typed on the centre's clock as an ISO instant with the zone's offset; null when either is not a real one. */
export const zonedInstant = (date: string, time: string, tz: string): string | null => {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const at = new TZDate(year, month - 1, day, Number(t[1]), Number(t[2]), tz);
  if (at.getFullYear() !== year || at.getMonth() !== month - 1 || at.getDate() !== day) return null;
  return format(at, "yyyy-MM-dd'T'HH:mm:ssXXX");
};
