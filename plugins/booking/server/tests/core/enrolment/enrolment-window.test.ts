import { checkEnrolmentWindow } from '../../../src/core/enrolment/enrolment-window';

const t = (iso: string) => new Date(iso);
const window = {
  now: t('2026-08-20T00:00:00Z'),
  opensAt: t('2026-08-15T00:00:00Z'),
  closesAt: null,
  firstSessionStart: t('2026-09-01T11:00:00Z'),
  courseEnded: false,
};
const codes = (change: Partial<typeof window> | Record<string, unknown>) =>
  checkEnrolmentWindow({ ...window, ...change }).map((v) => v.code);

describe('checkEnrolmentWindow', () => {
  it('open between opensAt and the first session', () => {
    expect(checkEnrolmentWindow(window)).toEqual([]);
  });

  it('not open yet before opensAt, open from opensAt exactly', () => {
    expect(checkEnrolmentWindow({ ...window, now: t('2026-08-14T23:59:59Z') })).toEqual([
      { path: 'course', code: 'not_open_yet', message: 'enrolment opens at 2026-08-15T00:00:00.000Z' },
    ]);
    expect(codes({ now: t('2026-08-15T00:00:00Z') })).toEqual([]);
  });

  it('closes by default when the first session starts', () => {
    expect(codes({ now: t('2026-09-01T10:59:59Z') })).toEqual([]);
    expect(checkEnrolmentWindow({ ...window, now: t('2026-09-01T11:00:00Z') })).toEqual([
      { path: 'course', code: 'closed', message: 'enrolment closed when the course began, at 2026-09-01T11:00:00.000Z' },
    ]);
  });

  it('an explicit closesAt replaces the default, earlier or later', () => {
    expect(codes({ closesAt: t('2026-08-18T00:00:00Z') })).toEqual(['closed']);
    expect(codes({ closesAt: t('2026-09-15T00:00:00Z'), now: t('2026-09-08T00:00:00Z') })).toEqual([]);
    expect(codes({ closesAt: t('2026-09-15T00:00:00Z'), now: t('2026-09-15T00:00:00Z') })).toEqual(['closed']);
  });

  it('an ended course is closed, whatever the dates say', () => {
    expect(checkEnrolmentWindow({ ...window, courseEnded: true })).toEqual([{ path: 'course', code: 'closed', message: 'the course has ended' }]);
    expect(codes({ courseEnded: true, closesAt: t('2030-01-01T00:00:00Z') })).toEqual(['closed']);
  });

  it('without opensAt it is open at once; without closesAt or sessions it never closes', () => {
    expect(codes({ opensAt: null, now: t('2000-01-01T00:00:00Z') })).toEqual([]);
    expect(codes({ firstSessionStart: null, now: t('2030-01-01T00:00:00Z') })).toEqual([]);
  });

  it('gives a single violation, "closed" first, when the window is inverted', () => {
    expect(codes({ opensAt: t('2026-09-10T00:00:00Z'), now: t('2026-09-05T00:00:00Z') })).toEqual(['closed']);
  });
});
