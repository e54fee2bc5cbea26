import { memoryQueue } from '../../src/jobs/memory-queue';
import type { JobContext } from '../../src/jobs/job-queue';

/** The in-process queue SQLite uses must keep the promises the PostgreSQL one keeps: retries, one job per slot, schedules. */
describe('memoryQueue', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-03-28T12:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  const flush = async (ms: number) => {
    await jest.advanceTimersByTimeAsync(ms);
  };

  it('runs a job, retries a failing one with doubling delays, and gives up after the last retry', async () => {
    const errors: string[] = [];
    const queue = memoryQueue({ onError: (e) => errors.push(e.message) });
    const attempts: Array<{ at: number } & JobContext> = [];
    await queue.define('flaky', async (_data, context) => {
      attempts.push({ at: Date.now(), ...context });
      throw new Error('provider down');
    }, { retryLimit: 2, retryDelaySeconds: 10, retryBackoff: true });
    await queue.send('flaky', { id: 1 });
    await flush(0);
    expect(attempts).toHaveLength(1);
    await flush(10_000);
    expect(attempts).toHaveLength(2);
    await flush(19_999);
    expect(attempts).toHaveLength(2);
    await flush(1);
    expect(attempts.map((a) => [a.attempt, a.lastAttempt])).toEqual([[1, false], [2, false], [3, true]]);
    await flush(120_000);
    expect(attempts).toHaveLength(3);
    expect(errors).toEqual([expect.stringContaining('failed for good after 3 attempts: provider down')]);
  });

  it('a job that succeeds on a retry is not run again', async () => {
    const queue = memoryQueue({ onError: () => undefined });
    let runs = 0;
    await queue.define('once-more', async () => {
      runs += 1;
      if (runs === 1) throw new Error('once');
    }, { retryLimit: 5, retryDelaySeconds: 1 });
    await queue.send('once-more', {});
    await flush(60_000);
    expect(runs).toBe(2);
  });

  it('waits for startAfter', async () => {
    const queue = memoryQueue({ onError: () => undefined });
    const ran: number[] = [];
    await queue.define('later', async () => void ran.push(Date.now()));
    await queue.send('later', {}, { startAfter: new Date('2026-03-28T12:05:00Z') });
    await flush(299_999);
    expect(ran).toEqual([]);
    await flush(1);
    expect(ran).toEqual([Date.parse('2026-03-28T12:05:00Z')]);
  });

  it('keeps one job per singleton key and slot, and one waiting job per key', async () => {
    const queue = memoryQueue({ onError: () => undefined });
    let runs = 0;
    await queue.define('sweep', async () => void (runs += 1));
    for (let i = 0; i < 5; i += 1) await queue.send('sweep', {}, { singletonKey: 'sweep', singletonSeconds: 60 });
    await flush(0);
    expect(runs).toBe(1);
    await flush(60_000);
    await queue.send('sweep', {}, { singletonKey: 'sweep', singletonSeconds: 60 });
    await flush(0);
    expect(runs).toBe(2);

    let delivered = 0;
    await queue.define('deliver', async () => void (delivered += 1));
    await queue.send('deliver', { id: 7 }, { singletonKey: 'deliver:7', startAfter: new Date(Date.now() + 1000) });
    await queue.send('deliver', { id: 7 }, { singletonKey: 'deliver:7' });
    await flush(1000);
    expect(delivered).toBe(1);
    // Once run, the key is free again.
    await queue.send('deliver', { id: 7 }, { singletonKey: 'deliver:7' });
    await flush(0);
    expect(delivered).toBe(2);
  });

  it('runs a schedule at its cron times on the zone’s clock, across a daylight-saving change', async () => {
    jest.setSystemTime(new Date('2026-03-28T12:00:00Z'));
    const queue = memoryQueue({ onError: () => undefined });
    const ran: string[] = [];
    await queue.define('nightly', async () => void ran.push(new Date(Date.now()).toISOString()));
    await queue.schedule('nightly', '5 0 * * *', { tz: 'Europe/London' });
    await flush(3 * 24 * 3600_000);
    // 00:05 GMT on the 29th; London moves to BST (UTC+1) at 01:00 that night, so 00:05 is 23:05Z after.
    expect(ran).toEqual(['2026-03-29T00:05:00.000Z', '2026-03-29T23:05:00.000Z', '2026-03-30T23:05:00.000Z']);
  });

  it('stop() cancels what waits and runs nothing more', async () => {
    const queue = memoryQueue({ onError: () => undefined });
    let runs = 0;
    await queue.define('x', async () => void (runs += 1));
    await queue.send('x', {}, { startAfter: new Date(Date.now() + 1000) });
    await queue.stop();
    await flush(10_000);
    expect(runs).toBe(0);
  });
});
