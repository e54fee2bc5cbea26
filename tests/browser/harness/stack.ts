import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import getPort from 'get-port';
import { buildSite } from '../../../scripts/lib/site-build.mts';
import { startStaticServer, type StaticServer } from '../../../scripts/lib/static-server.mts';
import { startTestCms, type TestCms } from '../../harness/cms';

/** Debian's Chromium, never a downloaded one; the flags keep it off this machine's closed network. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface SiteStack {
  cms: TestCms;
  /** The built site's origin, e.g. http://127.0.0.1:41234 (the origin the CMS allows through CORS). */
  siteUrl: string;
  outDir: string;
  browser: Browser;
  /** A fresh browser context (own storage) and a page in it; errors on the page fail `pageErrors`. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * The whole public path a resident takes: a real CMS with the demo content, the site built from
 * it as `npm start` builds it, served over HTTP, and Debian's Chromium driving it.
 */
export const startSiteStack = async (options: { env?: Record<string, string> } = {}): Promise<SiteStack> => {
  const sitePort = await getPort();
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  const cms = await startTestCms({ demo: true, env: { CORS_ORIGINS: siteUrl, SITE_URL: siteUrl, ...options.env } });
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    const outDir = mkdtempSync(path.join(tmpdir(), 'linli-browser-site-'));
    await buildSite({ cmsUrl: cms.url, publicCmsUrl: cms.url, outDir, siteUrl });
    // The same server `npm start` uses.
    server = await startStaticServer({ root: () => outDir, port: sitePort, host: '127.0.0.1' });
    const serving = server;
    const launched = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    browser = launched;
    return {
      cms,
      siteUrl,
      outDir,
      browser: launched,
      newPage: async (contextOptions = {}) => {
        const context = await launched.newContext({ baseURL: siteUrl, ...contextOptions });
        return context.newPage();
      },
      stop: async () => {
        await launched.close().catch(() => undefined);
        await serving.close();
        await cms.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await cms.stop();
    throw error;
  }
};

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** WCAG 2.0–2.2 A and AA violations axe-core finds on the page as it is now, in a readable form. */
export const axeViolations = async (page: Page, within?: string): Promise<AxeViolation[]> => {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (selector) => {
    const result = await (window as any).axe.run(selector ? { include: [selector] } : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => n.target.join(' ')) }));
  }, within);
};
