import fc from 'fast-check';
import { groupBy } from '../../../src/core/collections/group-by';

describe('groupBy', () => {
  it('keeps each group in the rows’ order and the groups in the order their keys first appear', () => {
    const rows = [{ room: 'b', n: 1 }, { room: 'a', n: 2 }, { room: 'b', n: 3 }];
    expect([...groupBy(rows, (r) => r.room)]).toEqual([
      ['b', [rows[0], rows[2]]],
      ['a', [rows[1]]],
    ]);
    expect(groupBy([], String).size).toBe(0);
  });

  it('puts every row in exactly the group of its key', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 })), (numbers) => {
        const groups = groupBy(numbers, (n) => String(n % 3));
        expect([...groups.values()].flat().sort()).toEqual([...numbers].sort());
        for (const [key, group] of groups) for (const n of group) expect(String(n % 3)).toBe(key);
      })
    );
  });
});
