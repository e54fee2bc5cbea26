import type { Core } from '@strapi/strapi';
import { createJobQueue, type JobDefinition, type JobHandler, type JobQueue, type SendOptions } from '../jobs';

/**
 * The plugin's job queue, started at bootstrap and stopped at destroy. The app may define jobs of
 * its own on it (cms/src/site-rebuild defines the nightly rebuild).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let queue: JobQueue | null = null;
  const repeats = new Set<NodeJS.Timeout>();

  const started = (): JobQueue => {
    if (!queue) throw new Error('booking: the job queue is not started yet (it starts in the plugin bootstrap)');
    return queue;
  };

  return {
    async start(): Promise<void> {
      if (queue) return;
      queue = createJobQueue(strapi);
      await queue.start();
      strapi.log.info(`[booking] jobs: ${queue.kind === 'pg-boss' ? 'in PostgreSQL (pg-boss)' : 'in memory (SQLite: jobs waiting at a stop are lost)'}`);
    },
    async stop(): Promise<void> {
      for (const timer of repeats) clearInterval(timer);
      repeats.clear();
      const q = queue;
      queue = null;
      await q?.stop();
    },
    kind(): JobQueue['kind'] {
      return started().kind;
    },
    define<Data>(name: string, handler: JobHandler<Data>, definition?: JobDefinition) {
      return started().define(name, handler, definition);
    },
    send<Data extends object>(name: string, data: Data, options?: SendOptions) {
      return started().send(name, data, options);
    },
    schedule(name: string, cron: string, options: { tz: string }) {
      return started().schedule(name, cron, options);
    },
    /**
     * Runs job `name` about every `seconds`, once per slot across processes: every process offers
     * the job, and the queue keeps one per slot. For periods finer than a cron minute.
     */
    every(name: string, seconds: number): void {
      const offer = () => queue?.send(name, {}, { singletonKey: name, singletonSeconds: seconds }).catch((error: Error) => strapi.log.error(`[booking] jobs: could not offer ${name}: ${error.message}`));
      void offer();
      const timer = setInterval(offer, seconds * 1000);
      timer.unref();
      repeats.add(timer);
    },
  };
};
