// One site build at a time: a request during a build queues exactly one more build, however many
// requests come, because that build will see every change made before it starts.

export interface RebuildQueue {
  /** Asks for a build; returns at once. */
  request(): void;
  /** Resolves when no build runs and none waits. */
  idle(): Promise<void>;
  running(): boolean;
}

export const createRebuildQueue = (run: () => Promise<void>, onError: (error: unknown) => void = () => {}): RebuildQueue => {
  let active: Promise<void> | undefined;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      try {
        await run();
      } catch (error) {
        onError(error);
      }
    } while (again);
    active = undefined;
  };
  return {
    request() {
      if (active) again = true;
      else active = loop();
    },
    async idle() {
      while (active) await active;
    },
    running: () => active !== undefined,
  };
};
