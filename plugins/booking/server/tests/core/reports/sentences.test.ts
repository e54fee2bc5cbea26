import type { Figures } from '../../../src/core/reports/figures';
import { growthPercent, reportSentences } from '../../../src/core/reports/sentences';

const figures = (held: number, visits: number, categories: Array<[string | null, string, number, string | null]> = [], unmarked = 0, enrolled = 0): Figures => ({
  activities: { held, cancelled: 0, byCategory: categories.map(([slug, name, h, nameEn]) => ({ slug, name, nameEn, held: h, visits: 0 })), byRoom: [], byAudience: [] },
  visits: { total: visits, present: visits, walkIns: 0, sessionsUnmarked: unmarked, enrolledInUnmarked: enrolled, byMonth: [] },
  rooms: [],
  people: { unique: 0, new: 0 },
  noShows: 0,
  lateCancellations: 0,
  noShowsCountRooms: false,
});
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

describe('the report sentences', () => {
  it('writes the month in the words of a monthly report, with the growth on last month', () => {
    const s = reportSentences(
      MARCH,
      figures(46, 1215, [['course', '课程', 32, 'classes'], ['talk', '讲座', 7, 'talks'], ['film', '观影', 7, 'film screenings']]),
      figures(40, 1125)
    );
    expect(s.zh).toBe('本月共开展活动46场，其中课程32场、讲座7场、观影7场，服务居民1,215人次，较上月增长8%。');
    expect(s.en).toBe('This month the centre held 46 activities, including 32 classes, 7 talks, 7 film screenings, serving 1,215 person-visits, up 8% on last month.');
  });

  it('names quarters, years and ranges, and says a fall or no change', () => {
    expect(reportSentences({ from: '2026-01-01', to: '2026-03-31' }, figures(10, 90), figures(10, 100)).zh).toBe('本季度共开展活动10场，服务居民90人次，较上季度下降10%。');
    expect(reportSentences({ from: '2026-01-01', to: '2026-12-31' }, figures(10, 100), figures(10, 100)).en).toBe('This year the centre held 10 activities, serving 100 person-visits, the same as last year.');
    expect(reportSentences({ from: '2026-03-02', to: '2026-03-08' }, figures(1, 1), figures(1, 2)).zh).toBe('2026年3月2日至2026年3月8日共开展活动1场，服务居民1人次，较上一时段下降50%。');
    expect(reportSentences({ from: '2026-03-02', to: '2026-03-08' }, figures(1, 1), figures(1, 2)).en).toBe(
      'From 2026-03-02 to 2026-03-08 the centre held 1 activity, serving 1 person-visit, down 50% on the previous period.'
    );
  });

  it('gives no percentage when the period before had nothing to compare with', () => {
    expect(growthPercent(30, 0)).toBeNull();
    const s = reportSentences(MARCH, figures(3, 30), figures(0, 0));
    expect(s.zh).toBe('本月共开展活动3场，服务居民30人次（上月无记录）。');
    expect(s.en).toBe('This month the centre held 3 activities, serving 30 person-visits.');
    expect(s.zh + s.en).not.toMatch(/∞|Infinity|NaN/);
    expect(reportSentences(MARCH, figures(0, 0), figures(0, 0)).zh).toBe('本月共开展活动0场，服务居民0人次。');
  });

  it('says which sessions were not marked, and that their enrolments are not counted', () => {
    const s = reportSentences(MARCH, figures(5, 20, [], 2, 17), figures(5, 20));
    expect(s.zh).toBe('本月共开展活动5场，服务居民20人次，与上月持平。另有2场活动未登记签到（报名17人次，未计入）。');
    expect(s.en).toBe('This month the centre held 5 activities, serving 20 person-visits, the same as last month. Attendance was not marked at 2 sessions (17 enrolled, not counted).');
  });

  it('leaves uncategorised sessions out of the list of kinds, and uses the Chinese name where no English one is given', () => {
    const s = reportSentences(MARCH, figures(3, 0, [['culture', '文化艺术', 2, null], [null, '', 1, null]]), figures(0, 0));
    expect(s.zh).toBe('本月共开展活动3场，其中文化艺术2场，服务居民0人次。');
    expect(s.en).toBe('This month the centre held 3 activities, including 2 文化艺术, serving 0 person-visits.');
  });
});
