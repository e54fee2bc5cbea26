import { escapeHtml, linesToHtml, oneLine, type Message, type MessageLanguage } from './rendering';

/**
 * The reminder of one date: what, when (already worded on the centre's clock) and where, and the
 * "我去不了 / I can't come" link that cancels this one date and gives the place to someone else.
 */
export const reminderMessage = (input: {
  language: MessageLanguage;
  name: string;
  /** The room's name (a reservation) or the activity's title. */
  what: string;
  when: string;
  /** The room of an activity's session, when it has one; a reservation's room is its `what`. */
  where: string | null;
  /** The booking's reference, for a reservation. */
  reference: string | null;
  /** What the link does: a term's place is kept, anything else is cancelled. */
  keepsPlace: boolean;
  cantComeUrl: string | null;
  centreName: string;
}): Message => {
  const zh = input.language === 'zh-CN';
  const what = oneLine(input.what);
  const subject = zh ? `提醒：${input.when} ${what}` : `Reminder: ${what}, ${input.when}`;
  const facts = zh
    ? [`提醒您：${what}`, `时间：${input.when}`, ...(input.where ? [`地点：${input.where}`] : []), ...(input.reference ? [`预约号：${input.reference}`] : [])]
    : [`A reminder: ${what}`, `When: ${input.when}`, ...(input.where ? [`Where: ${input.where}`] : []), ...(input.reference ? [`Reference: ${input.reference}`] : [])];
  const effect = zh
    ? input.keepsPlace
      ? '如果这一次去不了，请点下面的链接告诉我们（课程名额为您保留）：'
      : '如果去不了，请点下面的链接取消这一次，把名额让给别人：'
    : input.keepsPlace
      ? 'If you cannot come this time, please tell us with this link (your place in the course is kept):'
      : 'If you cannot come, please cancel this date with this link so someone else can have the place:';
  const link = input.cantComeUrl ? [effect, `${zh ? '我去不了 / I can’t come：' : 'I can’t come / 我去不了: '}${input.cantComeUrl}`, ''] : [];
  const lines = [zh ? `${input.name}，您好：` : `Dear ${input.name},`, '', ...facts, '', ...link, input.centreName];
  const url = input.cantComeUrl;
  const html = linesToHtml(lines, (l) =>
    url && l.endsWith(url) ? `<p>${escapeHtml(l.slice(0, -url.length))}<a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : `<p>${escapeHtml(l)}</p>`
  );
  return { subject: oneLine(subject), text: lines.join('\n'), html };
};
