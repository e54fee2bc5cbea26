import {
  MAX_LISTED_OCCURRENCES,
  escapeHtml,
  reservationMessage,
  type ReservationMessageInput,
  type ReservationMessageKind,
} from '../../src/messages/reservation-messages';
import { describeWhateverTheHostZone } from '../host-zone';

// Instants written with their offset, independent of the code under test.
const slot = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });

const NOV24 = slot('2026-11-24T19:00:00+08:00', '2026-11-24T21:00:00+08:00');
const DEC01 = slot('2026-12-01T19:00:00+08:00', '2026-12-01T21:00:00+08:00');
const DEC08 = slot('2026-12-08T19:00:00+08:00', '2026-12-08T21:00:00+08:00');
const MANAGE = 'https://linli.example/zh/manage/#token=Ab3_x-9';

const zh: ReservationMessageInput = {
  kind: 'confirmed',
  language: 'zh-CN',
  reference: 'LL-7K3Q9',
  roomName: '多功能厅',
  occurrences: [NOV24],
  contactName: '张阿姨',
  manageUrl: MANAGE,
  centreName: '邻里党群服务中心',
  timezone: 'Asia/Shanghai',
};
const en: ReservationMessageInput = {
  ...zh,
  language: 'en',
  roomName: 'Multi-purpose hall',
  contactName: 'Mrs Li',
  centreName: 'Linli Community Centre',
  manageUrl: 'https://linli.example/en/manage/#token=Ab3_x-9',
};

const KINDS: ReservationMessageKind[] = ['received', 'confirmed', 'rejected', 'cancelled'];

/** The text with the values the caller supplied taken out: what is left is the message's own wording. */
function ownWording(text: string, input: ReservationMessageInput): string {
  let rest = text;
  for (const v of [input.reference, input.roomName, input.contactName, input.manageUrl, input.centreName, input.reason, input.purpose]) {
    if (v) rest = rest.split(v).join('');
  }
  return rest;
}
const LATIN = /[A-Za-z]/;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** The lines under a heading in the text body, up to the next blank line. */
function listedUnder(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const at = lines.indexOf(heading);
  if (at < 0) throw new Error(`no line "${heading}" in:\n${text}`);
  const out: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line === '') break;
    out.push(line.trim());
  }
  return out;
}

describe('reservationMessage in Chinese', () => {
  it.each(KINDS)('%s is entirely in Chinese apart from the values given', (kind) => {
    const input = { ...zh, kind, reason: kind === 'rejected' || kind === 'cancelled' ? '当天大厅维修' : null };
    const m = reservationMessage(input);
    expect(ownWording(m.subject, input)).not.toMatch(LATIN);
    expect(ownWording(m.text, input)).not.toMatch(LATIN);
    expect(m.text.startsWith('张阿姨，您好！\n')).toBe(true);
    expect(m.text).toContain('预约编号：LL-7K3Q9');
    expect(m.text).toContain('场地：多功能厅');
    expect(m.text).toContain('11月24日 周二 19:00–21:00');
    expect(m.text).toContain(`\n${MANAGE}\n`);
    expect(m.text.trimEnd().endsWith('\n邻里党群服务中心')).toBe(true);
    expect(m.html).toContain('<html lang="zh-CN">');
    expect(m.html).toContain('邻里党群服务中心');
  });

  it('says what happened, in the subject and the body', () => {
    const received = reservationMessage({ ...zh, kind: 'received' });
    expect(received.subject).toBe('预约已收到 LL-7K3Q9：多功能厅');
    expect(received.text).toContain('我们已经收到您的场地预约申请');
    expect(received.text).toContain('审核');
    expect(received.text).toContain('查看或取消预约');

    const confirmed = reservationMessage({ ...zh, kind: 'confirmed' });
    expect(confirmed.subject).toBe('预约已确认 LL-7K3Q9：多功能厅');
    expect(confirmed.text).toContain('您的场地预约已经确认');
    expect(confirmed.text).not.toContain('审核');

    const rejected = reservationMessage({ ...zh, kind: 'rejected', reason: '当天大厅维修' });
    expect(rejected.subject).toBe('预约未能通过 LL-7K3Q9：多功能厅');
    expect(rejected.text).toContain('很抱歉，您的场地预约这次未能通过。');
    expect(rejected.text).toContain('工作人员说明：“当天大厅维修”');
    expect(rejected.text).not.toContain('取消预约');

    const cancelled = reservationMessage({ ...zh, kind: 'cancelled' });
    expect(cancelled.subject).toBe('预约已取消 LL-7K3Q9：多功能厅');
    expect(cancelled.text).toContain('您的场地预约已经取消。');
    expect(listedUnder(cancelled.text, '已取消的时间：')).toEqual(['11月24日 周二 19:00–21:00']);
  });

  it('greets plainly when there is no name', () => {
    expect(reservationMessage({ ...zh, contactName: '  ' }).text.startsWith('您好！\n')).toBe(true);
  });
});

