import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { clientKey } from '../utils/client-key';
import { tooManyRequests } from '../utils/errors';
import { rateLimiterFor, type Budget } from './rate-limiters';

/**
 * Spends one request of the client's budget (`config.budget`, forms unless said) and answers 429
 * with Retry-After once it is spent. The client is ctx.request.ip: the connection's address, or
 * behind trusted proxies (server.proxy in cms/config/server.ts) the address the nearest of them
 * saw, so a client cannot pick its own key with X-Forwarded-For.
 */
const rateLimit = (config: { budget?: Budget }, { strapi }: { strapi: Core.Strapi }) => {
  const budget = config?.budget ?? 'forms';

  return async (ctx: Context, next: Next) => {
    try {
      await rateLimiterFor(strapi, budget).consume(clientKey(String(ctx.request.ip)));
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      ctx.set('Retry-After', String(retryAfter));
      throw tooManyRequests(retryAfter);
    }
    await next();
  };
};

export default rateLimit;
