// One call of the site's build hook: the HTTP request, and how its address may be logged.
import type { SiteChange } from './debounce';

export interface BuildHookConfig {
  hookUrl: string;
  hookToken: string;
  timeoutMs: number;
}

/** Why the site is rebuilt: content changed (the changes are named), or the day changed. */
export type RebuildReason = { changes: SiteChange[]; total: number } | { nightly: true };

/**
 * The JSON body of a hook call; `event_type` and `client_payload` are what a GitHub
 * repository_dispatch takes. The nightly call keeps the same event type, so a workflow listening
 * for content changes rebuilds at midnight too.
 */
export const hookBody = (reason: RebuildReason) => ({
  event_type: 'linli-content-changed',
  client_payload: 'nightly' in reason ? { total: 0, changes: [], nightly: true } : { total: reason.total, changes: reason.changes },
});

/** POSTs to the hook; throws on a network error, a timeout or an answer other than 2xx. */
export const callBuildHook = async (config: BuildHookConfig, reason: RebuildReason): Promise<void> => {
  const res = await fetch(config.hookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': 'linli-cms',
      ...(config.hookToken ? { authorization: `Bearer ${config.hookToken}` } : {}),
    },
    body: JSON.stringify(hookBody(reason)),
    signal: AbortSignal.timeout(config.timeoutMs),
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`the hook answered ${res.status} ${res.statusText}`);
};

/** Where the hook goes without its query string, which often holds the hook's secret. */
export const describeHook = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.length > 1 ? '/…' : ''}`;
  } catch {
    return '(an invalid URL)';
  }
};

/** What a rebuild was for, in a log line. */
export const describeReason = (reason: RebuildReason) =>
  'nightly' in reason ? 'the nightly rebuild' : `${reason.total} change${reason.total === 1 ? '' : 's'}`;
