import { createDebouncedHook, MAX_NAMED_CHANGES, type SiteChange } from '../../../../../cms/src/site-rebuild/debounce';

const change = (n: number, action = 'publish'): SiteChange => ({ uid: 'api::news.news', action, documentId: `doc${n}`, locale: 'zh-CN' });

// The clock is Jest's: time moves only when a test advances it, so a burst fits its quiet window
// however slow the machine is.
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** Moves the clock, running the timers that fall due and letting the calls they make settle. */
const advance = (ms: number) => jest.advanceTimersByTimeAsync(ms);

const setup = (options: { delayMs?: number; maxWaitMs?: number; fail?: boolean } = {}) => {
  const calls: { changes: SiteChange[]; total: number }[] = [];
  const errors: unknown[] = [];
  const hook = createDebouncedHook({
    delayMs: options.delayMs ?? 1000,
    maxWaitMs: options.maxWaitMs ?? 10_000,
    fire: async (changes, total) => {
      calls.push({ changes, total });
      if (options.fail) throw new Error('hook down');
    },
    onError: (e) => errors.push(e),
  });
  return { hook, calls, errors };
};

describe('the debounced build hook', () => {
  it('makes one call for ten changes in a row, after the quiet window', async () => {
    const { hook, calls } = setup();
    for (let i = 0; i < 10; i++) {
      hook.add(change(i % 2, i % 2 ? 'unpublish' : 'publish'));
      await advance(300);
    }
    expect(calls).toHaveLength(0);
    await advance(699);
    expect(calls).toHaveLength(0);
    await advance(1);
    expect(calls).toHaveLength(1);
    expect(calls[0].total).toBe(10);
    // One entry per document, with its latest action.
    expect(calls[0].changes).toEqual([change(0, 'publish'), change(1, 'unpublish')]);
    await advance(60_000);
    expect(calls).toHaveLength(1);
  });

  it('makes a second call for a later single change', async () => {
    const { hook, calls } = setup();
    hook.add(change(1));
    await advance(5000);
    hook.add(change(2));
    await advance(1000);
    expect(calls.map((c) => c.total)).toEqual([1, 1]);
    expect(calls[1].changes).toEqual([change(2)]);
  });

  it('does not let steady editing postpone the call past the longest wait', async () => {
    const { hook, calls } = setup({ delayMs: 1000, maxWaitMs: 3000 });
    for (let t = 0; t < 3000; t += 500) {
      hook.add(change(t));
      await advance(500);
    }
    expect(calls).toHaveLength(1);
    expect(calls[0].total).toBe(6);
  });

  it('names at most a bounded number of changes but counts them all', async () => {
    const { hook, calls } = setup();
    for (let i = 0; i < MAX_NAMED_CHANGES + 20; i++) hook.add(change(i));
    await advance(1000);
    expect(calls[0].total).toBe(MAX_NAMED_CHANGES + 20);
    expect(calls[0].changes).toHaveLength(MAX_NAMED_CHANGES);
    expect(calls[0].changes.at(-1)).toEqual(change(MAX_NAMED_CHANGES + 19));
  });

  it('hands a failed call to onError and goes on with the next change', async () => {
    const { hook, calls, errors } = setup({ fail: true });
    hook.add(change(1));
    await advance(1000);
    expect(errors).toHaveLength(1);
    hook.add(change(2));
    await advance(1000);
    expect(calls).toHaveLength(2);
    expect(errors).toHaveLength(2);
  });

  it('fires at once on flush, and not again when the timer would have run', async () => {
    const { hook, calls } = setup();
    await hook.flush();
    expect(calls).toHaveLength(0);
    hook.add(change(1));
    expect(hook.pending()).toBe(1);
    await hook.flush();
    expect(calls).toHaveLength(1);
    expect(hook.pending()).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
    await advance(5000);
    expect(calls).toHaveLength(1);
  });

  it('drops waiting changes on cancel', async () => {
    const { hook, calls } = setup();
    hook.add(change(1));
    hook.cancel();
    await advance(5000);
    expect(calls).toHaveLength(0);
  });
});
