// What `npm start` does after an editor publishes: the CMS calls the local build hook, the site is
// rebuilt with astro into a fresh folder and served from it, with no moment where pages are missing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pWaitFor from 'p-wait-for';
import { startLiveSite, type LiveSite } from '../../scripts/lib/live-site.mts';
import { buildSite } from '../../scripts/lib/site-build.mts';
import { startTestCms, testDatabaseKind, type TestCms } from '../harness/cms';
import { asAdmin } from '../harness/admin';

// Astro builds are slow and the same on either database: PostgreSQL only.
const describeOnce = testDatabaseKind() === 'postgres' ? describe : describe.skip;

describeOnce('the site npm start serves, after an editor publishes', () => {
  let cms: TestCms;
  let live: LiveSite;
  let parentDir: string;
  const logs: string[] = [];

  beforeAll(async () => {
    parentDir = mkdtempSync(path.join(tmpdir(), 'linli-live-'));
    live = await startLiveSite({ build: (outDir) => buildSite({ cmsUrl: cms.url, outDir }), port: 0, parentDir, log: (m) => logs.push(m) });
    cms = await startTestCms({ demo: true, env: { SITE_BUILD_HOOK_URL: live.hookUrl, SITE_BUILD_DEBOUNCE_MS: '200' } });
    await live.firstBuild();
  }, 300_000);
  afterAll(async () => {
    await live?.stop();
    await cms?.stop();
    rmSync(parentDir, { recursive: true, force: true });
  });

  const status = async (p: string) => (await fetch(live.url + p)).status;

  /** Polls `p` until it answers `expected`, noting meanwhile what the home page answered. */
  const waitFor = async (p: string, expected: number, timeoutMs: number) => {
    const homeStatuses = new Set<number>();
    await pWaitFor(
      async () => {
        homeStatuses.add(await status('/'));
        return (await status(p)) === expected;
      },
      {
        interval: 250,
        timeout: {
          milliseconds: timeoutMs,
          fallback: () => {
            throw new Error(`${p} did not answer ${expected} within ${timeoutMs / 1000} s; log:\n${logs.join('\n')}`);
          },
        },
      }
    );
    return { homeStatuses: [...homeStatuses] };
  };
  const rebuilds = () => logs.filter((m) => /^Site rebuilt in/.test(m)).length;

  it('shows a news item published in the admin panel, and removes it when unpublished', async () => {
    expect(await status('/news/')).toBe(200);
    expect(await status('/news/live-rebuild-test/')).toBe(404);
    const admin = await asAdmin(cms);
    const created = await admin.request('POST', '/content-manager/collection-types/api::news.news?locale=zh-CN', {
      title: '自动更新测试',
      slug: 'live-rebuild-test',
      kind: 'news',
      publishedDate: '2026-01-20',
      summary: '网站自动更新。',
      body: '网站自动更新。',
    });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    const publish = await admin.request('POST', `/content-manager/collection-types/api::news.news/${id}/actions/publish?locale=zh-CN`, {});
    expect(publish.status).toBe(200);
    const shown = await waitFor('/news/live-rebuild-test/', 200, 170_000);
    const afterPublish = rebuilds();
    expect(afterPublish).toBeGreaterThan(0);
    // Served from the old folder until the new one was complete: the home page never failed.
    expect(shown.homeStatuses).toEqual([200]);
    expect(await (await fetch(live.url + '/news/')).text()).toContain('自动更新测试');

    const unpublish = await admin.request('POST', `/content-manager/collection-types/api::news.news/${id}/actions/unpublish?locale=zh-CN`, {});
    expect(unpublish.status).toBe(200);
    const gone = await waitFor('/news/live-rebuild-test/', 404, 170_000);
    expect(gone.homeStatuses).toEqual([200]);
    expect(rebuilds()).toBeGreaterThan(afterPublish);
    // The hook call named the change (one or several calls: the debouncer's unit test counts them).
    expect(logs.some((m) => /\(news publish\): /.test(m))).toBe(true);
  }, 400_000);
});
