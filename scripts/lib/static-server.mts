// The static file server for the built site, used by `npm start`, the browser tests and the
// Lighthouse bench: sirv serves the files, compression gzips text when the browser asks.
//
// Unlike `astro preview`, the folder it serves is a function, asked on every request: a rebuild
// writes a new folder and the server switches to it in one step, so visitors never see a
// half-built site and new pages are found at once. A built folder never changes, so each one gets
// its own sirv handler, which lists the folder's files once. Around sirv: GET and HEAD only; a
// folder without its trailing slash redirects to it (the address the sitemap lists); a missing
// path gets the site's 404.html with status 404; 503 until the first build is done.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import compression from 'compression';
import sirv, { type RequestHandler } from 'sirv';

const text = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) =>
  void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(body);

// Astro's bundled assets have a content hash in their names; pages change with every build.
const setHeaders = (res: ServerResponse, pathname: string) => {
  res.setHeader('cache-control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('x-content-type-options', 'nosniff');
};

const notFound = (root: string) => (req: IncomingMessage, res: ServerResponse) => {
  const page = path.join(root, '404.html');
  if (!existsSync(page)) return text(res, 404, 'Not found\n');
  res.writeHead(404, { 'content-type': 'text/html;charset=utf-8', 'content-length': statSync(page).size, 'cache-control': 'no-cache' });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(page).pipe(res);
};

/** `/rooms?x=1` → `/rooms/?x=1` when rooms/index.html exists; undefined for anything else. */
const folderRedirect = (root: string, url: string): string | undefined => {
  // A base of our own: a url starting with `//` is a path here, not another host.
  const { pathname, search } = new URL(`http://site${url}`);
  if (pathname.endsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURI(pathname); // URL already removed `..` segments; `%2F` stays as it is
  } catch {
    return undefined;
  }
  return existsSync(path.join(root, decoded, 'index.html')) ? `${pathname}/${search}` : undefined;
};

const gzip = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The request handler serving `root()` (undefined: 503, not built yet). */
export const createStaticHandler = (root: () => string | undefined) => {
  let served: { root: string; handler: RequestHandler } | undefined;
  const handlerFor = (dir: string) => {
    if (served?.root !== dir) served = { root: dir, handler: sirv(dir, { etag: true, extensions: ['html'], setHeaders, onNoMatch: notFound(dir) }) };
    return served.handler;
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    const dir = root();
    if (dir === undefined) return text(res, 503, 'The site is being built; try again in a moment.\n', { 'retry-after': '5' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, 'Method not allowed\n', { allow: 'GET, HEAD' });
    // A file that vanished under a running download ends that download, not the server.
    res.on('pipe', (source) => source.on('error', () => res.destroy()));
    try {
      const location = folderRedirect(dir, req.url ?? '/');
      if (location) return void res.writeHead(301, { location }).end();
      const handler = handlerFor(dir);
      gzip(req, res, () => handler(req, res));
    } catch {
      // The folder went away between the switch and this request: the next one gets the new one.
      if (!res.headersSent) text(res, 503, 'Try again\n', { 'retry-after': '1' });
      else res.destroy();
    }
  };
};

export interface StaticServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Serves `root()` (asked on every request; undefined: 503, not built yet) on `host:port` (port 0: a free one). */
export const startStaticServer = async (options: { root: () => string | undefined; port: number; host?: string }): Promise<StaticServer> => {
  const server = createServer(createStaticHandler(options.root));
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
