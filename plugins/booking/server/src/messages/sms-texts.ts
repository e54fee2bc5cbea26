import type { MessageKind } from './message-kind';
import type { MessageLanguage } from './rendering';
import { oneLine } from './rendering';
import type { SmsFacts } from './sms-facts';

/**
 * Text messages, worded once per kind and language: the template a centre registers with its SMS
 * provider (`SMS_TEMPLATES`, listed in the README), the ordered parameters that fill it, and the
 * whole text as the resident reads it (what the development outbox records).
 *
 *   smsText(facts) -> { params: ['张阿姨', '多功能厅', '11月24日 周二 19:00–21:00', 'LL-7K3Q9', 'zh/manage/#token=…'], text: '张阿姨您好，…' }
 *
 * Mainland providers refuse a link carried in a parameter (Tencent Cloud: "变量不允许透传链接"; links
 * must be constant, ICP-filed addresses). So the site's address (`SITE` below) is written into the
 * registered template as constant text and the parameter carries only the rest of the link, which
 * is no link by itself. The link always ends the message: no punctuation after it for a phone to
 * glue onto the address.
 *
 * Parameters are cut to `SMS_PARAM_LIMITS` (in characters: a Chinese character, a letter, a digit,
 * a punctuation mark or a space counts one, as providers count) with "…", so one long activity title
 * cannot turn a reminder into four billed parts; a link's tail is never cut (a cut link opens
 * nothing): one longer than its limit is left out and the message points to the site's home page.
 * Text parameters are one line, without 【】 (reserved for the sign name: made （）) nor emoji.
 */

/** Where the site's origin (e.g. https://linli.example) stands in a registered template. */
export const SITE = 'SITE';

type Fact = 'name' | 'what' | 'when' | 'reference';

interface SmsTemplate {
  /** The facts filling {1}, {2}, … in order; the link's tail fills the last one, after `SITE/`. */
  facts: Fact[];
  /** The sentence(s) before the link, with {n} placeholders. */
  body: string;
  /** Words leading to the link. */
  linkLabel: string;
}

/** The longest value of each parameter, in characters; a centre's organisation-verified account allows them (see the README). */
export const SMS_PARAM_LIMITS: Record<Fact | 'link', number> = { name: 10, what: 24, when: 48, reference: 16, link: 120 };

const RESERVATION: Fact[] = ['name', 'what', 'when', 'reference'];
const DATED: Fact[] = ['name', 'what', 'when'];

export const SMS_TEMPLATES: Record<MessageLanguage, Record<MessageKind, SmsTemplate>> = {
  'zh-CN': {
    'reservation.received': { facts: RESERVATION, body: '{1}您好，已收到您的{2}预约申请（{3}），预约号{4}，确认后另行通知。', linkLabel: '查看：' },
    'reservation.confirmed': { facts: RESERVATION, body: '{1}您好，您的{2}预约（{3}）已确认，预约号{4}。', linkLabel: '查看或取消：' },
    'reservation.rejected': { facts: RESERVATION, body: '{1}您好，很抱歉，您的{2}预约申请（{3}）未获通过，预约号{4}。', linkLabel: '详情：' },
    'reservation.cancelled': { facts: RESERVATION, body: '{1}您好，您的{2}预约（{3}）已取消，预约号{4}。', linkLabel: '详情：' },
    'enrolment.confirmed': { facts: DATED, body: '{1}您好，您已报名{2}（{3}）。', linkLabel: '查看或取消：' },
    'enrolment.waitlisted': { facts: DATED, body: '{1}您好，{2}（{3}）名额已满，您已进入候补名单，有空位会通知您。', linkLabel: '查看：' },
    'enrolment.promoted': { facts: DATED, body: '{1}您好，{2}（{3}）有空位了，您已由候补转为正式报名。', linkLabel: '查看或取消：' },
    'enrolment.cancelled': { facts: DATED, body: '{1}您好，您的{2}（{3}）报名已取消。', linkLabel: '详情：' },
    'session.moved': { facts: DATED, body: '{1}您好，{2}的时间改为{3}。', linkLabel: '详情：' },
    'session.cancelled': { facts: DATED, body: '{1}您好，{2}（{3}）取消了，请勿前往。', linkLabel: '详情：' },
    'activity.withdrawn': { facts: ['name', 'what'], body: '{1}您好，{2}已停办，您的报名随之取消。', linkLabel: '详情：' },
    reminder: { facts: DATED, body: '{1}您好，温馨提醒：{2}，时间{3}。', linkLabel: '去不了请点：' },
    'bookings.found': { facts: DATED, body: '{1}您好，您要找回的预约或报名：{2}（{3}）。', linkLabel: '查看或取消：' },
  },
  en: {
    'reservation.received': { facts: RESERVATION, body: 'Dear {1}, we have your request for {2} ({3}), ref {4}. Staff will confirm it.', linkLabel: 'Details:' },
    'reservation.confirmed': { facts: RESERVATION, body: 'Dear {1}, your booking of {2} ({3}) is confirmed, ref {4}.', linkLabel: 'View or cancel:' },
    'reservation.rejected': { facts: RESERVATION, body: 'Dear {1}, sorry, your request for {2} ({3}) was declined, ref {4}.', linkLabel: 'Details:' },
    'reservation.cancelled': { facts: RESERVATION, body: 'Dear {1}, your booking of {2} ({3}) is cancelled, ref {4}.', linkLabel: 'Details:' },
    'enrolment.confirmed': { facts: DATED, body: 'Dear {1}, you are enrolled in {2} ({3}).', linkLabel: 'View or cancel:' },
    'enrolment.waitlisted': { facts: DATED, body: 'Dear {1}, {2} ({3}) is full: you are on the waiting list and will hear from us.', linkLabel: 'Details:' },
    'enrolment.promoted': { facts: DATED, body: 'Dear {1}, a place in {2} ({3}) is now yours.', linkLabel: 'View or cancel:' },
    'enrolment.cancelled': { facts: DATED, body: 'Dear {1}, your enrolment in {2} ({3}) is cancelled.', linkLabel: 'Details:' },
    'session.moved': { facts: DATED, body: 'Dear {1}, {2} has moved to {3}.', linkLabel: 'Details:' },
    'session.cancelled': { facts: DATED, body: 'Dear {1}, {2} ({3}) is cancelled, please do not come.', linkLabel: 'Details:' },
    'activity.withdrawn': { facts: ['name', 'what'], body: 'Dear {1}, {2} will not take place and your enrolment is cancelled.', linkLabel: 'Details:' },
    reminder: { facts: DATED, body: 'Dear {1}, a reminder: {2}, {3}.', linkLabel: "Can't come? Tap" },
    'bookings.found': { facts: DATED, body: 'Dear {1}, the booking you asked for: {2} ({3}).', linkLabel: 'View or cancel:' },
  },
};

