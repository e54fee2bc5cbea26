// The CMS's HTTP API as the bench scripts use it: JSON requests, the admin login, and creating
// content as an editor does in the content manager.

/** The admin account every bench CMS is started with (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const ADMIN = { email: 'bench@linli.test', password: 'Linli-Bench-2026' };

export interface CmsAnswer {
  status: number;
  /** Parsed JSON; the text when it is not JSON (null for a download). */
  body: any;
  bytes: number;
}

export const expectStatus = (what: string, res: { status: number; body: unknown }, status: number): void => {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
};

export const cmsClient = (baseUrl: string) => {
  const request = async (method: string, urlPath: string, body?: unknown, token?: string): Promise<CmsAnswer> => {
    const res = await fetch(baseUrl + urlPath, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (a download)
    }
    return { status: res.status, body: parsed, bytes: bytes.length };
  };

  /** The admin's session token. */
  const login = async (): Promise<string> => {
    const res = await request('POST', '/admin/login', ADMIN);
    expectStatus('admin login', res, 200);
    return res.body.data.token ?? res.body.data.accessToken;
  };

  /**
   * A front-desk colleague's session token: the admin invites them with the plugin's Front desk role
   * (plugins/booking/server/src/constants.ts FRONT_DESK_ROLE) and they register, as a centre does it.
   */
  const frontDeskLogin = async (adminToken: string): Promise<string> => {
    const roles = await request('GET', '/admin/roles', undefined, adminToken);
    expectStatus('admin roles', roles, 200);
    const role = (roles.body.data as Array<{ id: number; code: string }>).find((r) => r.code === 'booking-front-desk');
    if (!role) throw new Error(`no Front desk role among ${JSON.stringify(roles.body.data.map((r: { code: string }) => r.code))}`);
    const invited = await request('POST', '/admin/users', { firstname: '小', lastname: '李', email: 'desk@linli.test', roles: [role.id] }, adminToken);
    expectStatus('invite a front-desk colleague', invited, 201);
    const registered = await request('POST', '/admin/register', {
      registrationToken: invited.body.data.registrationToken,
      userInfo: { firstname: '小', lastname: '李', password: 'Desk-Bench-2026' },
    });
    expectStatus('front-desk registration', registered, 200);
    return registered.body.data.token ?? registered.body.data.accessToken;
  };

  /**
   * Creates a document in Chinese as the content manager does and publishes it (`publish: false`
   * for types without drafts); its documentId.
   */
  const createPublished = async (token: string, uid: string, data: Record<string, unknown>, what: string, publish = true): Promise<string> => {
    const created = await request('POST', `/content-manager/collection-types/${uid}?locale=zh-CN`, data, token);
    expectStatus(`create ${what}`, created, 201);
    const id: string = created.body.data.documentId;
    if (publish) expectStatus(`publish ${what}`, await request('POST', `/content-manager/collection-types/${uid}/${id}/actions/publish?locale=zh-CN`, {}, token), 200);
    return id;
  };

  return { request, login, frontDeskLogin, createPublished };
};

/** Runs `work(i)` for i in [0, n) on a few workers, as several editors at once. */
export const inParallel = async (n: number, workers: number, work: (i: number) => Promise<void>): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < n) await work(next++);
    })
  );
};
