// The nightly rebuild: "today" and "this week" on the site roll over after midnight on the centre's
// clock, even on a day nobody edits anything.
import type { Core } from '@strapi/strapi';
import { bookingJobs, REBUILD_JOB } from './rebuild-job';

/** The zone whose midnight counts: the booking plugin's `timezone`, the centre's. */
export const centreZone = (strapi: Core.Strapi): string => strapi.config.get('plugin::booking.timezone') as string;

/**
 * Schedules the rebuild job at `cron` on the centre's clock (once for all processes: the queue
 * keeps one schedule per job), or removes the schedule when `cron` is empty: on PostgreSQL a
 * schedule outlives the process that made it. Returns what was scheduled, for the log.
 */
export const scheduleNightlyRebuild = async (strapi: Core.Strapi, cron: string): Promise<{ cron: string; tz: string } | null> => {
  const jobs = bookingJobs(strapi);
  if (!cron.trim()) {
    await jobs.unschedule(REBUILD_JOB);
    return null;
  }
  const tz = centreZone(strapi);
  try {
    await jobs.schedule(REBUILD_JOB, cron.trim(), { tz });
  } catch (error) {
    throw new Error(`SITE_REBUILD_CRON is not a cron expression: "${cron}" (${(error as Error).message})`);
  }
  return { cron: cron.trim(), tz };
};
