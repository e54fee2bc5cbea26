import type { TestCms } from './cms';
import { TEST_ADMIN } from './cms';

export interface AdminSession {
  token: string;
  request(method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
}

// Strapi limits admin sign-ins per address and e-mail (a few a minute); a test signs in once per CMS.
const sessions = new WeakMap<Requester, Promise<AdminSession>>();

/** A CMS, or a proxy in front of several. */
type Requester = Pick<TestCms, 'request'>;

const signIn = async (cms: Requester): Promise<AdminSession> => {
  const login = await cms.request('POST', '/admin/login', TEST_ADMIN);
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const token: string = login.body.data.token ?? login.body.data.accessToken;
  const auth = { authorization: `Bearer ${token}` };
  return {
    token,
    request: (method: string, urlPath: string, body?: unknown) => cms.request(method, urlPath, body, auth),
  };
};

/** Request helpers carrying the test's staff account's admin token (signed in once per CMS). */
export const asAdmin = (cms: Requester): Promise<AdminSession> => {
  let session = sessions.get(cms);
  if (!session) {
    session = signIn(cms);
    sessions.set(cms, session);
    // A failed sign-in is not kept: the next call tries again.
    session.catch(() => sessions.delete(cms));
  }
  return session;
};

/** users-permissions' Public role as Settings › Users & Permissions › Roles shows it to staff. */
export const publicRole = async (admin: AdminSession): Promise<any> => {
  const { body: list } = await admin.request('GET', '/users-permissions/roles');
  const { id } = list.roles.find((role: { type: string }) => role.type === 'public');
  const { body } = await admin.request('GET', `/users-permissions/roles/${id}`);
  return body.role;
};

/** The Public role's entry for one of the plugin's routes (`controller.action`, e.g. `rooms.find`). */
const routePermission = (role: any, route: string): { enabled: boolean } => {
  const [controller, action] = route.split('.');
  return role.permissions['plugin::booking'].controllers[controller][action];
};

/** Whether the Public role may call one of the plugin's routes. */
export const publicMay = (role: any, route: string): boolean => routePermission(role, route).enabled;

/** Ticks or unticks one of the plugin's routes for the Public role, as staff do on that page. */
export const setPublicPermission = async (admin: AdminSession, route: string, enabled: boolean): Promise<void> => {
  const role = await publicRole(admin);
  routePermission(role, route).enabled = enabled;
  const update = await admin.request('PUT', `/users-permissions/roles/${role.id}`, {
    name: role.name,
    description: role.description,
    type: role.type,
    permissions: role.permissions,
  });
  if (update.status !== 200) throw new Error(`updating the Public role: ${update.status} ${JSON.stringify(update.body)}`);
};
