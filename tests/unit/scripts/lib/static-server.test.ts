import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startStaticServer, type StaticServer } from '../../../../scripts/lib/static-server.mts';

/** A built site in miniature. */
const makeSite = () => {
  const root = mkdtempSync(path.join(tmpdir(), 'linli-static-test-'));
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  write('index.html', '<h1>首页</h1>');
  write('rooms/index.html', '<h1>功能室</h1>');
  write('en/rooms/index.html', '<h1>Rooms</h1>');
  write('404.html', '<h1>找不到</h1>');
  write('_astro/site.abc123.css', 'body{color:red}');
  write('rss.xml', '<rss/>');
  write('about.html', '<h1>关于</h1>');
  // Over compression's 1 kB threshold: smaller answers are not worth gzipping.
  write('news/index.html', `<h1>新闻</h1>${'<p>社区新闻。</p>'.repeat(100)}`);
  write('empty-folder/.keep', '');
  write('名字/index.html', '<h1>中文路径</h1>');
  return { root, write };
};

describe('the static server', () => {
  let site: ReturnType<typeof makeSite>;
  let server: StaticServer;
  let root: string;
  beforeAll(async () => {
    site = makeSite();
    root = site.root;
    server = await startStaticServer({ root: () => root, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(site.root, { recursive: true, force: true });
  });

  /** Sends the path as written (fetch would normalise `..` away). */
  const raw = (method: string, rawPath: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, any>; body: Buffer }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path: rawPath, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves pages with their content type, and the 404 page with status 404', async () => {
    const home = await raw('GET', '/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html;charset=utf-8');
    expect(home.headers['cache-control']).toBe('no-cache');
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect(home.body.toString()).toBe('<h1>首页</h1>');
    expect((await raw('GET', '/rooms/')).body.toString()).toBe('<h1>功能室</h1>');
    expect((await raw('GET', '/en/rooms/')).body.toString()).toBe('<h1>Rooms</h1>');
    expect((await raw('GET', '/%E5%90%8D%E5%AD%97/')).body.toString()).toBe('<h1>中文路径</h1>');
    // Astro's `build.format: 'file'` writes /about.html for /about.
    expect((await raw('GET', '/about')).body.toString()).toBe('<h1>关于</h1>');
    const css = await raw('GET', '/_astro/site.abc123.css');
    expect(css.headers['content-type']).toBe('text/css');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw('GET', '/rss.xml')).headers['content-type']).toBe('text/xml');
    for (const p of ['/no/such/page/', '/nothing', '/empty-folder/', '/rooms/index.htm']) {
      const missing = await raw('GET', p);
      expect([p, missing.status, missing.headers['content-type'], missing.body.toString()]).toEqual([p, 404, 'text/html;charset=utf-8', '<h1>找不到</h1>']);
    }
  });

  it('redirects a folder without its trailing slash, keeping the query', async () => {
    for (const [from, to] of [
      ['/rooms', '/rooms/'],
      ['/rooms?x=1', '/rooms/?x=1'],
      ['/en/rooms', '/en/rooms/'],
      ['/%E5%90%8D%E5%AD%97', '/%E5%90%8D%E5%AD%97/'],
    ]) {
      const res = await raw('GET', from);
      expect([from, res.status, res.headers.location]).toEqual([from, 301, to]);
    }
    // Not a folder with a page: no redirect.
    expect((await raw('GET', '/empty-folder')).status).toBe(404);
  });

  it('answers 503 until the first build is done', async () => {
    const unbuilt = await startStaticServer({ root: () => undefined, port: 0 });
    try {
      const res = await fetch(unbuilt.url + '/');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
    } finally {
      await unbuilt.close();
    }
  });

  it('never serves a file outside the folder', async () => {
    const outside = path.join(path.dirname(root), `linli-outside-${process.pid}.txt`);
    writeFileSync(outside, 'secret');
    try {
      const name = path.basename(outside);
      for (const p of [`/../${name}`, `/rooms/../../${name}`, `/%2e%2e/${name}`, `/%2E%2E%2F${name}`, `/..%2f${name}`, `/..%5c${name}`, `/..\\${name}`, `//../${name}`, `/${name}%00.html`, '/%E0%A4%A']) {
        const res = await raw('GET', p);
        expect([400, 404]).toContain(res.status);
        expect(res.body.toString()).not.toContain('secret');
      }
    } finally {
      rmSync(outside);
    }
  });

  it('answers HEAD without a body, refuses other methods, and compresses text when asked', async () => {
    const head = await raw('HEAD', '/rooms/');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength('<h1>功能室</h1>'));
    expect((await raw('POST', '/')).status).toBe(405);
    const page = `<h1>新闻</h1>${'<p>社区新闻。</p>'.repeat(100)}`;
    const gz = await raw('GET', '/news/', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(page);
    const br = await raw('GET', '/news/', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(page);
    expect((await raw('GET', '/news/')).headers['content-encoding']).toBeUndefined();
  });

  it('serves the folder it is given at each request: a switched folder shows new pages at once', async () => {
    const next = makeSite();
    next.write('rooms/new-room/index.html', '<h1>新功能室</h1>');
    expect((await raw('GET', '/rooms/new-room/')).status).toBe(404);
    const old = root;
    root = next.root;
    try {
      expect((await raw('GET', '/rooms/new-room/')).body.toString()).toBe('<h1>新功能室</h1>');
    } finally {
      root = old;
      rmSync(next.root, { recursive: true, force: true });
    }
  });
});
