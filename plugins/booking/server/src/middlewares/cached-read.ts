import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { requestDataVersion } from '../auth/request-data-version';
import { AnswerCache, PreparedAnswer, type Encoding } from '../utils/answer-cache';

// Strapi builds one middleware per route; the cache is one per CMS process.
const byStrapi = new WeakMap<Core.Strapi, AnswerCache>();
const cacheOf = (strapi: Core.Strapi): AnswerCache => {
  let cache = byStrapi.get(strapi);
  if (!cache) {
    cache = new AnswerCache(bookingCacheEntries);
    byStrapi.set(strapi, cache);
  }
  return cache;
};
/** Enough for every room's list, page and a few weeks of availability in two languages; ~1 MiB at most each. */
const bookingCacheEntries = 500;

/**
 * If-None-Match as RFC 9110 has the origin evaluate it (weak comparison, `*` for any). Not Koa's
 * `ctx.fresh`: it ignores the tag when the request says `Cache-Control: no-cache`, which fetch()
 * adds to every request carrying its own If-None-Match.
 */
const matchesIfNoneMatch = (header: string, etag: string): boolean =>
  header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);

/**
 * A public GET whose answer depends only on the booking data: answered from a cache keyed by the
 * data version (repositories/data-version.ts), which any process's write changes, so every process
 * answers from the data as committed. The answer carries an ETag (304 to a matching If-None-Match)
 * and is compressed when the client accepts it. Only 200 answers are kept; errors pass as they are.
 */
const cachedRead = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    // The version is read before the data (here, or already by the public read strategy): an answer kept under it is never older than it.
    const version = await requestDataVersion(ctx, strapi);
    const key = `${version} ${ctx.path}?${ctx.querystring}`;
    let ownResult = false;
    const { answer } = await cacheOf(strapi).get(key, async () => {
      ownResult = true;
      await next();
      if (ctx.status !== 200 || ctx.body === undefined || ctx.body === null || Buffer.isBuffer(ctx.body)) return null;
      return PreparedAnswer.of(ctx.body);
    });
    if (!answer) {
      // Not cacheable: this request's own answer stands; one that waited on another's makes its own.
      if (!ownResult) await next();
      return;
    }
    ctx.status = 200;
    ctx.set('ETag', answer.etag);
    ctx.set('Cache-Control', 'public, no-cache');
    ctx.vary('Accept-Encoding');
    ctx.type = 'application/json; charset=utf-8';
    if (matchesIfNoneMatch(ctx.get('If-None-Match'), answer.etag)) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    const encoding = ctx.acceptsEncodings('br', 'gzip', 'identity') as Encoding | 'identity' | false;
    if (encoding === 'br' || encoding === 'gzip') {
      ctx.set('Content-Encoding', encoding);
      ctx.body = await answer.encodedAs(encoding);
    } else {
      ctx.body = answer.body;
    }
  };
};

export default cachedRead;
