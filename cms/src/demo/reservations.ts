import type { Core } from '@strapi/strapi';
import { demoCalendar } from './demo-dates';

/** A few weeks of a real centre: troupes rehearsing weekly, a council meeting, a request waiting. */
export const loadDemoReservations = async (strapi: Core.Strapi, tz: string): Promise<void> => {
  const { next, at, date, nextNewYear } = demoCalendar(tz);
  const booking = strapi.plugin('booking');
  const requests = booking.service('reservationRequests');
  const contact = (contactName: string, phone: string, email: string | null = null) => ({ contactName, phone, email });

  const demo = [
    {
      staff: true,
      data: {
        room: 'multi-purpose-hall', start: at(next(2), '19:00'), end: at(next(2), '21:00'),
        purpose: '红歌合唱排练', organization: '红歌协会', attendees: 35,
        repeat: { frequency: 'weekly' as const, until: date(next(2, 7)) },
        ...contact('周桂兰', '13800001001', 'choir@example.org'),
      },
    },
    {
      staff: true,
      data: {
        room: 'multi-purpose-hall', start: at(next(4), '18:30'), end: at(next(4), '20:00'),
        purpose: '广场舞新曲目排练', organization: '广场舞协会', attendees: 40,
        repeat: { frequency: 'weekly' as const, until: date(next(4, 5)) },
        ...contact('陈淑珍', '13800001002'),
      },
    },
    {
      staff: true,
      data: {
        room: 'training-room', start: at(next(6), '09:30'), end: at(next(6), '11:30'),
        purpose: '京剧唱段练习', organization: '戏迷协会', attendees: 18,
        repeat: { frequency: 'weekly' as const, until: date(next(6, 3)) },
        ...contact('刘建国', '13800001003'),
      },
    },
    {
      staff: false,
      data: {
        room: 'council-hall', start: at(next(3), '19:00'), end: at(next(3), '20:30'),
        purpose: '3号楼加装电梯居民议事会', attendees: 20, language: 'zh-CN' as const,
        ...contact('王志强', '13800001004', 'wang.zq@example.org'),
      },
    },
    {
      staff: false,
      data: {
        room: 'childrens-room', start: at(next(6, 1), '14:00'), end: at(next(6, 1), '16:00'),
        purpose: "Parents' board-game afternoon", attendees: 16, language: 'en' as const,
        ...contact('Emma Li', '13800001005', 'emma.li@example.org'),
      },
    },
  ];
  // Requests from the public form ticked the consent box by the notice in their language; staff confirmed it for callers.
  const notices = booking.service('privacyNotice');
  for (const { staff, data } of demo) {
    const consentVersion = (await notices.current('language' in data && data.language === 'en' ? 'en' : 'zh-CN')).version;
    await requests.create({ ...data, consentVersion, start: new Date(data.start), end: new Date(data.end) }, { now: new Date(), userId: null, staff, notify: false });
  }

  await strapi.documents('plugin::booking.closure').create({
    data: {
      reason: '元旦假期，中心闭馆',
      reasonEn: "Closed for New Year's Day",
      startsAt: nextNewYear.toISOString(),
      endsAt: new Date(nextNewYear.getTime() + 24 * 3600 * 1000).toISOString(),
      allRooms: true,
    } as any,
  });
};