describe('reservationMessage in English', () => {
  it.each(KINDS)('%s is entirely in English apart from the values given', (kind) => {
    const input = { ...en, kind, reason: kind === 'rejected' || kind === 'cancelled' ? 'The hall is being repaired' : null };
    const m = reservationMessage(input);
    expect(m.subject).not.toMatch(CJK);
    expect(m.text).not.toMatch(CJK);
    expect(m.html).not.toMatch(CJK);
    expect(m.text.startsWith('Dear Mrs Li,\n')).toBe(true);
    expect(m.text).toContain('Booking reference: LL-7K3Q9');
    expect(m.text).toContain('Room: Multi-purpose hall');
    expect(m.text).toContain('Tuesday 24 November, 19:00–21:00');
    expect(m.text).toContain(`\n${en.manageUrl}\n`);
    expect(m.text.trimEnd().endsWith('\nLinli Community Centre')).toBe(true);
    expect(m.html).toContain('<html lang="en">');
  });

  it('says what happened, in the subject and the body', () => {
    const received = reservationMessage({ ...en, kind: 'received' });
    expect(received.subject).toBe('Booking received LL-7K3Q9: Multi-purpose hall');
    expect(received.text).toContain('we have received your booking request');
    expect(received.text).toContain('Our staff will look at it');

    const confirmed = reservationMessage({ ...en, kind: 'confirmed' });
    expect(confirmed.subject).toBe('Booking confirmed LL-7K3Q9: Multi-purpose hall');
    expect(confirmed.text).toContain('your booking is confirmed');

    const rejected = reservationMessage({ ...en, kind: 'rejected', reason: 'The hall is being repaired' });
    expect(rejected.subject).toBe('Booking not approved LL-7K3Q9: Multi-purpose hall');
    expect(rejected.text).toContain('we cannot accept your booking');
    expect(rejected.text).toContain('The reason given: “The hall is being repaired”');

    const cancelled = reservationMessage({ ...en, kind: 'cancelled' });
    expect(cancelled.subject).toBe('Booking cancelled LL-7K3Q9: Multi-purpose hall');
    expect(cancelled.text).toContain('Your booking has been cancelled.');
    expect(listedUnder(cancelled.text, 'Cancelled:')).toEqual(['Tuesday 24 November, 19:00–21:00']);
  });

  it('a rejection without a reason still reads well', () => {
    const m = reservationMessage({ ...en, kind: 'rejected', reason: null });
    expect(m.text).not.toContain('reason');
    expect(m.text).not.toContain('“');
    expect(m.text).toContain('If you have any questions');
  });
});

