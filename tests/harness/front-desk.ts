import type { Page } from 'playwright-core';
import { asAdmin } from './admin';
import type { TestCms } from './cms';

/** The role the plugin makes on first start (plugins/booking/server/src/constants.ts FRONT_DESK_ROLE). */
export const FRONT_DESK_ROLE_CODE = 'booking-front-desk';

export interface StaffAccount {
  email: string;
  password: string;
  /** Admin API requests carrying this account's token. */
  request(method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
}

/**
 * A staff account as a centre makes one: the super admin invites a colleague with the given role
 * (the Front desk role unless told), and the colleague registers and picks the panel's language.
 */
export const createStaffAccount = async (
  cms: TestCms,
  options: { email: string; roleCode?: string; language?: 'zh-Hans' | 'en' } = { email: 'desk@linli.test' }
): Promise<StaffAccount> => {
  const admin = await asAdmin(cms);
  const roles = await admin.request('GET', '/admin/roles');
  const role = (roles.body.data as Array<{ id: number; code: string }>).find((r) => r.code === (options.roleCode ?? FRONT_DESK_ROLE_CODE));
  if (!role) throw new Error(`no admin role ${options.roleCode ?? FRONT_DESK_ROLE_CODE}: ${JSON.stringify(roles.body)}`);
  const invited = await admin.request('POST', '/admin/users', { firstname: '小', lastname: '李', email: options.email, roles: [role.id] });
  if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${JSON.stringify(invited.body)}`);
  const password = 'Desk-Test-2026';
  const registered = await cms.request('POST', '/admin/register', {
    registrationToken: invited.body.data.registrationToken,
    userInfo: { firstname: '小', lastname: '李', password },
  });
  if (registered.status !== 200) throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  const auth = { authorization: `Bearer ${registered.body.data.token ?? registered.body.data.accessToken}` };
  const request: StaffAccount['request'] = (method, urlPath, body) => cms.request(method, urlPath, body, auth);
  const language = await request('PUT', '/admin/users/me', { preferedLanguage: options.language ?? 'zh-Hans' });
  if (language.status !== 200) throw new Error(`language: ${language.status} ${JSON.stringify(language.body)}`);
  return { email: options.email, password, request };
};

/** `account` signed in again, e.g. to a CMS restarted on the same database. */
export const signInAgain = async (cms: TestCms, account: { email: string; password: string }): Promise<StaffAccount> => {
  const login = await cms.request('POST', '/admin/login', { email: account.email, password: account.password });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  const auth = { authorization: `Bearer ${login.body.data.token ?? login.body.data.accessToken}` };
  return { ...account, request: (method, urlPath, body) => cms.request(method, urlPath, body, auth) };
};

/** Signs in to the admin panel in the browser as `account`; the panel opens in the account's language. */
export const signInToPanel = async (page: Page, cms: TestCms, account: { email: string; password: string }) => {
  await page.goto(`${cms.url}/admin/auth/login`);
  await page.getByLabel(/^(Email|邮件|邮箱|电子邮件)/).fill(account.email);
  await page.getByLabel(/^(Password|密码)/).fill(account.password);
  await page.getByRole('button', { name: /^(Login|登录)$/ }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
};
