import type { Figures } from './figures';
import { periodKind, type Period } from './periods';

/**
 * The paragraph staff copy into their monthly report, in Chinese and English:
 * "本月共开展活动46场，其中课程32场、讲座7场，服务居民1,215人次，较上月增长8%。"
 */
export interface Sentences {
  zh: string;
  en: string;
}

const zhNumber = new Intl.NumberFormat('zh-CN');
const enNumber = new Intl.NumberFormat('en-GB');

const ZH_PERIOD = { month: '本月', quarter: '本季度', year: '本年', range: '' } as const;
const ZH_PREVIOUS = { month: '上月', quarter: '上季度', year: '上年', range: '上一时段' } as const;
const EN_PERIOD = { month: 'This month', quarter: 'This quarter', year: 'This year', range: '' } as const;
const EN_PREVIOUS = { month: 'last month', quarter: 'last quarter', year: 'last year', range: 'the previous period' } as const;

/** Whole-number percentage change, or null when there is nothing to compare with. */
export const growthPercent = (current: number, previous: number): number | null => (previous > 0 ? Math.round(((current - previous) / previous) * 100) : null);

const zhDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export const reportSentences = (period: Period, current: Figures, previous: Figures): Sentences => {
  const kind = periodKind(period);
  const { held } = current.activities;
  const visits = current.visits.total;
  const parts = current.activities.byCategory.filter((c) => c.held > 0 && c.slug !== null);
  const growth = growthPercent(visits, previous.visits.total);

  const zhWhen = kind === 'range' ? `${zhDate(period.from)}至${zhDate(period.to)}` : ZH_PERIOD[kind];
  const zhParts = parts.length > 0 ? `，其中${parts.map((c) => `${c.name}${zhNumber.format(c.held)}场`).join('、')}` : '';
  const zhGrowth =
    growth === null
      ? previous.visits.total === 0 && visits > 0
        ? `（${ZH_PREVIOUS[kind]}无记录）`
        : ''
      : growth > 0
        ? `，较${ZH_PREVIOUS[kind]}增长${growth}%`
        : growth < 0
          ? `，较${ZH_PREVIOUS[kind]}下降${-growth}%`
          : `，与${ZH_PREVIOUS[kind]}持平`;
  const zhUnmarked = current.visits.sessionsUnmarked > 0 ? `另有${zhNumber.format(current.visits.sessionsUnmarked)}场活动未登记签到（报名${zhNumber.format(current.visits.enrolledInUnmarked)}人次，未计入）。` : '';
  const zh = `${zhWhen}共开展活动${zhNumber.format(held)}场${zhParts}，服务居民${zhNumber.format(visits)}人次${zhGrowth}。${zhUnmarked}`;

  const enWhen = kind === 'range' ? `From ${period.from} to ${period.to}` : EN_PERIOD[kind];
  const enParts = parts.length > 0 ? `, including ${parts.map((c) => `${enNumber.format(c.held)} ${c.nameEn ?? c.name}`).join(', ')}` : '';
  const enGrowth =
    growth === null
      ? ''
      : growth > 0
        ? `, up ${growth}% on ${EN_PREVIOUS[kind]}`
        : growth < 0
          ? `, down ${-growth}% on ${EN_PREVIOUS[kind]}`
          : `, the same as ${EN_PREVIOUS[kind]}`;
  const enUnmarked =
    current.visits.sessionsUnmarked > 0
      ? ` Attendance was not marked at ${enNumber.format(current.visits.sessionsUnmarked)} ${current.visits.sessionsUnmarked === 1 ? 'session' : 'sessions'} (${enNumber.format(current.visits.enrolledInUnmarked)} enrolled, not counted).`
      : '';
  const en = `${enWhen} the centre held ${enNumber.format(held)} ${held === 1 ? 'activity' : 'activities'}${enParts}, serving ${enNumber.format(visits)} person-${visits === 1 ? 'visit' : 'visits'}${enGrowth}.${enUnmarked}`;
  return { zh, en };
};
