import { createRebuildQueue } from '../../../../scripts/lib/rebuild-queue.mts';

/** A build function whose runs finish when the test says so. */
const controlledBuild = () => {
  const runs: { done: () => void; fail: (e: Error) => void }[] = [];
  const build = () =>
    new Promise<void>((resolve, reject) => {
      runs.push({ done: resolve, fail: reject });
    });
  return { build, runs };
};
const tick = () => new Promise((r) => setImmediate(r));

describe('the rebuild queue', () => {
  it('runs one build at a time and turns any number of requests during a build into exactly one more', async () => {
    const { build, runs } = controlledBuild();
    const queue = createRebuildQueue(build);
    queue.request();
    await tick();
    expect(runs).toHaveLength(1);
    for (let i = 0; i < 10; i++) queue.request();
    await tick();
    expect(runs).toHaveLength(1);
    runs[0].done();
    await tick();
    expect(runs).toHaveLength(2);
    expect(queue.running()).toBe(true);
    runs[1].done();
    await queue.idle();
    expect(runs).toHaveLength(2);
    expect(queue.running()).toBe(false);
  });

  it('starts again for a request after it went idle', async () => {
    const { build, runs } = controlledBuild();
    const queue = createRebuildQueue(build);
    queue.request();
    await tick();
    runs[0].done();
    await queue.idle();
    queue.request();
    await tick();
    expect(runs).toHaveLength(2);
    runs[1].done();
    await queue.idle();
  });

  it('reports a failed build and still runs the queued one', async () => {
    const { build, runs } = controlledBuild();
    const errors: unknown[] = [];
    const queue = createRebuildQueue(build, (e) => errors.push(e));
    queue.request();
    queue.request();
    await tick();
    runs[0].fail(new Error('astro failed'));
    await tick();
    expect(errors).toEqual([new Error('astro failed')]);
    expect(runs).toHaveLength(2);
    runs[1].done();
    await queue.idle();
    expect(errors).toHaveLength(1);
  });
});
