import { escapeHtml, linesToHtml, oneLine, type Message, type MessageLanguage } from './rendering';

/** One booking or enrolment found for a contact, with its fresh manage link. */
export interface FoundBooking {
  /** The room's name or the activity's title. */
  what: string;
  /** The first date still to come, worded on the centre's clock. */
  when: string;
  /** A reservation's reference; null for an enrolment. */
  reference: string | null;
  link: string;
}

/**
 * "Find my booking": every booking and enrolment still to come for the address the mail goes to,
 * each with a new manage link. The link given at booking keeps working (a stranger's lookup must not
 * break it); only the link an earlier lookup sent is replaced, which the mail says.
 */
export const foundBookingsMessage = (input: { language: MessageLanguage; name: string; items: FoundBooking[]; centreName: string }): Message => {
  const zh = input.language === 'zh-CN';
  const subject = zh ? `您的预约和报名（${input.items.length}项）` : `Your bookings and enrolments (${input.items.length})`;
  const links = new Set(input.items.map((i) => i.link));
  const itemLines = input.items.flatMap((i) => [
    `${oneLine(i.what)} · ${i.when}${i.reference ? (zh ? ` · 预约号 ${i.reference}` : ` · ref ${i.reference}`) : ''}`,
    `${zh ? '查看或取消：' : 'View or cancel: '}${i.link}`,
    '',
  ]);
  const lines = [
    zh ? `${input.name}，您好：` : `Dear ${input.name},`,
    '',
    zh ? '有人（希望是您）在网站上用这个邮箱找回预约。下面是还没到期的预约和报名，每项都有新的链接：' : 'Someone (we hope you) asked on our site for the bookings made with this address. Here are those still to come, each with a new link:',
    '',
    ...itemLines,
    zh ? '预约时收到的链接仍然可以用；上次找回时发的链接已换成上面的新链接。如果不是您本人操作，可以不用理会这封邮件，您的预约不受影响。' : 'The link you had when you booked still works; a link sent by an earlier search is replaced by the one above. If you did not ask, you can ignore this mail: your bookings are unchanged.',
    '',
    input.centreName,
  ];
  const html = linesToHtml(lines, (l) => {
    const url = [...links].find((u) => l.endsWith(u));
    return url ? `<p>${escapeHtml(l.slice(0, -url.length))}<a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : `<p>${escapeHtml(l)}</p>`;
  });
  return { subject: oneLine(subject), text: lines.join('\n'), html };
};
