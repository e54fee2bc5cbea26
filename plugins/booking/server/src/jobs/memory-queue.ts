import { CronExpressionParser } from 'cron-parser';
import { DEFAULT_DEFINITION, type JobDefinition, type JobHandler, type JobQueue, type SendOptions } from './job-queue';

/**
 * Jobs in this process's memory, for SQLite (development, one process: see
 * bootstrap/sqlite-single-process.ts). Retries and schedules behave as on PostgreSQL, but a
 * job waiting when the process stops is lost; the work that matters is found again after a start
 * (the outbox re-sends what it had not sent, the reminder sweep finds what is due).
 */
export const memoryQueue = ({ onError }: { onError: (error: Error) => void }): JobQueue => {
  const definitions = new Map<string, { handler: JobHandler; definition: Required<JobDefinition> }>();
  const timers = new Set<NodeJS.Timeout>();
  const waitingKeys = new Set<string>();
  const slotKeys = new Map<string, number>();
  const running = new Set<Promise<void>>();

  const schedules = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const later = (at: number, run: () => void): NodeJS.Timeout | undefined => {
    if (stopped) return undefined;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopped) run();
    }, Math.max(0, at - Date.now()));
    timers.add(timer);
    return timer;
  };

  const runJob = (name: string, data: unknown, attempt: number, onSettled?: () => void) => {
    const entry = definitions.get(name);
    if (!entry) {
      onError(new Error(`job "${name}" was sent before it was defined`));
      onSettled?.();
      return;
    }
    const { handler, definition } = entry;
    const lastAttempt = attempt > definition.retryLimit;
    const work = handler(data, { attempt, lastAttempt })
      .catch((error: Error) => {
        if (lastAttempt) {
          onError(new Error(`job "${name}" failed for good after ${attempt} attempts: ${error.message}`));
          return;
        }
        const delay = definition.retryDelaySeconds * (definition.retryBackoff ? 2 ** (attempt - 1) : 1);
        later(Date.now() + delay * 1000, () => runJob(name, data, attempt + 1));
      })
      .finally(() => {
        running.delete(work);
        onSettled?.();
      });
    running.add(work);
  };

  return {
    kind: 'memory',
    async start() {},
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
    async define(name, handler: JobHandler, definition: JobDefinition = {}) {
      definitions.set(name, { handler, definition: { ...DEFAULT_DEFINITION, ...definition } });
    },
    async send(name, data, options: SendOptions = {}) {
      const { singletonKey, singletonSeconds } = options;
      if (singletonKey && singletonSeconds) {
        const slot = Math.floor(Date.now() / (singletonSeconds * 1000));
        const key = `${name}:${singletonKey}`;
        if (slotKeys.get(key) === slot) return;
        slotKeys.set(key, slot);
      } else if (singletonKey) {
        const key = `${name}:${singletonKey}`;
        if (waitingKeys.has(key)) return;
        waitingKeys.add(key);
        later(options.startAfter?.getTime() ?? Date.now(), () => runJob(name, data, 1, () => waitingKeys.delete(key)));
        return;
      }
      later(options.startAfter?.getTime() ?? Date.now(), () => runJob(name, data, 1));
    },
    async schedule(name, cron, { tz }) {
      // As in pg-boss, a job has one schedule: scheduling it again replaces it.
      const nextAt = () => CronExpressionParser.parse(cron, { tz, currentDate: new Date() }).next().toDate().getTime();
      nextAt(); // an expression it cannot read throws here, to the caller
      const next = () => {
        const timer = later(nextAt(), () => {
          runJob(name, {}, 1);
          next();
        });
        if (timer) schedules.set(name, timer);
      };
      await this.unschedule(name);
      next();
    },
    async unschedule(name) {
      const timer = schedules.get(name);
      if (!timer) return;
      clearTimeout(timer);
      timers.delete(timer);
      schedules.delete(name);
    },
  };
};
