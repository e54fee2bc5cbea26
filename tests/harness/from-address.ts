import http from 'node:http';
import type { TestCms } from './cms';

export type AddressedRequest = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>
) => Promise<{ status: number; body: any; headers: http.IncomingHttpHeaders }>;

/**
 * Requests sent from one loopback address (the whole 127.0.0.0/8 is this machine): unless the CMS
 * trusts a proxy, the connection's address is the only thing that tells clients apart.
 */
export const fromAddress =
  (cms: Pick<TestCms, 'url'>, address: string): AddressedRequest =>
  (method, path, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        cms.url + path,
        { method, localAddress: address, headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => {
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              // not JSON (a calendar feed): keep the text
            }
            resolve({ status: res.statusCode!, body: parsed, headers: res.headers });
          });
        }
      );
      req.on('error', reject);
      req.end(payload);
    });
