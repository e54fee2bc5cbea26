import { compareLocks, outOfOrder, type LockName } from '../../src/repositories/locks';

const lock = (kind: LockName['kind'], key: string): LockName => ({ kind, key });

describe('the one lock order', () => {
  it('puts requester, closures, capacity and session locks in that order, keys sorted within a kind', () => {
    const shuffled = [lock('session', 'b'), lock('capacity', 'course:x:s'), lock('session', 'a'), lock('closures', 'all'), lock('requester', 'f00')];
    expect([...shuffled].sort(compareLocks)).toEqual([lock('requester', 'f00'), lock('closures', 'all'), lock('capacity', 'course:x:s'), lock('session', 'a'), lock('session', 'b')]);
  });

  it('refuses a capacity lock after a session lock (the enrolment/cancel deadlock), and a session that sorts before one held', () => {
    expect(outOfOrder([lock('session', 's1')], lock('capacity', 'course:x:s1'))).toBe(true);
    expect(outOfOrder([lock('session', 'b')], lock('session', 'a'))).toBe(true);
    expect(outOfOrder([lock('closures', 'all')], lock('requester', 'f00'))).toBe(true);
  });

  it('allows the next lock in order, and one already held again', () => {
    expect(outOfOrder([], lock('session', 'a'))).toBe(false);
    expect(outOfOrder([lock('capacity', 'course:x:s1')], lock('session', 's1'))).toBe(false);
    expect(outOfOrder([lock('session', 'a'), lock('session', 'b')], lock('session', 'a'))).toBe(false);
  });
});
