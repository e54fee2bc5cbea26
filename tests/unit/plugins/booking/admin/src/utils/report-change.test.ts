import { changeLabel, changeOf } from '../../../../../../../plugins/booking/admin/src/utils/report-change';

describe('a figure against an earlier one', () => {
  it('is a whole percentage with its direction', () => {
    expect(changeOf(1215, 1125)).toEqual({ percent: 8, direction: 'up' });
    expect(changeOf(97, 100)).toEqual({ percent: -3, direction: 'down' });
    expect(changeOf(5, 5)).toEqual({ percent: 0, direction: 'same' });
  });

  it('has no percentage when the earlier figure was 0, unless both are', () => {
    expect(changeOf(12, 0)).toEqual({ percent: null, direction: 'up' });
    expect(changeOf(0, 0)).toEqual({ percent: 0, direction: 'same' });
  });

  it('is written with a sign, a true minus, or words when there is nothing to compare with', () => {
    expect(changeLabel(changeOf(1215, 1125), 'no comparison')).toBe('+8%');
    expect(changeLabel(changeOf(97, 100), 'no comparison')).toBe('−3%');
    expect(changeLabel(changeOf(5, 5), 'no comparison')).toBe('±0%');
    expect(changeLabel(changeOf(12, 0), '无从比较')).toBe('无从比较');
  });
});