// English words are spaced; Chinese runs on (a full-width colon leads to the link).
const joinLink = (language: MessageLanguage, body: string, label: string, link: string): string =>
  language === 'en' ? `${body} ${label} ${link}` : `${body}${label}${link}`;

/** The template to register with the provider for a kind and language: `SITE` stands for the site's origin. */
export function registeredTemplate(kind: MessageKind, language: MessageLanguage): string {
  const { facts, body, linkLabel } = SMS_TEMPLATES[language][kind];
  return joinLink(language, body, linkLabel, `${SITE}/{${facts.length + 1}}`);
}

export interface SmsText {
  /** The template's parameters in order ({1}, {2}, …). */
  params: string[];
  /** The whole message as the resident reads it, without the sign name the provider puts in front. */
  text: string;
}

// 【】 would be taken for a second sign name; emoji and half characters (lone surrogates) are garbled on the way.
const UNSENDABLE = /[\p{Extended_Pictographic}\p{Cs}\u{1F1E6}-\u{1F1FF}\u{FE0E}\u{FE0F}\u{200D}]/gu;

/** A value as one short line, cut with "…" at `max` characters (never inside a character outside the BMP). */
export function fitParam(value: string, max: number): string {
  const clean = oneLine(String(value).replace(/【/g, '（').replace(/】/g, '）').replace(UNSENDABLE, ''));
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** The link split into the site's origin (constant in the template) and the rest (the parameter). */
function splitLink(link: string | undefined): { origin: string; tail: string } | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const tail = `${url.pathname}${url.search}${url.hash}`.replace(/^\//, '');
  // Too long to send in one piece: the home page rather than half a link.
  return { origin: url.origin, tail: Array.from(tail).length <= SMS_PARAM_LIMITS.link ? tail : '' };
}

const factValue = (facts: SmsFacts, fact: Fact): string => {
  const value = facts[fact];
  // A blank would read as a mistake; a reservation always has its reference, this is a guard.
  return fitParam(value ?? '', SMS_PARAM_LIMITS[fact]) || '-';
};

const fill = (template: string, params: string[]): string =>
  template.replace(/\{(\d+)\}/g, (_, n: string) => params[Number(n) - 1] ?? '');

/** The parameters and the text of one message. */
export function smsText(facts: SmsFacts): SmsText {
  const template = SMS_TEMPLATES[facts.language][facts.kind];
  const link = splitLink(facts.link);
  const params = [...template.facts.map((fact) => factValue(facts, fact)), link?.tail ?? ''];
  const body = fill(template.body, params);
  // Without a link the provider's template still shows the site's address; the text says what is known.
  const text = link ? joinLink(facts.language, body, template.linkLabel, `${link.origin}/${link.tail}`) : body;
  return { params, text };
}
