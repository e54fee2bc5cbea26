import type { Core } from '@strapi/strapi';

/**
 * Rebuilding the public site after editors publish (src/site-rebuild). Without a hook URL nothing
 * is called; `npm start` passes one of its own, which rebuilds and serves the local site.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Where to POST after content changed: a build hook (Netlify, Cloudflare Pages, a CI trigger). */
  hookUrl: env('SITE_BUILD_HOOK_URL', ''),
  /** Sent as `Authorization: Bearer …` when set (a GitHub repository_dispatch, for example). */
  hookToken: env('SITE_BUILD_HOOK_TOKEN', ''),
  /** Quiet time after the last change before the hook is called: a burst of edits makes one build. */
  debounceMs: env.int('SITE_BUILD_DEBOUNCE_MS', 15_000),
  /** The hook is called at the latest this long after the first change, however long editing goes on. */
  maxWaitMs: env.int('SITE_BUILD_MAX_WAIT_MS', 45_000),
  /** How long one call may take before it counts as failed. */
  timeoutMs: env.int('SITE_BUILD_HOOK_TIMEOUT_MS', 10_000),
  /** A failed call (an error answer, a timeout, no answer) is made again this many times… */
  retryLimit: env.int('SITE_BUILD_RETRY_LIMIT', 5),
  /** …first after this many seconds, then after twice as long each time. */
  retryDelaySeconds: env.int('SITE_BUILD_RETRY_DELAY_SECONDS', 30),
  /**
   * When the site is rebuilt though nothing changed, so "today" and "this week" roll over: a cron
   * expression on the centre's clock (the booking plugin's timezone). Empty: never.
   */
  nightlyCron: env('SITE_REBUILD_CRON', '5 0 * * *'),
});

export default config;
