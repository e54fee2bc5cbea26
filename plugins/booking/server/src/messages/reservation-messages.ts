import { zonedDateOf } from '../core/time/zoned';
import { escapeHtml, formatOccurrence, oneLine, type Message, type MessageLanguage, type MessageOccurrence } from './rendering';

export { escapeHtml, type MessageLanguage, type MessageOccurrence };

export type ReservationMessageKind = 'received' | 'confirmed' | 'rejected' | 'cancelled';

export interface ReservationMessageInput {
  kind: ReservationMessageKind;
  language: MessageLanguage;
  /** The short reference, e.g. 'LL-7K3Q9'. */
  reference: string;
  roomName: string;
  /**
   * The dates the message is about, in any order (they are listed chronologically):
   * - received / confirmed / rejected: every date of the booking;
   * - cancelled with `cancelledOccurrences`: the dates STILL booked (any that also appear in
   *   `cancelledOccurrences` are left out); none left means the whole booking is cancelled;
   * - cancelled without `cancelledOccurrences`: the dates that were cancelled.
   */
  occurrences: MessageOccurrence[];
  /**
   * Only for 'cancelled': the date(s) just cancelled. With dates still booked in `occurrences`
   * the message is about those dates only ("one date of your booking has been cancelled").
   */
  cancelledOccurrences?: MessageOccurrence[];
  /** The staff's words: quoted for 'rejected' and 'cancelled', shown as a note for the other kinds. */
  reason?: string | null;
  /** What the room is booked for, as the resident wrote it (optional). */
  purpose?: string | null;
  contactName: string;
  /** The resident's "manage my booking" link, or null when there is none to give. */
  manageUrl: string | null;
  centreName: string;
  /** IANA zone of the centre, e.g. 'Asia/Shanghai'. Every date and time is shown on its clock. */
  timezone: string;
}


/** At most this many dates are listed; the rest is summed up as "and N more dates". */
export const MAX_LISTED_OCCURRENCES = 52;

const blank = (s: string | null | undefined): boolean => s == null || String(s).trim() === '';

function validOccurrences(list: readonly MessageOccurrence[] | undefined): MessageOccurrence[] {
  const copy = [...(list ?? [])];
  for (const o of copy) {
    if (!(o.start instanceof Date) || !(o.end instanceof Date) || Number.isNaN(+o.start) || Number.isNaN(+o.end)) {
      throw new RangeError('reservationMessage: every occurrence needs a valid start and end Date');
    }
  }
  return copy.sort((a, b) => +a.start - +b.start);
}

