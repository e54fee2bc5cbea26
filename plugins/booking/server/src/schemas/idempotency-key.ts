import { z } from 'zod';
import { storableString } from './fields';
import { parseOrThrow } from './parse';

const header = z.object({ 'idempotency-key': storableString().trim().min(8, 'must be at least 8 characters').max(200).optional() }).loose();

/** The optional Idempotency-Key header that makes a retried or double-clicked request count once. */
export const idempotencyKeyOf = (ctx: { request: { headers: unknown } }): string | undefined => parseOrThrow(header, ctx.request.headers)['idempotency-key'];
