// The site as `npm start` serves it: built from the CMS into a fresh folder, served by the static
// server, and rebuilt when the CMS calls the local build hook (SITE_BUILD_HOOK_URL) after an
// editor published something. A build writes a new folder and the server switches to it only
// when the build succeeded, so visitors never see a half-built site; a failed rebuild is logged
// and the previous site stays up. Builds run one at a time (rebuild-queue.mts).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRebuildQueue, type RebuildQueue } from './rebuild-queue.mts';
import { startStaticServer, type StaticServer } from './static-server.mts';

export interface LiveSite {
  /** Where the site is served (the static server's own address). */
  url: string;
  /** What the CMS should call after a change: SITE_BUILD_HOOK_URL. Loopback only, with a secret path. */
  hookUrl: string;
  /** The first build; rejects if it failed. Until it is done the server answers 503. */
  firstBuild(): Promise<void>;
  /** The folder served now (undefined before the first build). */
  currentDir(): string | undefined;
  queue: RebuildQueue;
  stop(): Promise<void>;
}

export interface LiveSiteOptions {
  /** Builds the site into `outDir` (buildSite in `npm start`, a stand-in in tests). */
  build(outDir: string): Promise<unknown>;
  port: number;
  host?: string;
  log?: (message: string) => void;
  /** Where the build folders go (default: the system's temporary folder). */
  parentDir?: string;
  /** How long an old folder stays after a switch, for downloads still running (default 60 s). */
  keepOldMs?: number;
}

/** "2 changes: news publish, room unpublish" from a hook call's body (cms/src/site-rebuild). */
export const summariseHookBody = (body: any): string => {
  const changes: any[] = Array.isArray(body?.client_payload?.changes) ? body.client_payload.changes : [];
  const total: number = Number(body?.client_payload?.total) || changes.length;
  if (!total) return 'Content changed';
  const named = changes.slice(0, 3).map((c) => `${String(c.uid).split('.').pop()} ${c.action}`);
  return `${total} change${total === 1 ? '' : 's'} (${named.join(', ')}${changes.length > 3 ? ', …' : ''})`;
};

export const startLiveSite = async (options: LiveSiteOptions): Promise<LiveSite> => {
  const log = options.log ?? ((m: string) => console.log(m));
  const parent = options.parentDir ?? tmpdir();
  const keepOldMs = options.keepOldMs ?? 60_000;
  const remove = (dir: string) => rmSync(dir, { recursive: true, force: true });
  const removeLater = new Map<NodeJS.Timeout, string>();
  let current: string | undefined;
  let lastError: unknown;
  let stopped = false;

  const buildAndSwitch = async () => {
    if (stopped) return;
    const started = Date.now();
    const next = mkdtempSync(path.join(parent, 'linli-site-'));
    try {
      await options.build(next);
    } catch (error) {
      remove(next);
      throw error;
    }
    if (stopped) return remove(next);
    const old = current;
    current = next; // the switch: every request from now on reads the new folder
    lastError = undefined;
    if (old) {
      const timer = setTimeout(() => {
        removeLater.delete(timer);
        remove(old);
      }, keepOldMs);
      timer.unref();
      removeLater.set(timer, old);
      log(`Site rebuilt in ${Math.round((Date.now() - started) / 1000)} s.`);
    }
  };
  const queue = createRebuildQueue(buildAndSwitch, (error) => {
    lastError = error;
    if (current) log(`The site could not be rebuilt; the previous version stays up.\n${(error as Error).message}`);
  });

  const site: StaticServer = await startStaticServer({ root: () => current, port: options.port, host: options.host });

  const hookPath = `/rebuild/${randomBytes(16).toString('hex')}`;
  const hook: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== hookPath) return void res.writeHead(404).end();
    let text = '';
    req.on('data', (chunk) => {
      if (text.length < 100_000) text += chunk;
    });
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      log(`${summariseHookBody(body)}: ${queue.running() ? 'the site is rebuilt again after the build under way' : 'rebuilding the site'}…`);
      queue.request();
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"queued":true}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    hook.once('error', reject);
    hook.listen(0, '127.0.0.1', () => resolve());
  });
  const hookPort = (hook.address() as AddressInfo).port;

  return {
    url: site.url,
    hookUrl: `http://127.0.0.1:${hookPort}${hookPath}`,
    async firstBuild() {
      queue.request();
      await queue.idle();
      if (!current) throw lastError ?? new Error('the site was not built');
    },
    currentDir: () => current,
    queue,
    async stop() {
      stopped = true;
      hook.close();
      hook.closeAllConnections();
      await site.close();
      for (const [timer, dir] of removeLater) {
        clearTimeout(timer);
        remove(dir);
      }
      if (current) remove(current);
      // A build still under way removes its own folder when it ends (`stopped`).
    },
  };
};
