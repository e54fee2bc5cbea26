// After an editor publishes, unpublishes or deletes what the site shows, call the site's build
// hook (SITE_BUILD_HOOK_URL), debounced so that a burst of edits makes one build. A document
// service middleware sees every write, whether from the admin panel, the REST API or code.
import type { Core } from '@strapi/strapi';
import { affectsSite } from './changes';
import { createDebouncedHook, type DebouncedHook, type SiteChange } from './debounce';

export interface SiteBuildConfig {
  hookUrl: string;
  hookToken: string;
  debounceMs: number;
  maxWaitMs: number;
  timeoutMs: number;
}

export interface SiteRebuild {
  /** Changes count from now on (after bootstrap: loading demo content is not an edit). */
  arm(): void;
  /** Calls the hook now if changes are waiting (on shutdown). */
  flush(): Promise<void>;
}

/** The JSON body of a hook call; `event_type` and `client_payload` are what a GitHub repository_dispatch takes. */
export const hookBody = (changes: SiteChange[], total: number) => ({
  event_type: 'linli-content-changed',
  client_payload: { total, changes },
});

const postHook = async (config: SiteBuildConfig, changes: SiteChange[], total: number): Promise<void> => {
  const res = await fetch(config.hookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': 'linli-cms',
      ...(config.hookToken ? { authorization: `Bearer ${config.hookToken}` } : {}),
    },
    body: JSON.stringify(hookBody(changes, total)),
    signal: AbortSignal.timeout(config.timeoutMs),
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`the hook answered ${res.status} ${res.statusText}`);
};

/** Describes where the hook goes without its query string, which often holds the hook's secret. */
const describe = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.length > 1 ? '/…' : ''}`;
  } catch {
    return '(an invalid URL)';
  }
};

/** Call in `register()`: document service middlewares must be added before the app starts. */
export const registerSiteRebuild = (strapi: Core.Strapi): SiteRebuild => {
  const config = strapi.config.get('site-build') as SiteBuildConfig | undefined;
  if (!config?.hookUrl) return { arm() {}, flush: async () => {} };
  try {
    new URL(config.hookUrl);
  } catch {
    throw new Error(`SITE_BUILD_HOOK_URL is not a URL: "${config.hookUrl}"`);
  }
  const target = describe(config.hookUrl);
  let armed = false;
  const hook: DebouncedHook = createDebouncedHook({
    delayMs: config.debounceMs,
    maxWaitMs: config.maxWaitMs,
    async fire(changes, total) {
      await postHook(config, changes, total);
      strapi.log.info(`Site build hook called (${target}) for ${total} change${total === 1 ? '' : 's'}`);
    },
    onError(error) {
      strapi.log.warn(`Site build hook ${target} failed: ${(error as Error).message}; the site was not rebuilt, the next change will try again`);
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
  strapi.log.info(`Site build hook: ${target}, ${config.debounceMs} ms after the last change`);

  return {
    arm: () => void (armed = true),
    flush: () => hook.flush(),
  };
};
