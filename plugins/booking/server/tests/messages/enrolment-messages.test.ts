import { sessionChangedMessage, type SessionChangedInput } from '../../src/messages/enrolment-messages';

const slot = (start: string, end: string, roomName: string | null) => ({ start: new Date(start), end: new Date(end), roomName });
const TUE = slot('2026-11-24T19:00:00+08:00', '2026-11-24T20:30:00+08:00', '多功能厅');
const THU = slot('2026-11-26T10:00:00+08:00', '2026-11-26T11:30:00+08:00', '阅览室');

const base: SessionChangedInput = { change: 'cancelled', language: 'zh-CN', name: '王秀兰', title: '书法班', before: TUE, reason: '暴雨', centreName: '邻里党群服务中心', timezone: 'Asia/Shanghai' };

describe('sessionChangedMessage', () => {
  it('tells in Chinese which session is cancelled, where, and why', () => {
    const m = sessionChangedMessage(base);
    expect(m.subject).toBe('停课通知：书法班 11月24日 周二 19:00–20:30');
    expect(m.text).toContain('王秀兰，您好');
    expect(m.text).toContain('11月24日 周二 19:00–20:30，地点：多功能厅');
    expect(m.text).toContain('原因：暴雨');
  });

  it('tells in English the old and the new time and room of a moved session', () => {
    const m = sessionChangedMessage({ ...base, change: 'moved', language: 'en', name: 'Lucy', after: THU, reason: null, centreName: 'Linli Centre' });
    expect(m.subject).toBe('Changed: 书法班 now Thursday 26 November, 10:00–11:30');
    expect(m.text).toContain('Was: Tuesday 24 November, 19:00–20:30, in 多功能厅');
    expect(m.text).toContain('Now: Thursday 26 November, 10:00–11:30, in 阅览室');
    expect(m.text).not.toContain('Reason');
  });

  it('escapes what people typed in the HTML and keeps the subject on one line', () => {
    const m = sessionChangedMessage({ ...base, name: '<b>Wang</b>', title: 'Calligraphy\r\nBcc: x@example.org', reason: '<script>alert(1)</script>' });
    expect(m.html).not.toMatch(/<b>|<script>/);
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(m.html).toContain('&lt;b&gt;Wang&lt;/b&gt;');
    expect(m.subject).not.toMatch(/[\r\n]/);
  });
});
