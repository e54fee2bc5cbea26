import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pWaitFor from 'p-wait-for';
import { startLiveSite, type LiveSite } from '../../../../scripts/lib/live-site.mts';

/**
 * A gate a stand-in build waits at, half-way, while it is closed: the test decides what happens
 * during a build instead of hoping a request lands inside a few milliseconds.
 */
const gate = () => {
  let closed = false;
  const waiting: Array<() => void> = [];
  return {
    close: () => void (closed = true),
    /** Opens the gate and lets every build waiting at it go on. */
    open() {
      closed = false;
      waiting.splice(0).forEach((go) => go());
    },
    pass: () => (closed ? new Promise<void>((go) => waiting.push(go)) : Promise.resolve()),
    waiting: () => waiting.length,
  };
};

describe('the site npm start serves and rebuilds', () => {
  let parentDir: string;
  let live: LiveSite;
  let version = 0;
  let builds = 0;
  let failNext = false;
  const logs: string[] = [];
  const halfWay = gate();

  /** A stand-in for astro: writes the home page and one page per version, stopping half-way while the gate is closed. */
  const build = async (outDir: string) => {
    builds += 1;
    const v = ++version;
    writeFileSync(path.join(outDir, 'index.html'), `<p>half-built ${v}</p>`);
    await halfWay.pass();
    if (failNext) {
      failNext = false;
      throw new Error('astro build failed (exit 1)');
    }
    writeFileSync(path.join(outDir, 'index.html'), `<p>version ${v}</p>`);
    mkdirSync(path.join(outDir, `page-${v}`));
    writeFileSync(path.join(outDir, `page-${v}`, 'index.html'), `<p>page ${v}</p>`);
    writeFileSync(path.join(outDir, '404.html'), '<p>not found</p>');
  };

  beforeAll(async () => {
    parentDir = mkdtempSync(path.join(tmpdir(), 'linli-live-test-'));
    live = await startLiveSite({ build, port: 0, parentDir, keepOldMs: 50, log: (m) => logs.push(m) });
    expect((await fetch(live.url + '/')).status).toBe(503);
    await live.firstBuild();
  });
  afterAll(async () => {
    await live?.stop();
    rmSync(parentDir, { recursive: true, force: true });
  });

  const get = async (p: string) => {
    const res = await fetch(live.url + p);
    return { status: res.status, text: await res.text() };
  };
  const callHook = (body: unknown = { client_payload: { total: 1, changes: [{ uid: 'api::news.news', action: 'publish' }] } }) =>
    fetch(live.hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('serves the first build', async () => {
    expect(await get('/')).toEqual({ status: 200, text: '<p>version 1</p>' });
    expect(live.hookUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rebuild\/[0-9a-f]{32}$/);
  });

  it('rebuilds on a hook call, keeps serving the old site during the build, and then serves the new pages', async () => {
    halfWay.close();
    const before = builds;
    const res = await callHook();
    expect(res.status).toBe(202);
    expect(live.queue.running()).toBe(true);
    expect(halfWay.waiting()).toBe(1);
    // Never the half-built folder.
    expect(await get('/')).toEqual({ status: 200, text: '<p>version 1</p>' });
    expect((await get('/page-2/')).status).toBe(404);
    halfWay.open();
    await live.queue.idle();
    expect(builds).toBe(before + 1);
    expect(await get('/')).toEqual({ status: 200, text: '<p>version 2</p>' });
    expect(await get('/page-2/')).toEqual({ status: 200, text: '<p>page 2</p>' });
    expect(logs.some((m) => /1 change \(news publish\): rebuilding the site/.test(m))).toBe(true);
  });

  it('turns calls during a build into exactly one more build', async () => {
    halfWay.close();
    const before = builds;
    for (let i = 0; i < 5; i++) expect((await callHook()).status).toBe(202);
    expect(halfWay.waiting()).toBe(1);
    halfWay.open();
    await live.queue.idle();
    expect(builds).toBe(before + 2);
    expect((await get('/')).text).toBe(`<p>version ${version}</p>`);
  });

  it('keeps the previous site up when a build fails, and removes the failed and old folders', async () => {
    const served = (await get('/')).text;
    failNext = true;
    await callHook();
    await live.queue.idle();
    expect((await get('/')).text).toBe(served);
    expect(logs.at(-1)).toMatch(/could not be rebuilt; the previous version stays up/);
    // Only the folder served is left, once the old ones' short grace time (keepOldMs) is over.
    await pWaitFor(() => readdirSync(parentDir).length === 1, { timeout: 10_000 }).catch(() => undefined);
    expect(readdirSync(parentDir)).toEqual([path.basename(live.currentDir()!)]);
  });

  it('answers 404 to anything but a POST to its secret path', async () => {
    const url = new URL(live.hookUrl);
    expect((await fetch(`${url.origin}/rebuild/wrong`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(live.hookUrl)).status).toBe(404);
    expect(existsSync(live.currentDir()!)).toBe(true);
  });
});

describe('the first build of npm start', () => {
  it('rejects when the first build fails, leaving no folder behind', async () => {
    const parentDir = mkdtempSync(path.join(tmpdir(), 'linli-live-test-'));
    const live = await startLiveSite({ build: async () => Promise.reject(new Error('CMS did not answer')), port: 0, parentDir, log: () => {} });
    try {
      await expect(live.firstBuild()).rejects.toThrow('CMS did not answer');
      expect(readdirSync(parentDir)).toEqual([]);
      expect((await fetch(live.url + '/')).status).toBe(503);
    } finally {
      await live.stop();
      rmSync(parentDir, { recursive: true, force: true });
    }
  });

  it('never runs two builds at once, even when the CMS calls the hook during the first build', async () => {
    const parentDir = mkdtempSync(path.join(tmpdir(), 'linli-live-test-'));
    let running = 0;
    let most = 0;
    let builds = 0;
    const first = gate();
    first.close();
    const live = await startLiveSite({
      build: async (outDir) => {
        running += 1;
        builds += 1;
        most = Math.max(most, running);
        await first.pass();
        writeFileSync(path.join(outDir, 'index.html'), `<p>${builds}</p>`);
        running -= 1;
      },
      port: 0,
      parentDir,
      log: () => {},
    });
    try {
      const built = live.firstBuild();
      expect(first.waiting()).toBe(1);
      expect((await fetch(live.hookUrl, { method: 'POST', body: '{}' })).status).toBe(202);
      first.open();
      await built;
      await live.queue.idle();
      expect(most).toBe(1);
      expect(builds).toBe(2);
      expect(await (await fetch(live.url + '/')).text()).toBe('<p>2</p>');
    } finally {
      await live.stop();
      rmSync(parentDir, { recursive: true, force: true });
    }
  });
});
