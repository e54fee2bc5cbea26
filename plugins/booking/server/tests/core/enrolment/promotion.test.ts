import fc from 'fast-check';
import { promoteFromWaitlist, renumberWaitlist } from '../../../src/core/enrolment/promotion';

const w = (id: string, people: number, position: number) => ({ id, people, position });

describe('promoteFromWaitlist', () => {
  it('promotes in position order while the next in line fits', () => {
    const waitlist = [w('c', 1, 3), w('a', 2, 1), w('b', 2, 2)];
    expect(promoteFromWaitlist({ capacity: 10, confirmedPeople: 5, waitlist })).toEqual({ promote: ['a', 'b', 'c'] });
    expect(promoteFromWaitlist({ capacity: 10, confirmedPeople: 6, waitlist })).toEqual({ promote: ['a', 'b'] });
  });

  it('does not skip ahead: a smaller group behind waits while the first does not fit', () => {
    const waitlist = [w('family', 3, 1), w('single', 1, 2)];
    expect(promoteFromWaitlist({ capacity: 10, confirmedPeople: 8, waitlist })).toEqual({ promote: [] });
    expect(promoteFromWaitlist({ capacity: 10, confirmedPeople: 7, waitlist })).toEqual({ promote: ['family'] });
  });

  it('nothing when full, over capacity or nobody waits', () => {
    expect(promoteFromWaitlist({ capacity: 10, confirmedPeople: 10, waitlist: [w('a', 1, 1)] })).toEqual({ promote: [] });
    expect(promoteFromWaitlist({ capacity: 5, confirmedPeople: 8, waitlist: [w('a', 1, 1)] })).toEqual({ promote: [] });
    expect(promoteFromWaitlist({ capacity: 10, confirmedPeople: 0, waitlist: [] })).toEqual({ promote: [] });
  });

  it('equal positions keep the order given', () => {
    expect(promoteFromWaitlist({ capacity: 2, confirmedPeople: 0, waitlist: [w('x', 1, 1), w('y', 1, 1), w('z', 1, 1)] })).toEqual({
      promote: ['x', 'y'],
    });
  });

  const waitlistArb = fc
    .uniqueArray(fc.record({ id: fc.uuid(), people: fc.integer({ min: 1, max: 5 }), position: fc.integer({ min: 1, max: 100 }) }), {
      selector: (e) => e.id,
      maxLength: 20,
    });

  it('property: never over capacity, fair order, and nobody left waiting whose turn it is and who fits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), waitlistArb, (capacity, confirmedPeople, waitlist) => {
        const { promote } = promoteFromWaitlist({ capacity, confirmedPeople, waitlist });
        const peopleOf = new Map(waitlist.map((e) => [e.id, e.people]));
        const confirmedAfter = confirmedPeople + promote.reduce((sum, id) => sum + peopleOf.get(id)!, 0);

        if (promote.length > 0) expect(confirmedAfter).toBeLessThanOrEqual(capacity);
        else expect(confirmedAfter).toBe(confirmedPeople);

        const inLine = [...waitlist].sort((a, b) => a.position - b.position);
        expect(promote).toEqual(inLine.slice(0, promote.length).map((e) => e.id));

        const firstStillWaiting = inLine[promote.length];
        if (firstStillWaiting) expect(confirmedAfter + firstStillWaiting.people).toBeGreaterThan(capacity);
      }),
      { numRuns: 1000 }
    );
  });
});

describe('renumberWaitlist', () => {
  it('closes gaps, 1..n, in position order', () => {
    expect(renumberWaitlist([w('c', 1, 9), w('a', 1, 2), w('b', 1, 5)])).toEqual([
      { id: 'a', position: 1 },
      { id: 'b', position: 2 },
      { id: 'c', position: 3 },
    ]);
    expect(renumberWaitlist([])).toEqual([]);
  });

  it('property: positions 1..n, same relative order, same ids', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ id: fc.uuid(), position: fc.integer({ min: -5, max: 50 }) }), { selector: (e) => e.id }), (list) => {
        const renumbered = renumberWaitlist(list);
        expect(renumbered.map((e) => e.position)).toEqual(list.map((_, i) => i + 1));
        const oldPosition = new Map(list.map((e) => [e.id, e.position]));
        for (let i = 1; i < renumbered.length; i++) {
          expect(oldPosition.get(renumbered[i - 1].id)!).toBeLessThanOrEqual(oldPosition.get(renumbered[i].id)!);
        }
        expect(renumbered.map((e) => e.id).sort()).toEqual(list.map((e) => e.id).sort());
      })
    );
  });
});
