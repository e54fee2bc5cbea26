import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { contentTypeOf, relativePathOf, resolveRequest, startStaticServer, type StaticServer } from '../../../../scripts/lib/static-server.mts';

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
  write('empty-folder/.keep', '');
  write('名字/index.html', '<h1>中文路径</h1>');
  return { root, write };
};

describe('request paths', () => {
  it('turns URL paths into paths inside the folder', () => {
    expect(relativePathOf('/')).toBe('');
    expect(relativePathOf('/rooms/')).toBe('rooms');
    expect(relativePathOf('/en/rooms/?week=2026-W03#x')).toBe('en/rooms');
    expect(relativePathOf('/%E5%90%8D%E5%AD%97/')).toBe('名字');
    expect(relativePathOf('//rooms/./')).toBe('rooms');
  });

  it('refuses every way out of the folder', () => {
    for (const p of ['/../etc/passwd', '/rooms/../../etc/passwd', '/%2e%2e/etc/passwd', '/%2E%2E%2Fetc%2Fpasswd', '/..%5c..%5cetc', '/a\\..\\b', '/x%00.html', '/%E0%A4%A', 'rooms', '/..'])
      expect(relativePathOf(p)).toBeNull();
  });

  it('serves files, folders as index.html, and redirects a folder without its trailing slash', () => {
    const { root } = makeSite();
    expect(resolveRequest(root, '/')).toEqual({ kind: 'file', file: path.join(root, 'index.html') });
    expect(resolveRequest(root, '/rooms/')).toEqual({ kind: 'file', file: path.join(root, 'rooms', 'index.html') });
    expect(resolveRequest(root, '/rooms')).toEqual({ kind: 'redirect', location: '/rooms/' });
    expect(resolveRequest(root, '/rooms?x=1')).toEqual({ kind: 'redirect', location: '/rooms/?x=1' });
    expect(resolveRequest(root, '/rss.xml')).toEqual({ kind: 'file', file: path.join(root, 'rss.xml') });
    expect(resolveRequest(root, '/404')).toEqual({ kind: 'file', file: path.join(root, '404.html') });
    expect(resolveRequest(root, '/rss.xml/')).toEqual({ kind: 'missing' });
    expect(resolveRequest(root, '/nothing/')).toEqual({ kind: 'missing' });
    expect(resolveRequest(root, '/empty-folder/')).toEqual({ kind: 'missing' });
    expect(resolveRequest(root, '/../secret')).toEqual({ kind: 'bad-request' });
    rmSync(root, { recursive: true });
  });

  it('names the content types a site uses', () => {
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('x.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('x.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('feed.xml')).toBe('application/xml; charset=utf-8');
    expect(contentTypeOf('a.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('a.woff2')).toBe('font/woff2');
    expect(contentTypeOf('a.unknown')).toBe('application/octet-stream');
  });
});

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
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.body.toString()).toBe('<h1>首页</h1>');
    expect((await raw('GET', '/en/rooms/')).body.toString()).toBe('<h1>Rooms</h1>');
    expect((await raw('GET', '/%E5%90%8D%E5%AD%97/')).body.toString()).toBe('<h1>中文路径</h1>');
    const css = await raw('GET', '/_astro/site.abc123.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toContain('immutable');
    const missing = await raw('GET', '/no/such/page/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toBe('<h1>找不到</h1>');
    const redirect = await raw('GET', '/rooms');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/rooms/');
  });

  it('never serves a file outside the folder', async () => {
    const outside = path.join(path.dirname(root), `linli-outside-${process.pid}.txt`);
    writeFileSync(outside, 'secret');
    try {
      for (const p of ['/../' + path.basename(outside), '/rooms/../../' + path.basename(outside), '/%2e%2e/' + path.basename(outside), '/..%2f' + path.basename(outside)]) {
        const res = await raw('GET', p);
        expect([400, 404]).toContain(res.status);
        expect(res.body.toString()).not.toContain('secret');
      }
    } finally {
      rmSync(outside);
    }
  });

  it('answers HEAD without a body, refuses other methods, and gzips text when asked', async () => {
    const head = await raw('HEAD', '/rooms/');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength('<h1>功能室</h1>'));
    expect((await raw('POST', '/')).status).toBe(405);
    const gz = await raw('GET', '/rooms/', { 'accept-encoding': 'gzip, br' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe('<h1>功能室</h1>');
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
