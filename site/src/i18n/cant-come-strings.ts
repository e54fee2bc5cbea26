/**
 * Words of the "我去不了 / I can't come" page. The page says everything in both languages (the
 * link comes in a text message, read by whoever holds the phone), its own language first.
 */
export type CantComeLocale = 'zh-CN' | 'en';

export interface CantComeWords {
  title: string;
  button: string;
  intro: string;
  loading: string;
  /** What the tap will do, by the answer's `effect`. */
  willCancelDate: string;
  willCancelEnrolment: string;
  willBeAway: string;
  /** What happened, by the answer's `state`. */
  cancelledDate: string;
  cancelledEnrolment: string;
  away: string;
  already: string;
  started: string;
  unknown: string;
  expired: string;
  missing: string;
  networkError: string;
  tooMany: string;
  callUs: (phone: string) => string;
  noJs: string;
  labels: { what: string; when: string; name: string };
}

const zh: CantComeWords = {
  title: '我去不了',
  button: '我去不了',
  intro: '提醒短信或邮件里的链接：告诉中心您去不了这一次。',
  loading: '正在加载…',
  willCancelDate: '点下面的按钮，就取消这一次的预约（其他日期不变），把房间让给别人。',
  willCancelEnrolment: '点下面的按钮，就取消这次报名，名额马上让给候补的人。',
  willBeAway: '点下面的按钮，就告诉中心这一次您不来；课程名额为您保留。',
  cancelledDate: '已取消这一次的预约，房间已空出。谢谢告知！',
  cancelledEnrolment: '已取消报名，名额已让给候补的人。谢谢告知！',
  away: '已记下这一次您不来，课程名额仍为您保留。谢谢告知！',
  already: '这一次已经取消了，不用再点。',
  started: '这一次已经开始，不能再取消了。',
  unknown: '这个链接无效。请打开提醒里的完整链接，或致电中心。',
  expired: '这个链接已过期：它只在活动开始前有效。',
  missing: '链接不完整。请打开提醒里的完整链接。',
  networkError: '网络出了问题，请稍后再试。',
  tooMany: '操作太频繁，请稍后再试。',
  callUs: (phone) => `也可以致电中心：${phone}`,
  noJs: '这个页面需要开启 JavaScript。也可以致电中心告诉我们您去不了。',
  labels: { what: '活动', when: '时间', name: '姓名' },
};

const en: CantComeWords = {
  title: 'I can’t come',
  button: 'I can’t come',
  intro: 'The link from your reminder: tell the centre you cannot come this once.',
  loading: 'Loading…',
  willCancelDate: 'The button below cancels this one date of your booking (the others stay) and frees the room.',
  willCancelEnrolment: 'The button below cancels this enrolment and gives your place to the next person waiting.',
  willBeAway: 'The button below tells the centre you will miss this one session; your place in the course is kept.',
  cancelledDate: 'This date is cancelled and the room is free again. Thank you for telling us!',
  cancelledEnrolment: 'Your enrolment is cancelled and your place has gone to the next person waiting. Thank you for telling us!',
  away: 'Noted: you will miss this session. Your place in the course is kept. Thank you for telling us!',
  already: 'This is already cancelled: nothing more to do.',
  started: 'This has already begun, so it can no longer be cancelled.',
  unknown: 'This link does not work. Please open the whole link from your reminder, or call the centre.',
  expired: 'This link has expired: it works only until the date begins.',
  missing: 'This link is incomplete. Please open the whole link from your reminder.',
  networkError: 'The connection failed. Please try again.',
  tooMany: 'Too many tries. Please wait a moment and try again.',
  callUs: (phone) => `You can also call the centre: ${phone}`,
  noJs: "This page needs JavaScript. You can also call the centre to say you can't come.",
  labels: { what: 'What', when: 'When', name: 'Name' },
};

/** The page's own language first, then the other. */
export const cantComeWords = (locale: CantComeLocale): [CantComeWords, CantComeWords] => (locale === 'en' ? [en, zh] : [zh, en]);
