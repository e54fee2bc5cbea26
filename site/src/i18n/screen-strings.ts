/**
 * Words of the foyer screen. Imported by the page at build time and by its island in the
 * browser, so it holds only plain strings and small functions.
 */
import { addDays, hhmm, isoDateOf, weekdayIndex } from '../islands/zoned-time.ts';

export type ScreenLocale = 'zh-CN' | 'en';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const day = (date: string) => Number(date.slice(8, 10));
const month = (date: string) => Number(date.slice(5, 7));

const words = {
  'zh-CN': {
    pageTitle: '大厅屏幕',
    now: '正在进行',
    next: '接下来',
    freeRooms: '现在空闲的功能室',
    nothingNow: '现在没有进行中的活动',
    nothingNext: '近期没有安排活动',
    noFreeRoom: '现在没有空闲的功能室',
    cancelled: '已取消',
    freeUntil: (time: string) => `空闲至 ${time}`,
    weekdays: ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'],
    /** "11月24日 星期二" */
    longDate: (date: string, weekday: string) => `${month(date)}月${day(date)}日 ${weekday}`,
    tomorrow: '明天',
    updated: (time: string) => `每分钟自动更新，最近一次 ${time}`,
    stale: (time: string) => `暂时无法更新，显示的是 ${time} 的信息`,
  },
  en: {
    pageTitle: 'Foyer screen',
    now: 'Now',
    next: 'Next',
    freeRooms: 'Rooms free now',
    nothingNow: 'Nothing is on right now',
    nothingNext: 'Nothing else is planned',
    noFreeRoom: 'No room is free right now',
    cancelled: 'Cancelled',
    freeUntil: (time: string) => `free until ${time}`,
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    longDate: (date: string, weekday: string) => `${weekday} ${day(date)} ${MONTHS[month(date) - 1]}`,
    tomorrow: 'Tomorrow',
    updated: (time: string) => `Updates every minute; last at ${time}`,
    stale: (time: string) => `Cannot update just now: as of ${time}`,
  },
} as const;

export const screenWords = (locale: ScreenLocale) => words[locale];

type Words = ReturnType<typeof screenWords>;

/**
 * When an activity on the screen is: its times, and the day too when it is not today ("明天",
 * "Thursday"): the week shown holds each weekday once.
 */
export const whenText = (w: Words, start: string, end: string, today: string): { day: string | null; range: string } => {
  const date = isoDateOf(start);
  const range = `${hhmm(start)}–${hhmm(end)}`;
  if (date === today) return { day: null, range };
  return { day: date === addDays(today, 1) ? w.tomorrow : w.weekdays[weekdayIndex(date)], range };
};

/** The date at the top of the screen, e.g. "11月24日 星期二". */
export const dateText = (w: Words, date: string): string => w.longDate(date, w.weekdays[weekdayIndex(date)]);
