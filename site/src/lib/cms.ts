import pMap from 'p-map';

/**
 * Where the CMS is. CMS_URL is read at build time (the machine building the site);
 * PUBLIC_CMS_URL is what a resident's browser uses, and defaults to the same address.
 */
export const cmsUrl = (process.env.CMS_URL || 'http://127.0.0.1:1337').replace(/\/$/, '');
export const publicCmsUrl = (process.env.PUBLIC_CMS_URL || cmsUrl).replace(/\/$/, '');

/** Media from Strapi's local upload provider come back as paths on the CMS. */
export const mediaUrl = (url: string): string => (/^https?:\/\//.test(url) ? url : `${publicCmsUrl}${url}`);

/** A GET whose connection failed is asked again this many times: a busy CMS may drop a kept-alive connection. */
const RETRIES = 2;

export const fetchFromCms = async <T>(path: string): Promise<T> => {
  let res: Response | undefined;
  for (let attempt = 0; !res; attempt++) {
    try {
      res = await fetch(`${cmsUrl}${path}`, { headers: { accept: 'application/json' } });
    } catch (error) {
      if (attempt < RETRIES) continue;
      // An empty site published by mistake is worse than a failed build.
      const cause = (error as Error & { cause?: Error }).cause;
      throw new Error(`The site is built from the CMS, but ${cmsUrl} did not answer (set CMS_URL): ${(error as Error).message}${cause ? ` (${cause.message})` : ''}`);
    }
  }
  if (!res.ok) throw new Error(`GET ${cmsUrl}${path} answered ${res.status}`);
  return (await res.json()) as T;
};

/**
 * How many GETs the build keeps open at once: enough to keep the CMS and the build both busy (the
 * CMS answers one while the build parses another), few enough not to crowd out the CMS's other
 * visitors or reach its read rate limit in a burst.
 */
const CONCURRENT_FETCHES = 4;

/** `fetchOne` for every item, a few at a time; the answers in the items' order. */
export const fetchEachFromCms = <T, R>(items: readonly T[], fetchOne: (item: T) => Promise<R>): Promise<R[]> =>
  pMap(items, fetchOne, { concurrency: CONCURRENT_FETCHES });
