import { addDays, daysBetween, type IsoDate } from '../time/zoned';

/** A report's dates, both inclusive, on the centre's calendar. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** How a period reads in a sentence: a calendar month, quarter or year, or just two dates. */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'range';

const parts = (d: IsoDate) => d.split('-').map(Number) as [number, number, number];
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const firstOf = (y: number, m: number) => iso(y, m, 1);
const lastOf = (y: number, m: number) => iso(y, m, daysInMonth(y, m));
/** Month `m` of year `y` moved by `n` months (either way). */
const shiftMonth = (y: number, m: number, n: number): [number, number] => {
  const i = y * 12 + (m - 1) + n;
  return [Math.floor(i / 12), (i % 12) + 1];
};

export const periodKind = ({ from, to }: Period): PeriodKind => {
  const [fy, fm, fd] = parts(from);
  const [ty, tm] = parts(to);
  if (fd !== 1 || to !== lastOf(ty, tm)) return 'range';
  const months = (ty - fy) * 12 + (tm - fm) + 1;
  if (months === 1) return 'month';
  if (months === 3 && (fm - 1) % 3 === 0) return 'quarter';
  if (months === 12 && fm === 1) return 'year';
  return 'range';
};

/**
 * The period a report is compared with: the month, quarter or year before a whole one (March is
 * compared with February, as a monthly report says "较上月"), else as many days just before.
 */
export const previousPeriod = (p: Period): Period => {
  const kind = periodKind(p);
  if (kind !== 'range') {
    const [fy, fm] = parts(p.from);
    const [ty, tm] = parts(p.to);
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    const [sy, sm] = shiftMonth(fy, fm, -months);
    const [ey, em] = shiftMonth(fy, fm, -1);
    return { from: firstOf(sy, sm), to: lastOf(ey, em) };
  }
  const days = daysBetween(p.from, p.to) + 1;
  return { from: addDays(p.from, -days), to: addDays(p.from, -1) };
};

/** A date one year earlier; 29 February becomes the 28th. */
const yearEarlier = (d: IsoDate): IsoDate => {
  const [y, m, day] = parts(d);
  return iso(y - 1, m, Math.min(day, daysInMonth(y - 1, m)));
};

/** The same dates a year before (a whole month ends on its last day, so February keeps its 29th or 28th). */
export const lastYearPeriod = (p: Period): Period => {
  const [ty, tm] = parts(p.to);
  const endsMonth = p.to === lastOf(ty, tm);
  return { from: yearEarlier(p.from), to: endsMonth ? lastOf(ty - 1, tm) : yearEarlier(p.to) };
};

/** Every month 'YYYY-MM' from the one holding `from` to the one holding `to`. */
export const monthsOf = ({ from, to }: Period): string[] => {
  const months: string[] = [];
  let [y, m] = parts(from);
  const last = to.slice(0, 7);
  for (;;) {
    const label = iso(y, m, 1).slice(0, 7);
    months.push(label);
    if (label >= last) return months;
    [y, m] = shiftMonth(y, m, 1);
  }
};
