import { z } from 'zod';
import { isoDate, localeQuery, slugSchema, withinDays } from './fields';

export const roomListQuery = z.object({ locale: localeQuery }).loose();

export const slugParams = z.object({ slug: slugSchema });

export const MAX_AVAILABILITY_DAYS = 62;

/** Inclusive days in the centre's zone, at most 62 of them. */
export const availabilityQuery = z
  .object({
    from: isoDate(),
    to: isoDate(),
    capacity: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
    locale: localeQuery,
  })
  .loose()
  .superRefine(withinDays(MAX_AVAILABILITY_DAYS));
