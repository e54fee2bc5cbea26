import type { Core } from '@strapi/strapi';

const SETTINGS_UID = 'api::site-setting.site-setting';

export const demoSiteSettings = {
  shared: {
    phone: '0512-6688 1088',
    mapUrl: 'https://www.openstreetmap.org/search?query=%E5%B9%B8%E7%A6%8F%E8%B7%AF88%E5%8F%B7',
  },
  zh: {
    // The same name as the booking plugin's e-mails and the site's fallback.
    centreName: '邻里党群服务中心',
    address: '某某市某某区幸福路88号',
    openingHoursText: '周一至周五 8:30–12:00，14:00–21:00；周六、周日 9:00–17:00。法定节假日另行通知。',
    notice: '冬季课程表已更新，详见一楼公告栏；元旦（1月1日）闭馆一天。',
  },
  en: {
    centreName: 'Linli Neighbourhood Service Centre',
    address: '88 Xingfu Road, Moumou District, Moumou City',
    openingHoursText: 'Monday to Friday 8:30–12:00 and 14:00–21:00; Saturday and Sunday 9:00–17:00. Public holidays as announced.',
    notice: "The winter timetable is out: see the notice board on the ground floor. Closed on New Year's Day (1 January).",
  },
};

/** Fills in the centre's details in Chinese and English; settings already saved are left alone. */
export const loadDemoSiteSettings = async (strapi: Core.Strapi): Promise<void> => {
  if ((await strapi.db.query(SETTINGS_UID).count()) > 0) return;
  const { shared, zh, en } = demoSiteSettings;
  // The app has no generated content-type types (strapi ts:generate-types), hence the cast below.
  const created = await strapi.documents(SETTINGS_UID).create({ locale: 'zh-CN', data: { ...shared, ...zh } });
  await strapi.documents(SETTINGS_UID).update({ documentId: created.documentId, locale: 'en', data: { ...shared, ...en } as any });
};
