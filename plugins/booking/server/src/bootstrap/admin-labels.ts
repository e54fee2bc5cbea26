import type { Core, UID } from '@strapi/strapi';

/**
 * Field labels staff read in the content manager: Chinese first, English second. Reservations,
 * enrolments and attendance are not there (residents' data: the plugin's pages show them).
 */
const LABELS: Record<string, Record<string, string>> = {
  centre: {
    openingHours: '中心开放时间 Centre opening hours',
    reminderEveningEnabled: '前一天提醒 Reminder the day before', reminderEveningAt: '前一天提醒时间 Time of the day-before reminder',
    reminderHoursEnabled: '开始前提醒 Reminder before the start', reminderHoursBefore: '开始前几小时提醒 Hours before the start',
    quietHoursFrom: '免打扰开始 Quiet hours from', quietHoursTo: '免打扰结束 Quiet hours until',
  },
  room: {
    name: '名称 Name', slug: '网址名 URL name', description: '介绍 Description', capacity: '容纳人数 Capacity', photos: '照片 Photos',
    floor: '楼层 Floor', location: '位置 Location', amenities: '设施（每行一项） Amenities (one per line)', accessibility: '无障碍说明 Accessibility',
    bookable: '可预约 Bookable', sortOrder: '排序 Order', openingHours: '开放时间 Opening hours', slotMinutes: '时间格（分钟） Slot (minutes)',
    minMinutes: '最短（分钟） Shortest (minutes)', maxMinutes: '最长（分钟） Longest (minutes)', bufferMinutes: '间隔（分钟） Buffer (minutes)',
    minNoticeMinutes: '最少提前（分钟） Minimum notice (minutes)', maxAdvanceDays: '最多提前（天） Book ahead up to (days)',
    requiresApproval: '需要审核 Needs approval', weeklyQuotaHours: '每人每周上限（小时） Weekly limit per person (hours)',
  },
  closure: { reason: '原因 Reason', reasonEn: '原因（英文） Reason (English)', startsAt: '开始 Starts', endsAt: '结束 Ends', allRooms: '全部功能室 All rooms', rooms: '功能室 Rooms' },
  category: { name: '名称 Name', slug: '网址名 URL name', color: '颜色 Colour', sortOrder: '排序 Order' },
  course: {
    title: '标题 Title', slug: '网址名 URL name', summary: '简介 Summary', description: '详细介绍 Description', cover: '封面 Cover', category: '类别 Category',
    audience: '对象 Who for', organiser: '老师/组织者 Teacher or organiser', room: '功能室 Room', schedule: '时间安排 Schedule', capacity: '名额 Places',
    enrolmentMode: '报名方式 Enrolment', registrationEnabled: '需要报名 Registration', forChildren: '儿童活动（监护人报名） For children (a guardian enrols)', enrolmentOpensAt: '报名开始 Enrolment opens',
    enrolmentClosesAt: '报名截止 Enrolment closes', waitlistEnabled: '候补名单 Waiting list', maxPeoplePerEnrolment: '每次报名最多人数 People per enrolment',
  },
  session: { startsAt: '开始 Starts', endsAt: '结束 Ends', status: '状态 Status', capacity: '名额 Places', note: '备注 Note' },
};
LABELS.event = { ...LABELS.course, location: '地点（室外） Location (outside)' };

/**
 * Sets the labels once: a label an editor has changed (it no longer reads as the field's name)
 * is left alone.
 */
export const setAdminLabels = async (strapi: Core.Strapi): Promise<void> => {
  const contentTypes = strapi.plugin('content-manager')?.service('content-types');
  if (!contentTypes) return;
  for (const [name, labels] of Object.entries(LABELS)) {
    const uid = `plugin::booking.${name}`;
    if (!strapi.contentType(uid as UID.ContentType)) continue;
    const configuration = await contentTypes.findConfiguration({ uid });
    let changed = false;
    for (const [field, label] of Object.entries(labels)) {
      const meta = configuration.metadatas?.[field];
      if (!meta) continue;
      for (const view of ['edit', 'list'] as const) {
        if (meta[view] && meta[view].label === field) {
          meta[view].label = label;
          changed = true;
        }
      }
    }
    if (changed) {
      await contentTypes.updateConfiguration({ uid }, { settings: configuration.settings, metadatas: configuration.metadatas, layouts: configuration.layouts });
    }
  }
};
