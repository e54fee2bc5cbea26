import { z } from 'zod';
import { parseOrThrow } from './parse';

/** The code of an "I can't come" link travels in this header, never in a URL a log keeps (as the manage token). */
export const CANT_COME_CODE_HEADER = 'X-Cant-Come-Code';

// Only the shape's bounds: whether it is one of ours is the service's question (an unknown code is a 404).
const header = z
  .object({
    'x-cant-come-code': z.string({ error: 'is required: the code from your "I can\'t come" link' }).regex(/^[A-Za-z0-9]{4,40}$/, 'is not a valid link'),
  })
  .loose();

/** The code a request carries, upper-cased (it may have been typed); a missing or malformed one is a 400. */
export const cantComeCodeOf = (ctx: { request: { headers: unknown } }): string => parseOrThrow(header, ctx.request.headers)['x-cant-come-code'].toUpperCase();
