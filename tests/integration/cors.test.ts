import { startTestCms, type TestCms } from '../harness/cms';

const SITE = 'https://linli-site.example';

/** The browser's preflight before the reservation form's POST. */
const preflight = (cms: TestCms, origin: string) =>
  fetch(`${cms.url}/api/booking/reservations`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
  });

describe('CORS: the site’s origin and no other', () => {
  let cms: TestCms;
  beforeAll(async () => {
    cms = await startTestCms({ env: { CORS_ORIGINS: SITE } });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('lets the site’s forms POST with an Idempotency-Key and read Retry-After', async () => {
    const res = await preflight(cms, SITE);
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const get = await fetch(`${cms.url}/api/booking/rooms`, { headers: { origin: SITE } });
    expect(get.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(get.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('retry-after');
  });

  it('lets the manage page send a link’s token in X-Manage-Token', async () => {
    const res = await fetch(`${cms.url}/api/booking/reservations/manage`, {
      method: 'OPTIONS',
      headers: { origin: SITE, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-manage-token' },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-manage-token');
  });

  it('gives another origin no permission: no CORS header at all, not even *', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:4321']) {
      const res = await preflight(cms, origin);
      expect({ origin, allowOrigin: res.headers.get('access-control-allow-origin'), allowMethods: res.headers.get('access-control-allow-methods') }).toEqual({
        origin,
        allowOrigin: null,
        allowMethods: null,
      });
      const get = await fetch(`${cms.url}/api/booking/rooms`, { headers: { origin } });
      expect(get.status).toBe(200);
      expect({ origin, allowOrigin: get.headers.get('access-control-allow-origin') }).toEqual({ origin, allowOrigin: null });
    }
  });
});
