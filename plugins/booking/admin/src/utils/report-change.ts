/** How a figure moved against the one it is compared with, as the report's card says it. */
export interface Change {
  /** Whole per cent, rounded; null when there is nothing to compare with (the earlier figure was 0). */
  percent: number | null;
  direction: 'up' | 'down' | 'same';
}

export const changeOf = (current: number, earlier: number): Change => {
  const direction = current > earlier ? 'up' : current < earlier ? 'down' : 'same';
  if (earlier === 0) return { percent: current === 0 ? 0 : null, direction };
  return { percent: Math.round(((current - earlier) / earlier) * 100), direction };
};

/** "+8%", "−3%", "±0%"; `none` when the earlier figure was 0 and this one is not (a percentage would be infinite). */
export const changeLabel = (change: Change, none: string): string => {
  if (change.percent === null) return none;
  if (change.percent === 0) return '±0%';
  // A true minus sign, as printed reports write it.
  return change.percent > 0 ? `+${change.percent}%` : `−${Math.abs(change.percent)}%`;
};
