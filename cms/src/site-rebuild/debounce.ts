// Gathers content changes and calls the site's build hook once per burst of edits.
//
// Pure: no Strapi, no network. The caller hands in `fire` (the HTTP call); tests move the clock
// with Jest's fake timers.
// Each change (re)starts a quiet window of `delayMs`; when it ends without a new change, `fire`
// gets everything gathered. So that steady editing cannot postpone a build for ever, the call is
// made at the latest `maxWaitMs` after the first change of the burst.

/** One write that changed what the public site shows. */
export interface SiteChange {
  uid: string;
  action: string;
  documentId?: string;
  locale?: string;
}

export interface DebouncedHookOptions {
  delayMs: number;
  maxWaitMs: number;
  /** Called once per burst with the burst's changes (one entry per document and locale, the latest action). */
  fire(changes: SiteChange[], total: number): Promise<void>;
  /** A failed `fire` ends up here; it never reaches the code that reported the change. */
  onError?(error: unknown): void;
}

export interface DebouncedHook {
  /** Reports one change; returns at once. */
  add(change: SiteChange): void;
  /** Fires now if anything is waiting (used on shutdown); resolves when the call is done. */
  flush(): Promise<void>;
  /** How many changes wait for the next call. */
  pending(): number;
  /** Drops what waits and cancels the timer. */
  cancel(): void;
}

/** At most this many changes are named in one call; `total` still counts them all. */
export const MAX_NAMED_CHANGES = 50;

const keyOf = (c: SiteChange) => `${c.uid}\u0000${c.documentId ?? ''}\u0000${c.locale ?? ''}`;

export const createDebouncedHook = (options: DebouncedHookOptions): DebouncedHook => {
  const delayMs = Math.max(0, options.delayMs);
  const maxWaitMs = Math.max(delayMs, options.maxWaitMs);
  let changes = new Map<string, SiteChange>();
  let total = 0;
  let firstAt = 0;
  let timer: NodeJS.Timeout | undefined;

  const fireNow = async (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (total === 0) return;
    const batch = [...changes.values()].slice(-MAX_NAMED_CHANGES);
    const count = total;
    changes = new Map();
    total = 0;
    try {
      await options.fire(batch, count);
    } catch (error) {
      options.onError?.(error);
    }
  };

  return {
    add(change) {
      const now = Date.now();
      if (total === 0) firstAt = now;
      const key = keyOf(change);
      changes.delete(key); // re-inserted last: the latest action, in order of the latest change
      changes.set(key, change);
      total += 1;
      clearTimeout(timer);
      const wait = Math.min(delayMs, Math.max(0, firstAt + maxWaitMs - now));
      timer = setTimeout(() => void fireNow(), wait);
      // A waiting build call never keeps the CMS process alive on its own.
      timer.unref();
    },
    flush: fireNow,
    pending: () => total,
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      changes = new Map();
      total = 0;
    },
  };
};
