import type { Locale } from './locales';

const strings = {
  'zh-CN': {
    siteName: '邻里党群服务中心',
    skipToContent: '跳到正文',
    nav: { home: '首页', rooms: '功能室' },
    switchTo: 'English',
    switchToLabel: 'Read this page in English',
    homeTitle: '欢迎来到邻里党群服务中心',
    homeIntro: '中心向居民免费开放。在这里查看功能室，预约场地，参加课程和活动。',
    roomsTitle: '功能室',
    roomsIntro: '以下功能室向居民和团体开放。',
    capacity: (n: number) => `可容纳 ${n} 人`,
    location: '位置',
    amenities: '设施',
    accessibility: '无障碍',
    bookable: '可预约',
    notBookable: '开放时间内直接前来，无需预约',
    seeAllRooms: '查看全部功能室',
  },
  en: {
    siteName: 'Linli Neighbourhood Service Centre',
    skipToContent: 'Skip to content',
    nav: { home: 'Home', rooms: 'Rooms' },
    switchTo: '中文',
    switchToLabel: '阅读本页中文版',
    homeTitle: 'Welcome to the Linli Neighbourhood Service Centre',
    homeIntro: 'The centre is open to residents free of charge. See the rooms, book a space, join classes and events.',
    roomsTitle: 'Rooms',
    roomsIntro: 'These function rooms are open to residents and groups.',
    capacity: (n: number) => `Up to ${n} people`,
    location: 'Where',
    amenities: 'Amenities',
    accessibility: 'Accessibility',
    bookable: 'Can be booked',
    notBookable: 'Drop in during opening hours, no booking needed',
    seeAllRooms: 'See all rooms',
  },
} as const;

export const t = (locale: Locale) => strings[locale];