describeWhateverTheHostZone('dates and times on the centre clock', () => {
  it('Asia/Shanghai: the local wall time', () => {
    // 11:00Z is 19:00 in Shanghai.
    const o = slot('2026-11-24T11:00:00Z', '2026-11-24T13:00:00Z');
    expect(reservationMessage({ ...zh, occurrences: [o] }).text).toContain('11月24日 周二 19:00–21:00');
    expect(reservationMessage({ ...en, occurrences: [o] }).text).toContain('Tuesday 24 November, 19:00–21:00');
  });

  it('a late instant belongs to the next local day', () => {
    // 2026-11-24 17:30Z is Wednesday 25 November 01:30 in Shanghai.
    const o = slot('2026-11-24T17:30:00Z', '2026-11-24T19:00:00Z');
    expect(reservationMessage({ ...en, occurrences: [o] }).text).toContain('Wednesday 25 November, 01:30–03:00');
  });

  it('Europe/Berlin across the autumn change: same wall time, different UTC', () => {
    const berlin = { ...en, timezone: 'Europe/Berlin' };
    // Summer time (UTC+2) on 20 October, winter time (UTC+1) on 27 October 2026.
    const series = [slot('2026-10-20T17:00:00Z', '2026-10-20T19:00:00Z'), slot('2026-10-27T18:00:00Z', '2026-10-27T20:00:00Z')];
    expect(listedUnder(reservationMessage({ ...berlin, occurrences: series }).text, 'When (2 dates):')).toEqual([
      'Tuesday 20 October, 19:00–21:00',
      'Tuesday 27 October, 19:00–21:00',
    ]);
    expect(listedUnder(reservationMessage({ ...berlin, language: 'zh-CN', occurrences: series }).text, '时间（共2次）：')).toEqual([
      '10月20日 周二 19:00–21:00',
      '10月27日 周二 19:00–21:00',
    ]);
  });

  it('Europe/Berlin: the same UTC time reads an hour apart either side of the change', () => {
    const berlin = { ...en, timezone: 'Europe/Berlin' };
    const sameUtc = [slot('2026-03-24T17:00:00Z', '2026-03-24T18:00:00Z'), slot('2026-03-31T17:00:00Z', '2026-03-31T18:00:00Z')];
    expect(listedUnder(reservationMessage({ ...berlin, occurrences: sameUtc }).text, 'When (2 dates):')).toEqual([
      'Tuesday 24 March, 18:00–19:00',
      'Tuesday 31 March, 19:00–20:00',
    ]);
  });

  it('an evening that runs past midnight, or to midnight', () => {
    const pastMidnight = slot('2026-11-24T22:00:00+08:00', '2026-11-25T01:00:00+08:00');
    const toMidnight = slot('2026-11-24T22:00:00+08:00', '2026-11-25T00:00:00+08:00');
    expect(reservationMessage({ ...zh, occurrences: [pastMidnight] }).text).toContain('11月24日 周二 22:00–次日01:00');
    expect(reservationMessage({ ...en, occurrences: [pastMidnight] }).text).toContain('Tuesday 24 November, 22:00–01:00 the next day');
    expect(reservationMessage({ ...zh, occurrences: [toMidnight] }).text).toContain('11月24日 周二 22:00–24:00');
  });

  it('shows the year only when the dates span two years', () => {
    const newYear = [slot('2026-12-29T19:00:00+08:00', '2026-12-29T21:00:00+08:00'), slot('2027-01-05T19:00:00+08:00', '2027-01-05T21:00:00+08:00')];
    expect(listedUnder(reservationMessage({ ...zh, occurrences: newYear }).text, '时间（共2次）：')).toEqual([
      '2026年12月29日 周二 19:00–21:00',
      '2027年1月5日 周二 19:00–21:00',
    ]);
    expect(listedUnder(reservationMessage({ ...en, occurrences: newYear }).text, 'When (2 dates):')).toEqual([
      'Tuesday 29 December 2026, 19:00–21:00',
      'Tuesday 5 January 2027, 19:00–21:00',
    ]);
    expect(reservationMessage({ ...en, occurrences: [NOV24] }).text).not.toContain('2026');
  });

  it('rejects an unknown zone and an invalid date', () => {
    expect(() => reservationMessage({ ...en, timezone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => reservationMessage({ ...en, occurrences: [{ start: new Date('nope'), end: new Date() }] })).toThrow(RangeError);
  });
});

describe('a series', () => {
  it('lists three dates in order, date by date, in text and html', () => {
    const shuffled = [DEC08, NOV24, DEC01];
    const zhMsg = reservationMessage({ ...zh, kind: 'received', occurrences: shuffled });
    expect(listedUnder(zhMsg.text, '时间（共3次）：')).toEqual([
      '11月24日 周二 19:00–21:00',
      '12月1日 周二 19:00–21:00',
      '12月8日 周二 19:00–21:00',
    ]);
    const enMsg = reservationMessage({ ...en, kind: 'received', occurrences: shuffled });
    expect(listedUnder(enMsg.text, 'When (3 dates):')).toEqual([
      'Tuesday 24 November, 19:00–21:00',
      'Tuesday 1 December, 19:00–21:00',
      'Tuesday 8 December, 19:00–21:00',
    ]);
    const items = [...enMsg.html.matchAll(/<li[^>]*>([^<]*)<\/li>/g)].map((x) => x[1]);
    expect(items).toEqual(['Tuesday 24 November, 19:00–21:00', 'Tuesday 1 December, 19:00–21:00', 'Tuesday 8 December, 19:00–21:00']);
    // The input is not reordered in place.
    expect(shuffled).toEqual([DEC08, NOV24, DEC01]);
  });

  it(`lists at most ${MAX_LISTED_OCCURRENCES} dates and counts the rest`, () => {
    const WEEK = 7 * 86_400_000;
    const many = Array.from({ length: 60 }, (_, k) => ({ start: new Date(+NOV24.start + k * WEEK), end: new Date(+NOV24.end + k * WEEK) }));
    const enMsg = reservationMessage({ ...en, occurrences: many });
    const listed = listedUnder(enMsg.text, 'When (60 dates):');
    expect(listed).toHaveLength(MAX_LISTED_OCCURRENCES + 1);
    expect(MAX_LISTED_OCCURRENCES).toBe(52);
    expect(listed[0]).toBe('Tuesday 24 November 2026, 19:00–21:00');
    expect(listed[51]).toBe('Tuesday 16 November 2027, 19:00–21:00');
    expect(listed[52]).toBe('… and 8 more dates (see your booking page)');
    expect(enMsg.html.match(/<li/g)).toHaveLength(53);
    const zhListed = listedUnder(reservationMessage({ ...zh, occurrences: many }).text, '时间（共60次）：');
    expect(zhListed).toHaveLength(53);
    expect(zhListed[52]).toBe('……另有8次，请在预约页面查看');
  });

  it('one date of a series cancelled: which date, and the dates still booked', () => {
    const zhMsg = reservationMessage({ ...zh, kind: 'cancelled', cancelledOccurrences: [DEC01], occurrences: [NOV24, DEC08], reason: '当天停电检修' });
    expect(zhMsg.subject).toBe('预约日期已取消 LL-7K3Q9：多功能厅');
    expect(listedUnder(zhMsg.text, '您的系列预约中，有一天已经取消：')).toEqual(['12月1日 周二 19:00–21:00']);
    expect(listedUnder(zhMsg.text, '其余日期照常保留：')).toEqual(['11月24日 周二 19:00–21:00', '12月8日 周二 19:00–21:00']);
    expect(zhMsg.text).toContain('取消原因：“当天停电检修”');
    expect(zhMsg.text).not.toContain('您的场地预约已经取消');

    const enMsg = reservationMessage({ ...en, kind: 'cancelled', cancelledOccurrences: [DEC01], occurrences: [NOV24, DEC08] });
    expect(enMsg.subject).toBe('Booking date cancelled LL-7K3Q9: Multi-purpose hall');
    expect(listedUnder(enMsg.text, 'One date of your booking has been cancelled:')).toEqual(['Tuesday 1 December, 19:00–21:00']);
    expect(listedUnder(enMsg.text, 'Your other dates are still booked:')).toEqual([
      'Tuesday 24 November, 19:00–21:00',
      'Tuesday 8 December, 19:00–21:00',
    ]);
    expect(enMsg.text).toContain('To see or cancel your booking');
    expect(enMsg.text).not.toContain('Your booking has been cancelled.');
  });

  it('several dates cancelled, or the last one', () => {
    const two = reservationMessage({ ...en, kind: 'cancelled', cancelledOccurrences: [DEC08, DEC01], occurrences: [NOV24] });
    expect(two.subject).toBe('Booking dates cancelled LL-7K3Q9: Multi-purpose hall');
    expect(listedUnder(two.text, '2 dates of your booking have been cancelled:')).toEqual([
      'Tuesday 1 December, 19:00–21:00',
      'Tuesday 8 December, 19:00–21:00',
    ]);
  });

  it('dates still listed in occurrences but also cancelled are not "still booked"', () => {
    const m = reservationMessage({ ...en, kind: 'cancelled', cancelledOccurrences: [DEC01], occurrences: [NOV24, DEC01, DEC08] });
    expect(listedUnder(m.text, 'One date of your booking has been cancelled:')).toEqual(['Tuesday 1 December, 19:00–21:00']);
    expect(listedUnder(m.text, 'Your other dates are still booked:')).toEqual([
      'Tuesday 24 November, 19:00–21:00',
      'Tuesday 8 December, 19:00–21:00',
    ]);
  });

  it('every date cancelled, or the last one left: the whole booking is cancelled', () => {
    const all = reservationMessage({ ...zh, kind: 'cancelled', cancelledOccurrences: [DEC08, NOV24, DEC01], occurrences: [] });
    expect(all.subject).toBe('预约已取消 LL-7K3Q9：多功能厅');
    expect(all.text).toContain('您的场地预约已经取消。');
    expect(listedUnder(all.text, '已取消的时间（共3次）：')).toEqual([
      '11月24日 周二 19:00–21:00',
      '12月1日 周二 19:00–21:00',
      '12月8日 周二 19:00–21:00',
    ]);
    expect(all.text).toContain('查看预约，请打开这个链接');
    expect(all.text).not.toContain('查看或取消');
    expect(all.text).not.toContain('其余日期');

    const last = reservationMessage({ ...en, kind: 'cancelled', cancelledOccurrences: [DEC08], occurrences: [DEC08] });
    expect(last.subject).toBe('Booking cancelled LL-7K3Q9: Multi-purpose hall');
    expect(listedUnder(last.text, 'Cancelled:')).toEqual(['Tuesday 8 December, 19:00–21:00']);
    expect(last.text).not.toContain('still booked');
  });

  it('cancelledOccurrences means nothing for the other kinds', () => {
    const m = reservationMessage({ ...en, kind: 'confirmed', cancelledOccurrences: [DEC01], occurrences: [NOV24, DEC01] });
    expect(m.subject).toBe('Booking confirmed LL-7K3Q9: Multi-purpose hall');
    expect(listedUnder(m.text, 'When (2 dates):')).toHaveLength(2);
  });
});

describe('links', () => {
  it('leaves the manage section out when there is no link', () => {
    const m = reservationMessage({ ...en, kind: 'received', manageUrl: null });
    expect(m.text).not.toContain('open this link');
    expect(m.html).not.toContain('<a ');
    expect(reservationMessage({ ...zh, manageUrl: null }).text).not.toContain('链接');
  });

  it('links only http(s) addresses and escapes the href', () => {
    const withQuery = reservationMessage({ ...en, manageUrl: 'https://linli.example/manage?token=a&lang=en' });
    expect(withQuery.html).toContain('<a href="https://linli.example/manage?token=a&amp;lang=en"');
    const script = reservationMessage({ ...en, manageUrl: 'javascript:alert(1)' });
    expect(script.html).not.toContain('<a ');
    expect(script.html).not.toContain('href=');
  });
});

describe('escaping', () => {
  const evil = '<script>alert("x")</script> & \'y\'';
  const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;';

  it('escapeHtml escapes the five characters and nothing else', () => {
    expect(escapeHtml(evil)).toBe(escaped);
    expect(escapeHtml('多功能厅 – 19:00')).toBe('多功能厅 – 19:00');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it.each(['zh-CN', 'en'] as const)('a <script> in the reason comes out escaped (%s)', (language) => {
    const m = reservationMessage({ ...(language === 'en' ? en : zh), kind: 'rejected', reason: evil });
    expect(m.html).not.toMatch(/<script/i);
    expect(m.html).toContain(escaped);
    // The plain text is not HTML: it keeps the words as written.
    expect(m.text).toContain(evil);
  });

  it('escapes the name, purpose, room, reference and centre too', () => {
    const m = reservationMessage({
      ...en,
      kind: 'received',
      contactName: '<b>Li</b>',
      purpose: '<img src=x onerror=alert(1)>',
      roomName: 'Hall <i>1</i>',
      reference: 'LL-<7K>',
      centreName: 'Centre & "Co"',
      reason: 'Bring <chairs>\nand tables',
    });
    expect(m.html).not.toMatch(/<(b|i|img|chairs)[\s>]/);
    expect(m.html).toContain('Dear &lt;b&gt;Li&lt;/b&gt;,');
    expect(m.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(m.html).toContain('Hall &lt;i&gt;1&lt;/i&gt;');
    expect(m.html).toContain('LL-&lt;7K&gt;');
    expect(m.html).toContain('Centre &amp; &quot;Co&quot;');
    expect(m.html).toContain('Bring &lt;chairs&gt;<br>and tables');
    expect(m.text).toContain('Purpose: <img src=x onerror=alert(1)>');
  });

  it('keeps the subject on one line', () => {
    const m = reservationMessage({ ...en, roomName: 'Hall\r\nBcc: someone@evil.test', reference: 'LL-7K3Q9\n' });
    expect(m.subject).toBe('Booking confirmed LL-7K3Q9: Hall Bcc: someone@evil.test');
    expect(m.subject).not.toMatch(/[\r\n]/);
  });
});
