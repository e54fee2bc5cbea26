import { checkSeriesLength } from '../../../src/core/rules/series-length';

describe('checkSeriesLength', () => {
  it('accepts up to 52 occurrences', () => {
    expect(checkSeriesLength(0)).toEqual([]);
    expect(checkSeriesLength(1)).toEqual([]);
    expect(checkSeriesLength(52)).toEqual([]);
  });

  it('rejects 53 or more on repeat.until', () => {
    expect(checkSeriesLength(53)).toEqual([
      { path: 'repeat.until', code: 'series_too_long', message: 'must allow at most 52 weekly occurrences; choose an earlier end date' },
    ]);
  });
});
