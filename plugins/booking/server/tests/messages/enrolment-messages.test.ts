import { activityWithdrawnMessage, sessionChangedMessage, type ActivityWithdrawnInput, type SessionChangedInput } from '../../src/messages/enrolment-messages';

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

describe('activityWithdrawnMessage', () => {
  const withdrawn: ActivityWithdrawnInput = { language: 'zh-CN', name: '王秀兰', title: '书法班', status: 'confirmed', when: { text: '11月24日 周二 19:00–20:30', from: true }, centreName: '邻里党群服务中心' };

  it('tells in Chinese that the activity is withdrawn from its next session on and the enrolment cancelled', () => {
    const m = activityWithdrawnMessage(withdrawn);
    expect(m.subject).toBe('活动取消通知：书法班');
    expect(m.text).toContain('王秀兰，您好');
    expect(m.text).toContain('很抱歉，书法班（11月24日 周二 19:00–20:30起）已取消，不再举办。');
    expect(m.text).toContain('您的报名也随之取消，请不要前往。');
    expect(m.text).toContain('邻里党群服务中心');
  });

  it('tells someone waiting, in English, that their place on the waiting list is cancelled, naming their one session', () => {
    const m = activityWithdrawnMessage({ ...withdrawn, language: 'en', name: 'Lucy', status: 'waitlisted', when: { text: 'Tuesday 24 November, 19:00–20:30', from: false }, centreName: 'Linli Centre' });
    expect(m.subject).toBe('Withdrawn: 书法班');
    expect(m.text).toContain('Dear Lucy,');
    expect(m.text).toContain('书法班 (Tuesday 24 November, 19:00–20:30) has been withdrawn and will not take place.');
    expect(m.text).toContain('Your place on the waiting list is cancelled with it');
    expect(m.text).not.toContain('from Tuesday');
  });

  it('says "from" for a term, nothing about a date when none is known, and keeps the subject on one line with the HTML escaped', () => {
    expect(activityWithdrawnMessage({ ...withdrawn, language: 'en', when: { text: 'Tuesday 24 November, 19:00–20:30', from: true } }).text).toContain('(from Tuesday 24 November, 19:00–20:30)');
    expect(activityWithdrawnMessage({ ...withdrawn, when: null }).text).toContain('很抱歉，书法班已取消');
    const m = activityWithdrawnMessage({ ...withdrawn, name: '<b>Wang</b>', title: 'Calligraphy\r\nBcc: x@example.org' });
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.html).not.toMatch(/<b>/);
    expect(m.html).toContain('&lt;b&gt;Wang&lt;/b&gt;');
  });
});
