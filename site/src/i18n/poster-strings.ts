import type { Locale } from './locales';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The words of a room's door poster, in each language: the poster shows both, Chinese first. */
const words = {
  'zh-CN': {
    posterLink: '打印门牌海报',
    posterTitle: (room: string) => `${room}：门牌海报`,
    capacity: (n: number) => `可容纳 ${n} 人`,
    openingHours: '开放时间',
    scanToBook: '微信或手机相机扫码，查看空闲时间并预约',
    orVisit: '或在浏览器中打开',
    printHint: '用浏览器的“打印”功能，海报正好打印在一张A4纸上（纵向）。',
    asOf: (date: string) => `信息截至 ${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`,
  },
  en: {
    posterLink: 'Print poster',
    posterTitle: (room: string) => `${room}: door poster`,
    capacity: (n: number) => `Up to ${n} people`,
    openingHours: 'Opening hours',
    scanToBook: 'Scan with WeChat or your phone’s camera to see free times and book',
    orVisit: 'or open in a browser',
    printHint: 'Print this page from your browser: the poster fits on one A4 page, portrait.',
    asOf: (date: string) => `As of ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`,
  },
} as const;

export const posterWords = (locale: Locale) => words[locale];
