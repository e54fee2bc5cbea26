import path from 'node:path';
import type { TestCms } from './cms';

/** The environment that makes a test CMS count each request's queries (count-queries.cjs). */
export const countingQueries = (): Record<string, string> => ({
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(__dirname, 'count-queries.cjs')}`.trim(),
});

/** The queries one GET made, asked twice so caches filled by a first request do not count. */
export const queriesOf = async (cms: TestCms, urlPath: string): Promise<number> => {
  await cms.get(urlPath);
  const res = await cms.get(urlPath);
  if (res.status !== 200) throw new Error(`GET ${urlPath}: ${res.status} ${JSON.stringify(res.body)}`);
  const count = res.headers.get('x-test-query-count');
  if (count === null) throw new Error('no X-Test-Query-Count header: start the CMS with countingQueries()');
  return Number(count);
};
