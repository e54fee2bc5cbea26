// Keeps the public site current: after an editor publishes, unpublishes or deletes what the site
// shows, and every night after midnight on the centre's clock, call the site's build hook
// (SITE_BUILD_HOOK_URL). Edits are debounced so that a burst makes one build; a document service
// middleware sees every write, whether from the admin panel, the REST API or code. Each call is a
// job of the booking plugin's queue, retried with back-off when the hook fails.
import type { Core } from '@strapi/strapi';
import { callBuildHook, describeHook, describeReason } from './build-hook';
import { affectsSite } from './changes';
import { createDebouncedHook, type DebouncedHook } from './debounce';
import { scheduleNightlyRebuild } from './nightly';
import { bookingJobs, defineRebuildJob, queueRunning, REBUILD_JOB, type RebuildJobConfig } from './rebuild-job';

export interface SiteBuildConfig extends RebuildJobConfig {
  debounceMs: number;
  maxWaitMs: number;
  /** When the nightly rebuild runs, on the centre's clock; empty: never. */
  nightlyCron: string;
}

export interface SiteRebuild {
  /**
   * Call in `bootstrap()`, after the booking plugin's: defines the rebuild job, schedules the
   * nightly rebuild, and counts changes from now on (loading demo content is not an edit).
   */
  start(): Promise<void>;
  /** Calls the hook now if changes are waiting (on shutdown). */
  flush(): Promise<void>;
}

/** Call in `register()`: document service middlewares must be added before the app starts. */
export const registerSiteRebuild = (strapi: Core.Strapi): SiteRebuild => {
  const config = strapi.config.get('site-build') as SiteBuildConfig | undefined;
  if (!config?.hookUrl) {
    // A schedule left from a run with a hook would send jobs nobody takes.
    return { start: () => scheduleNightlyRebuild(strapi, '').then(() => undefined), flush: async () => {} };
  }
  try {
    new URL(config.hookUrl);
  } catch {
    throw new Error(`SITE_BUILD_HOOK_URL is not a URL: "${config.hookUrl}"`);
  }
  const target = describeHook(config.hookUrl);
  let armed = false;
  const hook: DebouncedHook = createDebouncedHook({
    delayMs: config.debounceMs,
    maxWaitMs: config.maxWaitMs,
    async fire(changes, total) {
      const jobs = bookingJobs(strapi);
      if (queueRunning(jobs)) return jobs.send(REBUILD_JOB, { changes, total });
      // On shutdown the queue has stopped before the app's destroy flushes: one call, no retries.
      await callBuildHook(config, { changes, total });
      strapi.log.info(`Site build hook called (${target}) for ${describeReason({ changes, total })}`);
    },
    onError(error) {
      strapi.log.warn(`Site build hook ${target} could not be called: ${(error as Error).message}; the site was not rebuilt, the next change will try again`);
    },
  });

  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    // Only a write that succeeded gets here; a failed one threw above and is not reported.
    if (armed) {
      try {
        const params = (ctx.params ?? {}) as { documentId?: unknown; locale?: unknown; status?: unknown };
        const draftAndPublish = Boolean((ctx.contentType as any)?.options?.draftAndPublish);
        if (affectsSite({ uid: ctx.uid, action: ctx.action, params, draftAndPublish })) {
          const documentId = params.documentId ?? (result as any)?.documentId ?? (result as any)?.entries?.[0]?.documentId;
          hook.add({
            uid: ctx.uid,
            action: ctx.action,
            ...(typeof documentId === 'string' ? { documentId } : {}),
            ...(typeof params.locale === 'string' ? { locale: params.locale } : {}),
          });
        }
      } catch (error) {
        strapi.log.warn(`Could not schedule a site build: ${(error as Error).message}`);
      }
    }
    return result;
  });

  return {
    async start() {
      await defineRebuildJob(strapi, config, target);
      const nightly = await scheduleNightlyRebuild(strapi, config.nightlyCron);
      strapi.log.info(
        `Site build hook: ${target}, ${config.debounceMs} ms after the last change, retried ${config.retryLimit} times from ${config.retryDelaySeconds} s; ` +
          (nightly ? `nightly rebuild at "${nightly.cron}" in ${nightly.tz}` : 'no nightly rebuild (SITE_REBUILD_CRON is empty)')
      );
      armed = true;
    },
    flush: () => hook.flush(),
  };
};
