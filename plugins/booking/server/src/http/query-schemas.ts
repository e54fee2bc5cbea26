import { z } from 'zod';
import { daysBetween, isValidIsoDate } from '../core/time/zoned';

export const localeQuery = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a locale code such as zh-CN or en')
  .optional();

export const roomListQuery = z.object({ locale: localeQuery }).loose();

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug of lower-case letters, digits and hyphens');

export const slugParams = z.object({ slug: slugSchema });

export const MAX_AVAILABILITY_DAYS = 62;

const isoDate = z.string().refine(isValidIsoDate, 'must be a date written YYYY-MM-DD');

/** Inclusive days in the centre's zone, at most 62 of them. */
export const availabilityQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    capacity: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
    locale: localeQuery,
  })
  .loose()
  .superRefine((q, ctx) => {
    if (!isValidIsoDate(q.from) || !isValidIsoDate(q.to)) return; // already reported per field
    const days = daysBetween(q.from, q.to) + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (days > MAX_AVAILABILITY_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${MAX_AVAILABILITY_DAYS} days after from (inclusive)` });
  });
