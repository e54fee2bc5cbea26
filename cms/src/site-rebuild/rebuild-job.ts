// The build hook call as a job of the booking plugin's queue: a hook that is down, slow or answers
// an error is called again with back-off, and on PostgreSQL a call waiting for its retry survives a
// restart and runs in one process however many share the database.
import type { Core } from '@strapi/strapi';
import { callBuildHook, describeReason, type BuildHookConfig, type RebuildReason } from './build-hook';
import type { SiteChange } from './debounce';

export const REBUILD_JOB = 'site.rebuild';

export interface RebuildJobConfig extends BuildHookConfig {
  /** Calls after the first that fails. */
  retryLimit: number;
  /** Seconds before the first retry, doubled for each next one. */
  retryDelaySeconds: number;
}

/** A job's data: the changes to name, or nothing (what a schedule sends), which is the nightly rebuild. */
export interface RebuildJobData {
  changes?: SiteChange[];
  total?: number;
}

/** The booking plugin's job queue, as far as the site rebuild uses it. */
export interface BookingJobs {
  kind(): 'pg-boss' | 'memory';
  define<Data>(name: string, handler: (data: Data, context: { attempt: number; lastAttempt: boolean }) => Promise<void>, definition?: { retryLimit?: number; retryDelaySeconds?: number; retryBackoff?: boolean; pollingSeconds?: number }): Promise<void>;
  send<Data extends object>(name: string, data: Data): Promise<void>;
  schedule(name: string, cron: string, options: { tz: string }): Promise<void>;
  unschedule(name: string): Promise<void>;
}

export const bookingJobs = (strapi: Core.Strapi): BookingJobs => strapi.plugin('booking').service('jobs') as BookingJobs;

/** Whether the queue takes jobs: it starts in the plugin's bootstrap and stops before the app's destroy. */
export const queueRunning = (jobs: BookingJobs): boolean => {
  try {
    jobs.kind();
    return true;
  } catch {
    return false;
  }
};

export const reasonOf = (data: RebuildJobData | null | undefined): RebuildReason =>
  Array.isArray(data?.changes) ? { changes: data.changes, total: data.total ?? data.changes.length } : { nightly: true };

/**
 * When retry number `attempt` comes, in seconds after the failure: the memory queue waits exactly
 * delay × 2^(attempt−1); pg-boss waits between that and twice that (it adds jitter).
 */
export const retryWindow = (attempt: number, config: RebuildJobConfig, kind: 'pg-boss' | 'memory') => {
  const least = config.retryDelaySeconds * 2 ** (attempt - 1);
  return kind === 'pg-boss' ? `${least}–${least * 2} s` : `${least} s`;
};

/** Defines the job that calls the hook. Call once at bootstrap, after the booking plugin started its queue. */
export const defineRebuildJob = async (strapi: Core.Strapi, config: RebuildJobConfig, target: string): Promise<void> => {
  const jobs = bookingJobs(strapi);
  const attempts = config.retryLimit + 1;
  await jobs.define<RebuildJobData>(
    REBUILD_JOB,
    async (data, { attempt, lastAttempt }) => {
      const reason = reasonOf(data);
      try {
        await callBuildHook(config, reason);
      } catch (error) {
        const what = `Site build hook ${target} failed for ${describeReason(reason)} (attempt ${attempt} of ${attempts}): ${(error as Error).message}`;
        if (lastAttempt) strapi.log.error(`${what}; giving up: the site was not rebuilt, the next change or nightly rebuild calls it again`);
        else strapi.log.warn(`${what}; retrying in ${retryWindow(attempt, config, jobs.kind())}`);
        throw error;
      }
      strapi.log.info(`Site build hook called (${target}) for ${describeReason(reason)}${attempt > 1 ? `, on attempt ${attempt}` : ''}`);
    },
    { retryLimit: config.retryLimit, retryDelaySeconds: config.retryDelaySeconds, retryBackoff: true, pollingSeconds: 1 }
  );
};
