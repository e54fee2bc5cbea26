import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * `work` over `items` a slice at a time, the event loop taking its turn between slices: a
 * computation over every room then keeps other requests waiting a slice's time, not the whole of it.
 * The result is what one call over every item would give when each item's result depends on that
 * item alone. `work` may read what its slice needs: slices run one after another, never together.
 */
export const mapInSlices = async <T, R>(items: readonly T[], size: number, work: (slice: T[]) => R[] | Promise<R[]>): Promise<R[]> => {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await nextTurn();
    results.push(...(await work(items.slice(i, i + size))));
  }
  return results;
};
