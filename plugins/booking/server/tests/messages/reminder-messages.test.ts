import { reminderMessage } from '../../src/messages/reminder-messages';

const base = {
  name: '王秀兰',
  what: '智能手机课',
  when: '12月2日 周三 10:00–11:30',
  where: '多功能厅',
  reference: null,
  keepsPlace: false,
  cantComeUrl: 'https://site.example/cant-come/#code=ABCDEFGHJK',
  centreName: '邻里党群服务中心',
};

describe('the reminder of one date', () => {
  it('says what, when and where, and carries the "I can\'t come" link, as text and as a link in HTML', () => {
    const m = reminderMessage({ ...base, language: 'zh-CN' });
    expect(m.subject).toBe('提醒：12月2日 周三 10:00–11:30 智能手机课');
    expect(m.text).toContain('时间：12月2日 周三 10:00–11:30');
    expect(m.text).toContain('地点：多功能厅');
    expect(m.text).toContain('把名额让给别人');
    expect(m.text).toContain(base.cantComeUrl);
    expect(m.html).toContain(`<a href="${base.cantComeUrl}">`);
  });

  it('tells a term\'s member that the place is kept, in English too', () => {
    const m = reminderMessage({ ...base, language: 'en', keepsPlace: true, what: 'Calligraphy <class>' });
    expect(m.subject).toBe('Reminder: Calligraphy <class>, 12月2日 周三 10:00–11:30');
    expect(m.text).toContain('your place in the course is kept');
    expect(m.html).toContain('Calligraphy &lt;class&gt;');
    expect(m.html).not.toContain('<class>');
  });

  it('names a reservation by its reference and leaves the link out when there is no site', () => {
    const m = reminderMessage({ ...base, language: 'zh-CN', reference: 'LL-7K3Q9', where: null, cantComeUrl: null });
    expect(m.text).toContain('预约号：LL-7K3Q9');
    expect(m.text).not.toContain('我去不了');
    expect(m.text).not.toContain('地点');
  });
});
