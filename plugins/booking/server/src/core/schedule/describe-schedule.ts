import type { IsoDate } from '../time/zoned';
import { WEEKDAYS, type NthWeekday, type Schedule, type Weekday } from './schedule';

export type ScheduleLocale = 'zh-CN' | 'en';

const MINUTES_PER_DAY = 24 * 60;

/** The wall-clock end; a session running past midnight simply reads 22:00–01:00. */
function endTime(startTime: string, durationMinutes: number): string {
  const [h, m] = startTime.split(':').map(Number);
  const end = (h * 60 + m + durationMinutes) % MINUTES_PER_DAY;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
}

const sameDays = (a: readonly Weekday[], b: readonly Weekday[]) =>
  a.length === b.length && a.every((d) => b.includes(d));
const WORKING_WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

const parts = (date: IsoDate) => {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
};

// Own word tables rather than Intl, whose output changes with the ICU build.
const EN_DAY: Record<Weekday, string> = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};
const EN_MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_NTH: Record<NthWeekday, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };
const ZH_DAY: Record<Weekday, string> = { mon: '一', tue: '二', wed: '三', thu: '四', fri: '五', sat: '六', sun: '日' };
const ZH_NTH: Record<NthWeekday, string> = { 1: '第一个', 2: '第二个', 3: '第三个', 4: '第四个', [-1]: '最后一个' };
const ZH_NUMBER = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

function enOrdinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

function enList(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function en(schedule: Schedule): string {
  const date = (d: IsoDate, withYear: boolean) => {
    const { year, month, day } = parts(d);
    return `${day} ${EN_MONTH[month - 1]}${withYear ? ` ${year}` : ''}`;
  };
  const yearDiffers = parts(schedule.startDate).year !== parts(schedule.endDate).year;
  const dates = (list: IsoDate[]) => enList(list.map((d) => date(d, yearDiffers)));
  const time = `${schedule.startTime}–${endTime(schedule.startTime, schedule.durationMinutes)}`;

  if (schedule.frequency === 'once') {
    return `Once, on ${date(schedule.startDate, false)} ${time}`;
  }
  let rule: string;
  switch (schedule.frequency) {
    case 'daily':
      rule = 'Every day';
      break;
    case 'weekly': {
      const days = WEEKDAYS.filter((d) => schedule.weekdays.includes(d));
      const interval = schedule.interval ?? 1;
      const named = sameDays(days, WORKING_WEEK) ? 'weekday' : enList(days.map((d) => EN_DAY[d]));
      if (interval === 1) rule = days.length === 7 ? 'Every day' : `Every ${named}`;
      else if (interval === 2) rule = `Every other ${named}`;
      else rule = `Every ${interval} weeks on ${days.length === 7 ? 'every day' : named === 'weekday' ? 'weekdays' : named}`;
      break;
    }
    case 'monthly':
      rule =
        'byMonthDay' in schedule
          ? `On the ${enOrdinal(schedule.byMonthDay)} of every month${schedule.byMonthDay > 28 ? ' that has one' : ''}`
          : `On the ${EN_NTH[schedule.nth]} ${EN_DAY[schedule.byWeekday]} of every month`;
      break;
  }
  let text = `${rule} ${time}, until ${date(schedule.endDate, yearDiffers)}`;
  if (schedule.exceptions?.length) text += `, except ${dates(schedule.exceptions)}`;
  if (schedule.extraDates?.length) text += `, and also on ${dates(schedule.extraDates)}`;
  return text;
}

function zh(schedule: Schedule): string {
  const yearDiffers = parts(schedule.startDate).year !== parts(schedule.endDate).year;
  const date = (d: IsoDate) => {
    const { year, month, day } = parts(d);
    return `${yearDiffers ? `${year}年` : ''}${month}月${day}日`;
  };
  const dates = (list: IsoDate[]) => list.map(date).join('、');
  const time = `${schedule.startTime}–${endTime(schedule.startTime, schedule.durationMinutes)}`;

  if (schedule.frequency === 'once') {
    const { month, day } = parts(schedule.startDate);
    return `仅一次：${month}月${day}日 ${time}`;
  }
  let rule: string;
  switch (schedule.frequency) {
    case 'daily':
      rule = '每天';
      break;
    case 'weekly': {
      const days = WEEKDAYS.filter((d) => schedule.weekdays.includes(d));
      const interval = schedule.interval ?? 1;
      const every = interval === 1 ? '每周' : `每${ZH_NUMBER[interval] ?? interval}周的`;
      if (sameDays(days, WORKING_WEEK)) rule = interval === 1 ? '工作日每天' : `${every}工作日`;
      else if (days.length === 7) rule = interval === 1 ? '每天' : `${every}每天`;
      else rule = every + days.map((d, i) => (i === 0 && interval === 1 ? '' : '周') + ZH_DAY[d]).join('、');
      break;
    }
    case 'monthly':
      rule =
        'byMonthDay' in schedule
          ? `每月${schedule.byMonthDay}日${schedule.byMonthDay > 28 ? '（当月没有这一天则跳过）' : ''}`
          : `每月${ZH_NTH[schedule.nth]}周${ZH_DAY[schedule.byWeekday]}`;
      break;
  }
  let text = `${rule} ${time}，至${date(schedule.endDate)}`;
  if (schedule.exceptions?.length) text += `，${dates(schedule.exceptions)}除外`;
  if (schedule.extraDates?.length) text += `，另加${dates(schedule.extraDates)}`;
  return text;
}

/**
 * A schedule in plain words for residents, e.g. "Every Tuesday 19:00–20:30, until
 * 30 June" or "每周二 19:00–20:30，至6月30日". The year is shown only when the course
 * ends in another year than it starts. Monday to Friday together reads "every
 * weekday" / "工作日".
 */
export function describeSchedule(schedule: Schedule, locale: ScheduleLocale): string {
  return locale === 'zh-CN' ? zh(schedule) : en(schedule);
}
