import { escapeHtml, formatOccurrence, linesToHtml, oneLine, type Message, type MessageLanguage } from './rendering';

/** The mail confirming an enrolment, or a place on the waiting list, with the link to see or cancel it. */
export const enrolledMessage = (input: {
  language: MessageLanguage;
  name: string;
  title: string;
  when: string | null;
  status: 'confirmed' | 'waitlisted';
  position: number | null;
  manageUrl: string | null;
  centreName: string;
}): Message => {
  const zh = input.language === 'zh-CN';
  const title = input.title.replace(/[\r\n]+/g, ' ');
  const waiting = input.status === 'waitlisted';
  const subject = zh ? `${waiting ? '已进入候补' : '报名成功'}：${title}` : `${waiting ? 'On the waiting list' : 'Enrolled'}: ${title}`;
  const what = `${input.title}${input.when ? (zh ? `（${input.when}）` : ` (${input.when})`) : ''}`;
  const status = zh
    ? waiting
      ? `名额已满，您在候补名单第 ${input.position} 位：${what}。有人取消时，我们按顺序发邮件通知您。`
      : `您已报名成功：${what}。`
    : waiting
      ? `The class is full: you are number ${input.position} on the waiting list for ${what}. We will e-mail you, in order, when a place frees up.`
      : `You are enrolled: ${what}.`;
  const link = input.manageUrl ? [zh ? `查看或取消报名，请打开这个链接：${input.manageUrl}` : `To see or cancel your enrolment, open this link: ${input.manageUrl}`] : [];
  const lines = [zh ? `${input.name}，您好：` : `Dear ${input.name},`, '', status, '', ...link, ...(link.length ? [''] : []), input.centreName];
  const url = input.manageUrl;
  const html = linesToHtml(lines, (l) =>
    url && l.endsWith(url) ? `<p>${escapeHtml(l.slice(0, -url.length))}<a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : `<p>${escapeHtml(l)}</p>`
  );
  return { subject: subject.replace(/[\r\n]+/g, ' '), text: lines.join('\n'), html };
};

/** The mail a person gets when a place frees up and they move from the waiting list to confirmed. */
export const promotedMessage = (input: { language: MessageLanguage; name: string; title: string; when: string | null; centreName: string }) => {
  const zh = input.language === 'zh-CN';
  const subject = zh ? `候补成功：${input.title}` : `You have a place: ${input.title}`;
  const lines = zh
    ? [`${input.name}，您好：`, '', `有人取消了报名，您已从候补名单转为正式报名：${input.title}${input.when ? `（${input.when}）` : ''}。`, '', '欢迎准时参加。如不能参加，请用报名确认中的链接取消，把名额留给下一位。', '', input.centreName]
    : [`Dear ${input.name},`, '', `Someone cancelled, so you have moved from the waiting list to a confirmed place: ${input.title}${input.when ? ` (${input.when})` : ''}.`, '', 'We look forward to seeing you. If you cannot come, please cancel with the link from your confirmation so the next person can have the place.', '', input.centreName];
  return { subject: subject.replace(/[\r\n]+/g, ' '), text: lines.join('\n'), html: linesToHtml(lines) };
};

export interface SessionSlot {
  start: Date;
  end: Date;
  /** The room's name in the reader's language, or null when the session has no room. */
  roomName: string | null;
}

export interface SessionChangedInput {
  change: 'cancelled' | 'moved';
  language: MessageLanguage;
  name: string;
  title: string;
  /** The session as it was. */
  before: SessionSlot;
  /** Where and when it takes place now (only for 'moved'). */
  after?: SessionSlot;
  /** Staff's words, quoted as they wrote them. */
  reason?: string | null;
  centreName: string;
  /** IANA zone of the centre: times are shown on its clock. */
  timezone: string;
}

/** The mail everyone enrolled in a session gets when staff cancel it or change its time or room. */
export const sessionChangedMessage = (input: SessionChangedInput) => {
  const zh = input.language === 'zh-CN';
  const when = (s: SessionSlot) => formatOccurrence(s, input.language, input.timezone, false);
  const where = (s: SessionSlot) => (s.roomName ? (zh ? `，地点：${s.roomName}` : `, in ${s.roomName}`) : '');
  const reason = input.reason && input.reason.trim() ? input.reason.trim() : null;
  const title = oneLine(input.title);
  let subject: string;
  let body: string[];
  if (input.change === 'cancelled') {
    subject = zh ? `停课通知：${title} ${when(input.before)}` : `Cancelled: ${title}, ${when(input.before)}`;
    body = zh
      ? [`很抱歉，${input.title}（${when(input.before)}${where(input.before)}）这一次取消了，请不要前往。`, ...(reason ? [`原因：${reason}`] : []), '', '您的报名仍然有效，其他课次照常进行。']
      : [`We are sorry: ${input.title} on ${when(input.before)}${where(input.before)} is cancelled. Please do not come for it.`, ...(reason ? [`Reason: ${reason}`] : []), '', 'Your enrolment stays; the other sessions go ahead as planned.'];
  } else {
    const after = input.after ?? input.before;
    subject = zh ? `调课通知：${title} 改为 ${when(after)}` : `Changed: ${title} now ${when(after)}`;
    body = zh
      ? [`${input.title}有一次课次调整了：`, `原定：${when(input.before)}${where(input.before)}`, `现改为：${when(after)}${where(after)}`, ...(reason ? [`原因：${reason}`] : []), '', '您的报名保持不变。如不能参加，请用报名确认中的链接取消，把名额留给别人。']
      : [`One session of ${input.title} has changed:`, `Was: ${when(input.before)}${where(input.before)}`, `Now: ${when(after)}${where(after)}`, ...(reason ? [`Reason: ${reason}`] : []), '', 'Your enrolment stays. If you cannot come, please cancel with the link from your confirmation so someone else can have the place.'];
  }
  const lines = [zh ? `${input.name}，您好：` : `Dear ${input.name},`, '', ...body, '', input.centreName];
  return { subject: oneLine(subject), text: lines.join('\n'), html: linesToHtml(lines) };
};

export interface ActivityWithdrawnInput {
  language: MessageLanguage;
  name: string;
  title: string;
  /** What they had: a place, or a place on the waiting list. */
  status: 'confirmed' | 'waitlisted';
  /**
   * When, as the reader reads it: the one session they enrolled in, or for a whole term or event
   * its first session still to come (`from`). Null when no date is known.
   */
  when: { text: string; from: boolean } | null;
  centreName: string;
}

/** The mail each person enrolled gets when staff withdraw a course or event (unpublish or delete it). */
export const activityWithdrawnMessage = (input: ActivityWithdrawnInput): Message => {
  const zh = input.language === 'zh-CN';
  const title = oneLine(input.title);
  const waiting = input.status === 'waitlisted';
  const when = input.when ? (zh ? `（${input.when.text}${input.when.from ? '起' : ''}）` : ` (${input.when.from ? 'from ' : ''}${input.when.text})`) : '';
  const subject = zh ? `活动取消通知：${title}` : `Withdrawn: ${title}`;
  const body = zh
    ? [`很抱歉，${input.title}${when}已取消，不再举办。`, `您的${waiting ? '候补' : '报名'}也随之取消，请不要前往。`, '', '如有疑问，请联系服务中心。']
    : [`We are sorry: ${input.title}${when} has been withdrawn and will not take place.`, `Your ${waiting ? 'place on the waiting list' : 'enrolment'} is cancelled with it; please do not come.`, '', 'If you have any questions, please contact the centre.'];
  const lines = [zh ? `${input.name}，您好：` : `Dear ${input.name},`, '', ...body, '', input.centreName];
  return { subject: oneLine(subject), text: lines.join('\n'), html: linesToHtml(lines) };
};
