import { screenWords, whenText } from '../../../../../site/src/i18n/screen-strings';

describe('when an activity on the screen is', () => {
  const zh = screenWords('zh-CN');
  const en = screenWords('en');
  it('is its times today, "tomorrow" the next day, and the weekday after that', () => {
    expect(whenText(zh, '2026-11-24T10:00:00+08:00', '2026-11-24T11:30:00+08:00', '2026-11-24')).toEqual({ day: null, range: '10:00–11:30' });
    expect(whenText(zh, '2026-11-25T09:00:00+08:00', '2026-11-25T10:00:00+08:00', '2026-11-24')).toEqual({ day: '明天', range: '09:00–10:00' });
    expect(whenText(en, '2026-11-26T19:00:00+08:00', '2026-11-26T21:00:00+08:00', '2026-11-24')).toEqual({ day: 'Thursday', range: '19:00–21:00' });
  });
});
