/**
 * A queue for expensive work: at most `size` calls run at once, the rest wait in order of arrival.
 * Several front desks asking for the board together then take turns instead of interleaving their
 * slices in every turn of the event loop, where they added up to over 50 ms between two turns for
 * everyone else; each waits about as long in all, and the first is answered sooner.
 */
export const takeTurns = (size: number) => {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await work();
    } finally {
      // The place passes straight to the next in line rather than being freed and taken again.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
};
