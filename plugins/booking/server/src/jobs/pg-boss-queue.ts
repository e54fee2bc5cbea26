import pg from 'pg';
import { PgBoss, type ConstructorOptions, type JobResult } from 'pg-boss';
import { DEFAULT_DEFINITION, type JobDefinition, type JobHandler, type JobQueue, type SendOptions } from './job-queue';

/** pg-boss keeps its tables in a schema of its own, beside Strapi's. */
export const JOBS_SCHEMA = 'booking_jobs';

export interface PgConnection {
  connectionString?: string;
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  ssl?: unknown;
}

const JSON_TYPES = new Set<number>([pg.types.builtins.JSON, pg.types.builtins.JSONB]);

/**
 * Strapi turns off pg's JSON parsing for the whole process (it parses JSON columns itself). pg-boss
 * reads its schedules' options as objects: with text, its cron silently never fires (no retention,
 * no nightly rebuild). Its own pool gets pg's JSON parsing back; every other type is as Strapi set it.
 */
const jobTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => (JSON_TYPES.has(oid) && format !== 'binary' ? JSON.parse : pg.types.getTypeParser(oid, format)),
};

interface PgBossQueueOptions {
  connection: PgConnection;
  onError: (error: Error) => void;
}

/**
 * Jobs in PostgreSQL. pg-boss claims each job with SKIP LOCKED, so with several CMS processes on one
 * database a job runs in one of them; a job whose process died is retried once it expires. It has its
 * own small pool, so a burst of jobs never starves the requests of connections.
 */
export const pgBossQueue = ({ connection, onError }: PgBossQueueOptions): JobQueue => {
  const { connectionString, host, port, database, user, password, ssl } = connection;
  // pg-boss hands its options on to pg's Pool, `types` included, though its own types omit it.
  const options: ConstructorOptions & { types: typeof jobTypes } = {
    ...(connectionString ? { connectionString } : { host, port, database, user, password }),
    ssl,
    schema: JOBS_SCHEMA,
    max: 3,
    application_name: 'linli-jobs',
    types: jobTypes,
  };
  const boss = new PgBoss(options);
  boss.on('error', onError);

  return {
    kind: 'pg-boss',
    async start() {
      await boss.start();
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5_000 });
    },
    async define(name, handler: JobHandler, definition: JobDefinition = {}) {
      const d = { ...DEFAULT_DEFINITION, ...definition };
      await boss.createQueue(name, { retryLimit: d.retryLimit, retryDelay: d.retryDelaySeconds, retryBackoff: d.retryBackoff, expireInSeconds: 300 });
      // A batch at a time, each job settled on its own (one failing mail does not retry its neighbours);
      // while batches come back full the worker fetches again at once instead of waiting to poll.
      await boss.work(name, { includeMetadata: true, perJobResults: true, pollingIntervalSeconds: d.pollingSeconds, batchSize: 5, burstWhenBatchFull: true }, async (jobs) => {
        const results: JobResult[] = [];
        for (const job of jobs) {
          try {
            await handler(job.data, { attempt: job.retryCount + 1, lastAttempt: job.retryCount >= job.retryLimit });
            results.push({ id: job.id, status: 'completed' });
          } catch (error) {
            results.push({ id: job.id, status: 'failed', output: { message: (error as Error).message } });
          }
        }
        return results;
      });
    },
    async send(name, data, options: SendOptions = {}) {
      await boss.send(name, data, {
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
        ...(options.singletonSeconds ? { singletonSeconds: options.singletonSeconds } : {}),
      });
    },
    async schedule(name, cron, { tz }) {
      await boss.schedule(name, cron, {}, { tz });
    },
    async unschedule(name) {
      await boss.unschedule(name);
    },
  };
};
