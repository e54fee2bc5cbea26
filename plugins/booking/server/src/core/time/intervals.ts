/**
 * Half-open intervals [start, end) of UTC instants. Half-open so that a booking
 * ending at 10:00 and the next one starting at 10:00 never collide.
 */
export interface Interval {
  start: Date;
  end: Date;
}

const MS_PER_MINUTE = 60_000;

/** Touching intervals (a.end == b.start) do not overlap; empty intervals overlap nothing. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime()
    && a.start.getTime() < a.end.getTime() && b.start.getTime() < b.end.getTime();
}

/**
 * Sorted union. Touching intervals are merged too, so the result is the canonical
 * form of a set of instants; empty intervals contribute nothing and are dropped.
 */
export function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = list
    .filter((i) => i.start.getTime() < i.end.getTime())
    .map((i) => ({ start: i.start.getTime(), end: i.end.getTime() }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const current of sorted) {
    const last = merged[merged.length - 1];
    if (last && current.start <= last.end) {
      last.end = Math.max(last.end, current.end);
    } else {
      merged.push({ ...current });
    }
  }
  return merged.map((i) => ({ start: new Date(i.start), end: new Date(i.end) }));
}

/** The instants of `from` that are in no interval of `minus`, as a merged, sorted list. */
export function subtractIntervals(from: Interval[], minus: Interval[]): Interval[] {
  const cuts = mergeIntervals(minus);
  const result: Interval[] = [];
  for (const piece of mergeIntervals(from)) {
    let cursor = piece.start.getTime();
    const end = piece.end.getTime();
    for (const cut of cuts) {
      const cutStart = cut.start.getTime();
      const cutEnd = cut.end.getTime();
      if (cutEnd <= cursor) continue;
      if (cutStart >= end) break;
      if (cutStart > cursor) result.push({ start: new Date(cursor), end: new Date(cutStart) });
      cursor = Math.max(cursor, cutEnd);
      if (cursor >= end) break;
    }
    if (cursor < end) result.push({ start: new Date(cursor), end: new Date(end) });
  }
  return result;
}

/** Widens both sides; used for turnaround buffers between bookings. */
export function padInterval(i: Interval, minutes: number): Interval {
  return {
    start: new Date(i.start.getTime() - minutes * MS_PER_MINUTE),
    end: new Date(i.end.getTime() + minutes * MS_PER_MINUTE),
  };
}

/** The part of `i` inside `to`, or null when nothing (not even a non-empty sliver) remains. */
export function clipInterval(i: Interval, to: Interval): Interval | null {
  const start = Math.max(i.start.getTime(), to.start.getTime());
  const end = Math.min(i.end.getTime(), to.end.getTime());
  return start < end ? { start: new Date(start), end: new Date(end) } : null;
}
