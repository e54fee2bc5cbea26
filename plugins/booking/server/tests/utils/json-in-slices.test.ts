import fc from 'fast-check';
import { stringifyInSlices } from '../../src/utils/json-in-slices';

describe('stringifyInSlices', () => {
  it('writes what JSON.stringify writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.integer({ min: 1, max: 5 }), async (value, size) => {
        expect(await stringifyInSlices(value, size)).toBe(JSON.stringify(value));
      })
    );
    const odd = { a: undefined, b: () => 1, c: new Date(0), d: [undefined, () => 1, 1, 2, 3], e: { toJSON: () => 'e' }, f: [[1, 2, 3, 4]] };
    expect(await stringifyInSlices(odd, 2)).toBe(JSON.stringify(odd));
  });

  it('lets other work run between slices of a long list', async () => {
    const seen: string[] = [];
    const waiting = new Promise<void>((resolve) =>
      setImmediate(() => {
        seen.push('other');
        resolve();
      })
    );
    const writing = stringifyInSlices({ items: [1, 2, 3, 4, 5] }, 2).then(() => seen.push('written'));
    await Promise.all([waiting, writing]);
    expect(seen).toEqual(['other', 'written']);
  });
});