/** The lines listing the dates, capped at MAX_LISTED_OCCURRENCES. The year shows only when the dates span years. */
function dateLines(list: MessageOccurrence[], language: MessageLanguage, tz: string, yearsDiffer: boolean): string[] {
  const lines = list.slice(0, MAX_LISTED_OCCURRENCES).map((o) => formatOccurrence(o, language, tz, yearsDiffer));
  const more = list.length - MAX_LISTED_OCCURRENCES;
  if (more > 0) lines.push(language === 'zh-CN' ? `……另有${more}次，请在预约页面查看` : `… and ${more} more ${more === 1 ? 'date' : 'dates'} (see your booking page)`);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Wording. A message is a list of blocks; text and html render the same blocks.

type Block =
  | { type: 'para'; text: string }
  /** A label followed by text supplied by people (the staff or the resident); quoted. */
  | { type: 'quote'; label: string; text: string }
  | { type: 'field'; label: string; value: string }
  | { type: 'dates'; label: string; lines: string[] }
  | { type: 'link'; label: string; url: string }
  | { type: 'signature'; text: string };

interface Words {
  subject: Record<ReservationMessageKind | 'partlyCancelled' | 'partlyCancelledMany', string>;
  greeting: (name: string) => string;
  received: string;
  confirmed: string;
  rejected: string;
  cancelled: string;
  partlyCancelled: (count: number) => string;
  stillBooked: string;
  reasonRejected: string;
  reasonCancelled: string;
  note: string;
  reference: string;
  room: string;
  purpose: string;
  when: (count: number) => string;
  cancelledWhen: (count: number) => string;
  /** canStillCancel: some dates are (or may become) booked, so the link can cancel them. */
  manage: (canStillCancel: boolean) => string;
  questions: string;
  closing: string;
  subjectLine: (what: string, reference: string, room: string) => string;
}

const ZH: Words = {
  subject: {
    received: '预约已收到',
    confirmed: '预约已确认',
    rejected: '预约未能通过',
    cancelled: '预约已取消',
    partlyCancelled: '预约日期已取消',
    partlyCancelledMany: '预约日期已取消',
  },
  greeting: (name) => (name ? `${name}，您好！` : '您好！'),
  received: '我们已经收到您的场地预约申请。工作人员审核后，会再发邮件告诉您结果，请耐心等候。',
  confirmed: '您的场地预约已经确认，欢迎您按时前来。',
  rejected: '很抱歉，您的场地预约这次未能通过。',
  cancelled: '您的场地预约已经取消。',
  partlyCancelled: (n) => (n === 1 ? '您的系列预约中，有一天已经取消：' : `您的系列预约中，有${n}天已经取消：`),
  stillBooked: '其余日期照常保留：',
  reasonRejected: '工作人员说明',
  reasonCancelled: '取消原因',
  note: '工作人员留言',
  reference: '预约编号',
  room: '场地',
  purpose: '用途',
  when: (n) => (n > 1 ? `时间（共${n}次）` : '时间'),
  cancelledWhen: (n) => (n > 1 ? `已取消的时间（共${n}次）` : '已取消的时间'),
  manage: (canStillCancel) => (canStillCancel ? '查看或取消预约，请打开这个链接' : '查看预约，请打开这个链接'),
  questions: '如有疑问，欢迎来电或到服务中心咨询。',
  closing: '祝您生活愉快！',
  subjectLine: (what, reference, room) => `${what} ${reference}：${room}`,
};

const EN: Words = {
  subject: {
    received: 'Booking received',
    confirmed: 'Booking confirmed',
    rejected: 'Booking not approved',
    cancelled: 'Booking cancelled',
    partlyCancelled: 'Booking date cancelled',
    partlyCancelledMany: 'Booking dates cancelled',
  },
  greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
  received: 'Thank you, we have received your booking request. Our staff will look at it and send you another e-mail with the answer.',
  confirmed: 'Good news: your booking is confirmed. We look forward to seeing you.',
  rejected: 'We are sorry, but we cannot accept your booking this time.',
  cancelled: 'Your booking has been cancelled.',
  partlyCancelled: (n) => (n === 1 ? 'One date of your booking has been cancelled:' : `${n} dates of your booking have been cancelled:`),
  stillBooked: 'Your other dates are still booked:',
  reasonRejected: 'The reason given',
  reasonCancelled: 'The reason given',
  note: 'A note from our staff',
  reference: 'Booking reference',
  room: 'Room',
  purpose: 'Purpose',
  when: (n) => (n > 1 ? `When (${n} dates)` : 'When'),
  cancelledWhen: (n) => (n > 1 ? `Cancelled (${n} dates)` : 'Cancelled'),
  manage: (canStillCancel) => (canStillCancel ? 'To see or cancel your booking, open this link' : 'To see your booking, open this link'),
  questions: 'If you have any questions, please call us or come to the centre.',
  closing: 'Best wishes,',
  subjectLine: (what, reference, room) => `${what} ${reference}: ${room}`,
};

function blocks(input: ReservationMessageInput, w: Words): { subjectKey: keyof Words['subject']; body: Block[] } {
  const tz = input.timezone;
  const cancelledDates = input.kind === 'cancelled' ? validOccurrences(input.cancelledOccurrences) : [];
  const isCancelled = (o: MessageOccurrence) => cancelledDates.some((c) => +c.start === +o.start && +c.end === +o.end);
  const given = validOccurrences(input.occurrences);
  const stillBooked = given.filter((o) => !isCancelled(o));
  // Some dates cancelled while others stay booked; otherwise the whole booking is cancelled.
  const partly = cancelledDates.length > 0 && stillBooked.length > 0;
  const occurrences = cancelledDates.length > 0 && !partly ? cancelledDates : given;
  const everything = [...stillBooked, ...cancelledDates];
  const years = new Set(everything.map((o) => zonedDateOf(o.start, tz).slice(0, 4)));
  const yearsDiffer = years.size > 1;
  const lines = (list: MessageOccurrence[]) => dateLines(list, input.language, tz, yearsDiffer);
  const reason = blank(input.reason) ? null : String(input.reason).trim();

  const body: Block[] = [{ type: 'para', text: w.greeting(oneLine(input.contactName ?? '')) }];
  switch (input.kind) {
    case 'received':
      body.push({ type: 'para', text: w.received });
      break;
    case 'confirmed':
      body.push({ type: 'para', text: w.confirmed });
      break;
    case 'rejected':
      body.push({ type: 'para', text: w.rejected });
      break;
    case 'cancelled':
      if (partly) body.push({ type: 'dates', label: w.partlyCancelled(cancelledDates.length), lines: lines(cancelledDates) });
      else body.push({ type: 'para', text: w.cancelled });
      break;
  }
  if (reason) {
    const label = input.kind === 'rejected' ? w.reasonRejected : input.kind === 'cancelled' ? w.reasonCancelled : w.note;
    body.push({ type: 'quote', label, text: reason });
  }

  body.push({ type: 'field', label: w.reference, value: oneLine(input.reference) });
  body.push({ type: 'field', label: w.room, value: oneLine(input.roomName) });
  if (!blank(input.purpose)) body.push({ type: 'field', label: w.purpose, value: oneLine(String(input.purpose)) });
  if (partly) {
    body.push({ type: 'dates', label: w.stillBooked, lines: lines(stillBooked) });
  } else if (occurrences.length > 0) {
    const label = input.kind === 'cancelled' ? w.cancelledWhen(occurrences.length) : w.when(occurrences.length);
    body.push({ type: 'dates', label, lines: lines(occurrences) });
  }

  const canStillCancel = input.kind === 'received' || input.kind === 'confirmed' || partly;
  if (!blank(input.manageUrl)) body.push({ type: 'link', label: w.manage(canStillCancel), url: String(input.manageUrl).trim() });
  body.push({ type: 'para', text: w.questions });
  body.push({ type: 'signature', text: `${w.closing}\n${oneLine(input.centreName)}` });

  const subjectKey = !partly ? input.kind : cancelledDates.length === 1 ? 'partlyCancelled' : 'partlyCancelledMany';
  return { subjectKey, body };
}

const colon = (language: MessageLanguage) => (language === 'zh-CN' ? '：' : ': ');
/** "Label:" for a label that introduces the next line(s), unless it already ends in a colon. */
const heading = (label: string, language: MessageLanguage) => (/[:：]$/.test(label) ? label : `${label}${colon(language).trimEnd()}`);
// The same curly quotes read naturally in both languages.
const [OPEN_QUOTE, CLOSE_QUOTE] = ['“', '”'];

function renderText(body: Block[], language: MessageLanguage): string {
  const out = body.map((b) => {
    switch (b.type) {
      case 'para':
      case 'signature':
        return b.text;
      case 'quote':
        return `${b.label}${colon(language)}${OPEN_QUOTE}${b.text}${CLOSE_QUOTE}`;
      case 'field':
        return `${b.label}${colon(language)}${b.value}`;
      case 'dates':
        return [heading(b.label, language), ...b.lines.map((l) => `  ${l}`)].join('\n');
      case 'link':
        return `${heading(b.label, language)}\n${b.url}`;
    }
  });
  // Fields sit together; everything else is a paragraph of its own.
  let text = '';
  body.forEach((b, i) => {
    if (i > 0) text += b.type === 'field' && body[i - 1].type === 'field' ? '\n' : '\n\n';
    text += out[i];
  });
  return `${text}\n`;
}

const isWebLink = (url: string) => /^https?:\/\/[^\s"'<>]+$/i.test(url);
const withBreaks = (s: string) => escapeHtml(s).replace(/\r\n|\r|\n/g, '<br>');

function renderHtml(body: Block[], language: MessageLanguage): string {
  const p = 'margin:0 0 16px 0;';
  const parts: string[] = [];
  let fields: string[] = [];
  const flushFields = () => {
    if (fields.length === 0) return;
    parts.push(`<table role="presentation" style="border-collapse:collapse;margin:0 0 16px 0;font-size:18px;">${fields.join('')}</table>`);
    fields = [];
  };
  for (const b of body) {
    if (b.type !== 'field') flushFields();
    switch (b.type) {
      case 'para':
      case 'signature':
        parts.push(`<p style="${p}">${withBreaks(b.text)}</p>`);
        break;
      case 'quote':
        parts.push(
          `<p style="margin:0 0 8px 0;">${escapeHtml(heading(b.label, language))}</p>` +
            `<blockquote style="margin:0 0 16px 0;padding:8px 16px;border-left:4px solid #c8c8c8;background:#f6f6f6;">${OPEN_QUOTE}${withBreaks(b.text)}${CLOSE_QUOTE}</blockquote>`,
        );
        break;
      case 'field':
        fields.push(
          `<tr><td style="padding:2px 16px 2px 0;color:#555;white-space:nowrap;vertical-align:top;">${escapeHtml(b.label)}</td>` +
            `<td style="padding:2px 0;font-weight:bold;">${escapeHtml(b.value)}</td></tr>`,
        );
        break;
      case 'dates':
        parts.push(
          `<p style="margin:0 0 8px 0;">${escapeHtml(heading(b.label, language))}</p>` +
            `<ul style="margin:0 0 16px 0;padding-left:24px;">${b.lines.map((l) => `<li style="margin:0 0 4px 0;">${escapeHtml(l)}</li>`).join('')}</ul>`,
        );
        break;
      case 'link': {
        const url = escapeHtml(b.url);
        const link = isWebLink(b.url) ? `<a href="${url}" style="color:#0b5cad;">${url}</a>` : url;
        parts.push(`<p style="margin:0 0 8px 0;">${escapeHtml(heading(b.label, language))}</p><p style="${p}word-break:break-all;">${link}</p>`);
        break;
      }
    }
  }
  flushFields();
  return (
    `<!DOCTYPE html>\n<html lang="${language}"><head><meta charset="utf-8"></head>` +
    `<body style="margin:0;padding:24px;font-family:sans-serif;font-size:18px;line-height:1.6;color:#222;">` +
    `<div style="max-width:600px;">${parts.join('')}</div></body></html>\n`
  );
}

/**
 * The e-mail a resident gets about a reservation, in their language: subject, plain text
 * and HTML. Every date and time is on the centre's clock (`timezone`). Throws a RangeError
 * for an unknown zone or an invalid Date.
 */
export function reservationMessage(input: ReservationMessageInput): Message {
  const w = input.language === 'zh-CN' ? ZH : EN;
  const { subjectKey, body } = blocks(input, w);
  return {
    subject: w.subjectLine(w.subject[subjectKey], oneLine(input.reference), oneLine(input.roomName)),
    text: renderText(body, input.language),
    html: renderHtml(body, input.language),
  };
}
