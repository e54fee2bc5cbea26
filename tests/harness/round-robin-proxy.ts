import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxyServer } from 'http-proxy-3';

export interface RoundRobinProxy {
  url: string;
  /** How many requests each upstream was sent, by its URL. */
  served: Map<string, number>;
  stop(): Promise<void>;
}

/**
 * A load balancer as a deployment has one: each request to the next upstream in turn, with the
 * client's address appended to X-Forwarded-For as nginx's `$proxy_add_x_forwarded_for` does.
 * `upstreams` is read per request, so a process restarted on another port is followed.
 */
export const startRoundRobinProxy = async (upstreams: () => string[]): Promise<RoundRobinProxy> => {
  const proxy = createProxyServer({ xfwd: true });
  const served = new Map<string, number>();
  let turn = 0;
  const server = http.createServer((req, res) => {
    const targets = upstreams();
    const target = targets[turn++ % targets.length];
    served.set(target, (served.get(target) ?? 0) + 1);
    proxy.web(req, res, { target });
  });
  proxy.on('error', (error, _req, res) => {
    // A dead upstream is a 502, as from nginx: the test sees it as an answer, not a hang.
    if (res instanceof http.ServerResponse && !res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`proxy: ${error.message}`);
  });
  // IPv4 only, so the address the proxy appends is the client's dotted address, not an IPv4-mapped one.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
