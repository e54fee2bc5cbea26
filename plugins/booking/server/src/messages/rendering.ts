import { daysBetween, isoWeekdayOf, zonedDateOf, zonedWallTimeOf, type IsoDate } from '../core/time/zoned';

/** The pieces every message is made of: safe HTML, one-line headers, dates on the centre's clock. */

export type MessageLanguage = 'zh-CN' | 'en';

export interface MessageOccurrence {
  start: Date;
  end: Date;
}

export interface Message {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** One line of plain text: no line breaks or control characters (a subject is a mail header). */
export function oneLine(s: string): string {
  return String(s)
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Plain-text lines as HTML paragraphs; an empty line separates paragraphs. */
export const linesToHtml = (lines: string[], render: (line: string) => string = (l) => `<p>${escapeHtml(l)}</p>`): string =>
  lines.map((l) => (l ? render(l) : '')).join('');

// Own word tables rather than Intl, whose output changes with the ICU build.
const EN_WEEKDAY = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const EN_MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ZH_WEEKDAY = ['一', '二', '三', '四', '五', '六', '日'];

const dateParts = (date: IsoDate) => {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
};

function formatDate(date: IsoDate, language: MessageLanguage, withYear: boolean): string {
  const { year, month, day } = dateParts(date);
  const weekday = isoWeekdayOf(date) - 1;
  if (language === 'zh-CN') return `${withYear ? `${year}年` : ''}${month}月${day}日 周${ZH_WEEKDAY[weekday]}`;
  return `${EN_WEEKDAY[weekday]} ${day} ${EN_MONTH[month - 1]}${withYear ? ` ${year}` : ''}`;
}

/** 'zh: 11月24日 周二 19:00–21:00', 'en: Tuesday 24 November, 19:00–21:00'. */
export function formatOccurrence(o: MessageOccurrence, language: MessageLanguage, tz: string, withYear: boolean): string {
  const startDate = zonedDateOf(o.start, tz);
  const endDate = zonedDateOf(o.end, tz);
  const startTime = zonedWallTimeOf(o.start, tz);
  const endTime = zonedWallTimeOf(o.end, tz);
  const day = formatDate(startDate, language, withYear);
  const gap = daysBetween(startDate, endDate);
  let until: string;
  if (gap === 0) until = endTime;
  else if (gap === 1 && endTime === '00:00') until = '24:00';
  else if (gap === 1) until = language === 'zh-CN' ? `次日${endTime}` : `${endTime} the next day`;
  else until = language === 'zh-CN' ? `${formatDate(endDate, language, withYear)} ${endTime}` : `${formatDate(endDate, language, withYear)}, ${endTime}`;
  return language === 'zh-CN' ? `${day} ${startTime}–${until}` : `${day}, ${startTime}–${until}`;
}
