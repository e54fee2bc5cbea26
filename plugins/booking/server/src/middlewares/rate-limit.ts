import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { tooManyRequests } from '../utils/errors';
import { bookingConfig } from '../utils/plugin-config';

/**
 * A fixed window per client address and route group, kept in this process's memory: enough to
 * stop one phone or script hammering the booking form. Behind a proxy, set Strapi's
 * `server.proxy` so that ctx.request.ip is the client's address.
 */
const rateLimit = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const windows = new Map<string, { count: number; resetAt: number }>();

  return async (ctx: Context, next: Next) => {
    const { max, windowSeconds } = bookingConfig(strapi).rateLimit;
    const now = Date.now();
    if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
    const key = String(ctx.request.ip);
    let window = windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > max) {
      const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
      ctx.set('Retry-After', String(retryAfter));
      throw tooManyRequests(retryAfter);
    }
    await next();
  };
};

export default rateLimit;
