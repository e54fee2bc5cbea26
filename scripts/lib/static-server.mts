// A small static file server for the built site, used by `npm start` and the Lighthouse bench.
//
// Unlike `astro preview`, it looks at the disk on every request, and the folder it serves is a
// function: a rebuild writes a new folder and the server switches to it in one step, so visitors
// never see a half-built site and new pages are found at once. Serves GET and HEAD only; a folder
// is served as its index.html (without the trailing slash, it redirects to it), a missing path
// gets the site's 404.html with status 404. No path can leave the folder.
import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
};

export const contentTypeOf = (file: string): string => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

const compressible = (type: string) => /^(text\/|application\/(json|xml|rss\+xml|manifest\+json)|image\/svg\+xml)/.test(type);

export type Resolution =
  | { kind: 'file'; file: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' }
  | { kind: 'bad-request' };

/**
 * The request path (`/rooms/`, `/en/news/x`, `/_astro/a.css?v=1`) as a path relative to the served
 * folder, or null when it is not one: undecodable, a NUL byte, a backslash, or a `..` segment.
 * Never a path outside the folder.
 */
export const relativePathOf = (urlPath: string): string | null => {
  const pathname = urlPath.split(/[?#]/, 1)[0];
  if (!pathname.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  return segments.join('/');
};

type StatFn = (file: string) => Stats | undefined;
const statOrUndefined: StatFn = (file) => {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
};

/** What to answer for `urlPath` when serving `root`; `stat` is there for tests. */
export const resolveRequest = (root: string, urlPath: string, stat: StatFn = statOrUndefined): Resolution => {
  const rel = relativePathOf(urlPath);
  if (rel === null) return { kind: 'bad-request' };
  const base = path.resolve(root);
  const target = path.resolve(base, rel);
  if (target !== base && !target.startsWith(base + path.sep)) return { kind: 'bad-request' };
  const pathname = urlPath.split(/[?#]/, 1)[0];
  const query = urlPath.slice(pathname.length).split('#', 1)[0];
  const found = stat(target);
  if (found?.isFile() && !pathname.endsWith('/')) return { kind: 'file', file: target };
  if (found?.isDirectory()) {
    const index = path.join(target, 'index.html');
    if (!stat(index)?.isFile()) return { kind: 'missing' };
    if (!pathname.endsWith('/')) return { kind: 'redirect', location: `${pathname}/${query}` };
    return { kind: 'file', file: index };
  }
  // Astro's `build.format: 'file'` writes /about.html for /about.
  if (!found && !pathname.endsWith('/') && stat(`${target}.html`)?.isFile()) return { kind: 'file', file: `${target}.html` };
  return { kind: 'missing' };
};

const send = (req: IncomingMessage, res: ServerResponse, file: string, status: number) => {
  const type = contentTypeOf(file);
  const headers: Record<string, string> = {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    // Astro's bundled assets have a content hash in their names; pages change with every build.
    'cache-control': file.includes(`${path.sep}_astro${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
  };
  const gzip = compressible(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip) headers['content-encoding'] = 'gzip';
  else headers['content-length'] = String(statSync(file).size);
  res.writeHead(status, headers);
  if (req.method === 'HEAD') return void res.end();
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  if (gzip) stream.pipe(createGzip()).pipe(res);
  else stream.pipe(res);
};

export const handleStatic = (root: string | undefined, req: IncomingMessage, res: ServerResponse) => {
  if (root === undefined) {
    res.writeHead(503, { 'retry-after': '5', 'content-type': 'text/plain; charset=utf-8' }).end('The site is being built; try again in a moment.\n');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  const found = resolveRequest(root, req.url ?? '/');
  try {
    if (found.kind === 'file') return send(req, res, found.file, 200);
    if (found.kind === 'redirect') return void res.writeHead(301, { location: found.location }).end();
    if (found.kind === 'bad-request') return void res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request\n');
    const notFound = path.join(root, '404.html');
    if (statOrUndefined(notFound)?.isFile()) return send(req, res, notFound, 404);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
  } catch {
    // The folder was swapped away between resolving and reading: the next request gets the new one.
    if (!res.headersSent) res.writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain; charset=utf-8' }).end('Try again\n');
    else res.destroy();
  }
};

export interface StaticServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Serves `root()` (asked on every request; undefined: 503, not built yet) on `host:port` (port 0: a free one). */
export const startStaticServer = async (options: { root: () => string | undefined; port: number; host?: string }): Promise<StaticServer> => {
  const server = createServer((req, res) => handleStatic(options.root(), req, res));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
