import { addMonths, addYears, endOfMonth, endOfQuarter, endOfYear, format, getQuarter, parseISO, startOfMonth, startOfQuarter, startOfYear } from 'date-fns';
import type { ReportPeriod } from '../../../shared/contracts/reports';
import { isCalendarDay } from './calendar-day';

/**
 * A report's period as staff pick it: a calendar month, quarter or year, or any from–to. Only
 * calendar days are involved (YYYY-MM-DD, both inclusive), never a clock or a zone.
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

const day = (d: Date) => format(d, 'yyyy-MM-dd');

/** The month, quarter or year holding `date`. */
export const periodOf = (kind: Exclude<PeriodKind, 'custom'>, date: string): ReportPeriod => {
  const d = parseISO(date);
  if (kind === 'month') return { from: day(startOfMonth(d)), to: day(endOfMonth(d)) };
  if (kind === 'quarter') return { from: day(startOfQuarter(d)), to: day(endOfQuarter(d)) };
  return { from: day(startOfYear(d)), to: day(endOfYear(d)) };
};

/** What a monthly report is about on `today`: the last month that has ended. */
export const lastFullMonth = (today: string): ReportPeriod => periodOf('month', day(addMonths(startOfMonth(parseISO(today)), -1)));

/** The month, quarter or year `steps` before (negative) or after the one starting at `period.from`. */
export const shiftPeriod = (kind: Exclude<PeriodKind, 'custom'>, period: ReportPeriod, steps: number): ReportPeriod => {
  const from = parseISO(period.from);
  const moved = kind === 'year' ? addYears(from, steps) : addMonths(from, steps * (kind === 'quarter' ? 3 : 1));
  return periodOf(kind, day(moved));
};

/** Which kind a from–to is (a link or a reload names only the days): the whole month, quarter or year, else custom. */
export const kindOf = (period: ReportPeriod): PeriodKind => {
  for (const kind of ['month', 'quarter', 'year'] as const) {
    const whole = periodOf(kind, period.from);
    if (whole.from === period.from && whole.to === period.to) return kind;
  }
  return 'custom';
};

/** A period from a page address's `from` and `to`, or null when either is not a calendar day or they are reversed. */
export const periodFromParams = (params: URLSearchParams): ReportPeriod | null => {
  const from = params.get('from');
  const to = params.get('to');
  if (!isCalendarDay(from) || !isCalendarDay(to) || from > to) return null;
  return { from, to };
};

/** "2026年11月" / "November 2026", "2026年第4季度" / "Q4 2026", "2026年" / "2026", else both days. */
export const periodLabel = (period: ReportPeriod, locale: string): string => {
  const zh = locale.startsWith('zh');
  const d = parseISO(period.from);
  switch (kindOf(period)) {
    case 'month':
      return new Intl.DateTimeFormat(zh ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'long' }).format(d);
    case 'quarter':
      return zh ? `${d.getFullYear()}年第${getQuarter(d)}季度` : `Q${getQuarter(d)} ${d.getFullYear()}`;
    case 'year':
      return zh ? `${d.getFullYear()}年` : String(d.getFullYear());
    default:
      return `${period.from} – ${period.to}`;
  }
};

/** "2026-03" → "3月" / "Mar 2026", for a chart's axis. */
export const monthLabel = (month: string, locale: string): string => {
  const d = parseISO(`${month}-01`);
  return locale.startsWith('zh') ? `${d.getMonth() + 1}月` : new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric' }).format(d);
};
