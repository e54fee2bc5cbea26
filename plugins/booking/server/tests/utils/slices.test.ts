import { mapInSlices } from '../../src/utils/slices';

describe('mapInSlices', () => {
  it('gives what one call over every item gives, in order', async () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    expect(await mapInSlices(items, 20, (slice) => slice.map((n) => n * 2))).toEqual(items.map((n) => n * 2));
    expect(await mapInSlices([], 20, (slice) => slice)).toEqual([]);
  });

  it('lets other work run between slices, not within one', async () => {
    const seen: string[] = [];
    const waiting = new Promise<void>((resolve) =>
      setImmediate(() => {
        seen.push('other');
        resolve();
      })
    );
    await mapInSlices([1, 2, 3, 4, 5], 2, (slice) => {
      seen.push(`slice ${slice.join(',')}`);
      return slice;
    });
    await waiting;
    expect(seen).toEqual(['slice 1,2', 'other', 'slice 3,4', 'slice 5']);
  });

  it('waits for a slice that reads before starting the next, and keeps the order', async () => {
    const seen: string[] = [];
    const result = await mapInSlices([1, 2, 3, 4, 5], 2, async (slice) => {
      seen.push(`start ${slice.join(',')}`);
      await new Promise((resolve) => setTimeout(resolve, 5 - slice[0]));
      seen.push(`end ${slice.join(',')}`);
      return slice.map((n) => n * 10);
    });
    expect(result).toEqual([10, 20, 30, 40, 50]);
    expect(seen).toEqual(['start 1,2', 'end 1,2', 'start 3,4', 'end 3,4', 'start 5', 'end 5']);
  });
});
