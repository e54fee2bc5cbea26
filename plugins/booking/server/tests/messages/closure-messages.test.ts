import { closureMessagePreviews, type ClosureMessagesInput } from '../../src/messages/closure-messages';

const at = (s: string) => new Date(s);
const input: ClosureMessagesInput = {
  reservation: {
    reference: 'LL-7K3Q9',
    roomName: '多功能厅',
    contactName: '李秀英',
    purpose: '合唱排练',
    stillBooked: [],
    cancelled: [{ start: at('2026-12-18T10:00:00+08:00'), end: at('2026-12-18T11:00:00+08:00') }],
  },
  session: { title: '书法班', name: '陈阿姨', slot: { start: at('2026-12-18T14:00:00+08:00'), end: at('2026-12-18T15:00:00+08:00'), roomName: '多功能厅' } },
  reason: { 'zh-CN': '水管维修', en: 'Water pipe repairs' },
  centreName: { 'zh-CN': '邻里党群服务中心', en: 'Linli Centre' },
  timezone: 'Asia/Shanghai',
};

describe('closureMessagePreviews', () => {
  it('renders the booking and the session mail in both languages, each with the reason in its language', () => {
    const previews = closureMessagePreviews(input);
    expect(previews.map((p) => [p.audience, p.language])).toEqual([
      ['reservation', 'zh-CN'],
      ['enrolment', 'zh-CN'],
      ['reservation', 'en'],
      ['enrolment', 'en'],
    ]);
    const [bookingZh, sessionZh, bookingEn, sessionEn] = previews;
    expect(bookingZh.subject).toBe('预约已取消 LL-7K3Q9：多功能厅');
    expect(bookingZh.text).toContain('取消原因：“水管维修”');
    expect(bookingZh.text).toContain('12月18日 周五 10:00–11:00');
    expect(sessionZh.subject).toBe('停课通知：书法班 12月18日 周五 14:00–15:00');
    expect(sessionZh.text).toContain('原因：水管维修');
    expect(bookingEn.text).toContain('Water pipe repairs');
    expect(sessionEn.text).toContain('Reason: Water pipe repairs');
  });

  it('leaves out the mail nobody would get', () => {
    expect(closureMessagePreviews({ ...input, reservation: null, session: null })).toEqual([]);
    expect(closureMessagePreviews({ ...input, session: null }).map((p) => p.audience)).toEqual(['reservation', 'reservation']);
  });
});
