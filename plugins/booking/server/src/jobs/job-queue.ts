/**
 * Work that runs later or on a clock: mail and text messages with retries, reminders, the nightly
 * site rebuild. On PostgreSQL the jobs live in the database (pg-boss), so they survive a restart and
 * each runs in one process however many share the database; on SQLite, which serves development
 * only, they live in the process's memory (memory-queue.ts).
 */

export interface JobContext {
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number;
  /** No retry follows if this run fails. */
  lastAttempt: boolean;
}

export type JobHandler<Data = any> = (data: Data, context: JobContext) => Promise<void>;

export interface JobDefinition {
  /** Runs after the first that fail. */
  retryLimit?: number;
  /** Seconds before the first retry; doubled for each next one when retryBackoff is on. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** How often an idle worker looks for jobs of this name. */
  pollingSeconds?: number;
}

export interface SendOptions {
  startAfter?: Date;
  /** With singletonSeconds: one job with this key per slot of that many seconds; alone: one waiting job with this key. */
  singletonKey?: string;
  singletonSeconds?: number;
}

export interface JobQueue {
  readonly kind: 'pg-boss' | 'memory';
  start(): Promise<void>;
  stop(): Promise<void>;
  define<Data>(name: string, handler: JobHandler<Data>, definition?: JobDefinition): Promise<void>;
  send<Data extends object>(name: string, data: Data, options?: SendOptions): Promise<void>;
  /** Runs the defined job `name` at the cron expression's times on zone tz's clock, once for all processes. */
  schedule(name: string, cron: string, options: { tz: string }): Promise<void>;
}

export const DEFAULT_DEFINITION: Required<JobDefinition> = { retryLimit: 4, retryDelaySeconds: 30, retryBackoff: true, pollingSeconds: 2 };
