import { z } from 'zod';
import { isoDate, localeQuery, slugSchema, withinDays } from './fields';

export const roomListQuery = z.object({ locale: localeQuery }).loose();

export const slugParams = z.object({ slug: slugSchema });

export const MAX_AVAILABILITY_DAYS = 62;

/** Every room at once costs the database far more than one: a fortnight at most. */
export const MAX_ALL_ROOMS_DAYS = 14;

const availabilityFields = z
  .object({
    from: isoDate(),
    to: isoDate(),
    capacity: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
    locale: localeQuery,
  })
  .loose();

/** Inclusive days in the centre's zone, at most 62 of them. */
export const availabilityQuery = availabilityFields.superRefine(withinDays(MAX_AVAILABILITY_DAYS));

/** The same for every room at once, at most 14 days. */
export const allRoomsAvailabilityQuery = availabilityFields.superRefine(withinDays(MAX_ALL_ROOMS_DAYS));
