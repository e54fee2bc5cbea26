export interface WaitingEnrolment {
  id: string;
  people: number;
  position: number;
}

/**
 * Who moves from the waiting list to confirmed, in order, after places free up.
 *
 * First come, first served, strictly by position: groups are promoted while the next
 * in line fits. When the first in line does not fit, nobody behind it is promoted,
 * even a smaller group that would: skipping ahead would let a single person overtake
 * a family indefinitely. The places stay free until enough open up for the group at
 * the front (staff may still confirm someone by hand).
 */
export function promoteFromWaitlist(input: {
  capacity: number;
  confirmedPeople: number;
  waitlist: WaitingEnrolment[];
}): { promote: string[] } {
  let free = input.capacity - input.confirmedPeople;
  const promote: string[] = [];
  for (const entry of inPositionOrder(input.waitlist)) {
    if (entry.people > free) break;
    promote.push(entry.id);
    free -= entry.people;
  }
  return { promote };
}

/** Positions 1..n in the same order, closing the gaps left by people who moved or left. */
export function renumberWaitlist<T extends { id: string; position: number }>(waitlist: T[]): { id: string; position: number }[] {
  return inPositionOrder(waitlist).map((entry, i) => ({ id: entry.id, position: i + 1 }));
}

/** Stable: equal positions keep their input order. */
function inPositionOrder<T extends { position: number }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.position - b.position);
}
