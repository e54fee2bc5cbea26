import fc from 'fast-check';
import { describeSchedule } from '../../../src/core/schedule/describe-schedule';
import type { Schedule } from '../../../src/core/schedule/schedule';
import { recurringSchedule } from './schedule-arbitrary';

const spring = { startDate: '2026-03-03', endDate: '2026-06-30' } as const;
const both = (s: Schedule) => [describeSchedule(s, 'en'), describeSchedule(s, 'zh-CN')];

describe('describeSchedule', () => {
  it('weekly on one day', () => {
    expect(both({ ...spring, frequency: 'weekly', weekdays: ['tue'], startTime: '19:00', durationMinutes: 90 })).toEqual([
      'Every Tuesday 19:00–20:30, until 30 June',
      '每周二 19:00–20:30，至6月30日',
    ]);
  });

  it('Monday to Friday reads "every weekday" / 工作日, whatever the order given', () => {
    const s: Schedule = { ...spring, frequency: 'weekly', weekdays: ['fri', 'mon', 'wed', 'tue', 'thu'], startTime: '16:30', durationMinutes: 90 };
    expect(both(s)).toEqual(['Every weekday 16:30–18:00, until 30 June', '工作日每天 16:30–18:00，至6月30日']);
  });

  it('four weekdays are listed, not called "weekday"', () => {
    const s: Schedule = { ...spring, frequency: 'weekly', weekdays: ['mon', 'tue', 'wed', 'thu'], startTime: '16:30', durationMinutes: 90 };
    expect(both(s)).toEqual([
      'Every Monday, Tuesday, Wednesday and Thursday 16:30–18:00, until 30 June',
      '每周一、周二、周三、周四 16:30–18:00，至6月30日',
    ]);
  });

  it('two and three days, Monday first', () => {
    const base = { ...spring, frequency: 'weekly' as const, startTime: '19:00', durationMinutes: 60 };
    expect(both({ ...base, weekdays: ['thu', 'tue'] })).toEqual([
      'Every Tuesday and Thursday 19:00–20:00, until 30 June',
      '每周二、周四 19:00–20:00，至6月30日',
    ]);
    expect(both({ ...base, weekdays: ['sun', 'wed', 'mon'] })).toEqual([
      'Every Monday, Wednesday and Sunday 19:00–20:00, until 30 June',
      '每周一、周三、周日 19:00–20:00，至6月30日',
    ]);
  });

  it('every other week and every 3 weeks', () => {
    const base = { ...spring, frequency: 'weekly' as const, weekdays: ['tue' as const], startTime: '19:00', durationMinutes: 90 };
    expect(both({ ...base, interval: 2 })).toEqual([
      'Every other Tuesday 19:00–20:30, until 30 June',
      '每两周的周二 19:00–20:30，至6月30日',
    ]);
    expect(both({ ...base, interval: 3 })).toEqual([
      'Every 3 weeks on Tuesday 19:00–20:30, until 30 June',
      '每三周的周二 19:00–20:30，至6月30日',
    ]);
    expect(both({ ...base, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], interval: 2 })).toEqual([
      'Every other weekday 19:00–20:30, until 30 June',
      '每两周的工作日 19:00–20:30，至6月30日',
    ]);
  });

  it('daily, and weekly on all seven days, read "every day"', () => {
    const base = { ...spring, startTime: '07:00', durationMinutes: 45 };
    const expected = ['Every day 07:00–07:45, until 30 June', '每天 07:00–07:45，至6月30日'];
    expect(both({ ...base, frequency: 'daily' })).toEqual(expected);
    expect(both({ ...base, frequency: 'weekly', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] })).toEqual(expected);
  });

  it('monthly on a day of the month', () => {
    expect(both({ ...spring, frequency: 'monthly', byMonthDay: 10, startTime: '09:00', durationMinutes: 150 })).toEqual([
      'On the 10th of every month 09:00–11:30, until 30 June',
      '每月10日 09:00–11:30，至6月30日',
    ]);
  });

  it('monthly on the 29th to 31st says that short months are skipped', () => {
    expect(both({ ...spring, frequency: 'monthly', byMonthDay: 31, startTime: '09:00', durationMinutes: 60 })).toEqual([
      'On the 31st of every month that has one 09:00–10:00, until 30 June',
      '每月31日（当月没有这一天则跳过） 09:00–10:00，至6月30日',
    ]);
  });

  it.each([
    [1, '1st'], [2, '2nd'], [3, '3rd'], [4, '4th'], [11, '11th'], [12, '12th'], [13, '13th'],
    [21, '21st'], [22, '22nd'], [23, '23rd'], [28, '28th'],
  ])('English ordinal of day %i is %s', (day, ordinal) => {
    const s: Schedule = { ...spring, frequency: 'monthly', byMonthDay: day, startTime: '09:00', durationMinutes: 60 };
    expect(describeSchedule(s, 'en')).toBe(`On the ${ordinal} of every month 09:00–10:00, until 30 June`);
  });

  it('monthly on the n-th weekday', () => {
    const base = { ...spring, frequency: 'monthly' as const, startTime: '10:00', durationMinutes: 120 };
    expect(both({ ...base, byWeekday: 'sat', nth: 2 })).toEqual([
      'On the second Saturday of every month 10:00–12:00, until 30 June',
      '每月第二个周六 10:00–12:00，至6月30日',
    ]);
    expect(both({ ...base, byWeekday: 'fri', nth: -1 })).toEqual([
      'On the last Friday of every month 10:00–12:00, until 30 June',
      '每月最后一个周五 10:00–12:00，至6月30日',
    ]);
    expect(both({ ...base, byWeekday: 'sun', nth: 1 })).toEqual([
      'On the first Sunday of every month 10:00–12:00, until 30 June',
      '每月第一个周日 10:00–12:00，至6月30日',
    ]);
  });

  it('once', () => {
    expect(both({ frequency: 'once', startDate: '2026-12-12', endDate: '2026-12-12', startTime: '14:00', durationMinutes: 90 })).toEqual([
      'Once, on 12 December 14:00–15:30',
      '仅一次：12月12日 14:00–15:30',
    ]);
  });

  it('shows the year only when the course ends in another year', () => {
    const s: Schedule = { frequency: 'weekly', weekdays: ['tue'], startDate: '2026-09-01', endDate: '2027-06-29', startTime: '19:00', durationMinutes: 90 };
    expect(both(s)).toEqual(['Every Tuesday 19:00–20:30, until 29 June 2027', '每周二 19:00–20:30，至2027年6月29日']);
  });

  it('names exceptions and extra dates', () => {
    const s: Schedule = {
      ...spring, frequency: 'weekly', weekdays: ['tue'], startTime: '19:00', durationMinutes: 90,
      exceptions: ['2026-05-05', '2026-05-12'], extraDates: ['2026-05-16'],
    };
    expect(both(s)).toEqual([
      'Every Tuesday 19:00–20:30, until 30 June, except 5 May and 12 May, and also on 16 May',
      '每周二 19:00–20:30，至6月30日，5月5日、5月12日除外，另加5月16日',
    ]);
  });

  it('a session past midnight shows its end on the clock', () => {
    const s: Schedule = { ...spring, frequency: 'weekly', weekdays: ['sat'], startTime: '22:00', durationMinutes: 180 };
    expect(both(s)).toEqual(['Every Saturday 22:00–01:00, until 30 June', '每周六 22:00–01:00，至6月30日']);
  });

  it('always shows start and end time and the last date, in both languages', () => {
    fc.assert(
      fc.property(recurringSchedule, (s) => {
        const [en, zh] = both(s);
        const [, month, day] = s.endDate.split('-').map(Number);
        expect(en).toContain(`${s.startTime}–`);
        expect(zh).toContain(`${s.startTime}–`);
        expect(zh).toContain(`${month}月${day}日`);
        expect(en).toMatch(new RegExp(`until ${day} [A-Z][a-z]+`));
        expect(en).not.toMatch(/undefined|NaN/);
        expect(zh).not.toMatch(/undefined|NaN/);
      })
    );
  });
});
