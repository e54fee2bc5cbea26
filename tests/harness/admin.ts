import type { TestCms } from './cms';
import { TEST_ADMIN } from './cms';

/** Signs in as the test's staff account and returns request helpers carrying the admin token. */
export const asAdmin = async (cms: TestCms) => {
  const login = await cms.request('POST', '/admin/login', TEST_ADMIN);
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const token: string = login.body.data.token ?? login.body.data.accessToken;
  const auth = { authorization: `Bearer ${token}` };
  return {
    token,
    request: (method: string, urlPath: string, body?: unknown) => cms.request(method, urlPath, body, auth),
  };
};
