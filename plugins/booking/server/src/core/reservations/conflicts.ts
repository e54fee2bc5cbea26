import { overlaps, padInterval, type Interval } from '../time/intervals';

/** Something that occupies a room for a while. */
export interface Hold extends Interval {
  kind: 'reservation' | 'closure' | 'course' | 'event';
}

export interface Conflict<H extends Interval = Interval> {
  candidate: Interval;
  with: H[];
}

/**
 * The candidates that clash with existing holds, each with the holds it clashes with (in the
 * order given). The candidate is padded by the buffer on both sides, so an accepted booking
 * always keeps `bufferMinutes` of turnaround before and after every hold; touching is allowed
 * when the buffer is 0. Candidates without a clash are left out. Holds keep their own type
 * (pass Hold[] to get kinds back).
 */
export function findConflicts<H extends Interval>(candidates: Interval[], holds: H[], bufferMinutes: number): Conflict<H>[] {
  const conflicts: Conflict<H>[] = [];
  for (const candidate of candidates) {
    const padded = padInterval(candidate, bufferMinutes);
    const clashing = holds.filter((h) => overlaps(padded, h));
    if (clashing.length > 0) conflicts.push({ candidate, with: clashing });
  }
  return conflicts;
}
