import { takeTurns } from '../../src/utils/take-turns';

const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('takeTurns', () => {
  it('runs at most `size` calls at once, the others in order of arrival', async () => {
    const inTurn = takeTurns(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const results = gates.map((gate, i) =>
      inTurn(async () => {
        started.push(i);
        await gate.promise;
        return i * 10;
      })
    );
    await settle();
    expect(started).toEqual([0, 1]);
    gates[1].resolve();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates[0].resolve();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    gates[2].resolve();
    gates[3].resolve();
    expect(await Promise.all(results)).toEqual([0, 10, 20, 30]);
  });

  it('gives the place to the next in line when a call fails, and passes the failure on', async () => {
    const inTurn = takeTurns(1);
    const first = deferred();
    const failing = inTurn(() => first.promise);
    const second = inTurn(async () => 'second');
    first.reject(new Error('no database'));
    await expect(failing).rejects.toThrow('no database');
    await expect(second).resolves.toBe('second');
  });

  it('lets a newcomer run at once when nobody is waiting', async () => {
    const inTurn = takeTurns(1);
    await inTurn(async () => 'one');
    let ran = false;
    const next = inTurn(async () => {
      ran = true;
    });
    await settle();
    expect(ran).toBe(true);
    await next;
  });
});
