import { escapeHtml } from './reservation-messages';

/** The mail a person gets when a place frees up and they move from the waiting list to confirmed. */
export const promotedMessage = (input: { language: 'zh-CN' | 'en'; name: string; title: string; when: string | null; centreName: string }) => {
  const zh = input.language === 'zh-CN';
  const subject = zh ? `候补成功：${input.title}` : `You have a place: ${input.title}`;
  const lines = zh
    ? [`${input.name}，您好：`, '', `有人取消了报名，您已从候补名单转为正式报名：${input.title}${input.when ? `（${input.when}）` : ''}。`, '', '欢迎准时参加。如不能参加，请用报名确认中的链接取消，把名额留给下一位。', '', input.centreName]
    : [`Dear ${input.name},`, '', `Someone cancelled, so you have moved from the waiting list to a confirmed place: ${input.title}${input.when ? ` (${input.when})` : ''}.`, '', 'We look forward to seeing you. If you cannot come, please cancel with the link from your confirmation so the next person can have the place.', '', input.centreName];
  return { subject: subject.replace(/[\r\n]+/g, ' '), text: lines.join('\n'), html: lines.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : '')).join('') };
};
