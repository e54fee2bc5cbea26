import { z } from 'zod';
import { parseOrThrow } from './parse';

/**
 * The secret of a manage link travels in this header, never in the URL: Strapi's http log, proxies
 * and browsers' histories keep every path and query string.
 */
export const MANAGE_TOKEN_HEADER = 'X-Manage-Token';

const header = z
  .object({
    'x-manage-token': z.string({ error: 'is required: the token from your manage link' }).regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not a valid link'),
  })
  .loose();

/** The manage token a request carries; a missing or malformed one is a 400 that never repeats it. */
export const manageTokenOf = (ctx: { request: { headers: unknown } }): string => parseOrThrow(header, ctx.request.headers)['x-manage-token'];
