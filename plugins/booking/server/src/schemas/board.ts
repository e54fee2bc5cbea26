import { z } from 'zod';
import { isoDate, slugSchema, withinDays } from './fields';

export const MAX_BOARD_DAYS = 14;

/** An empty query parameter (`floor=`) means no filter. */
const emptyAsAbsent = (value: unknown) => (value === '' ? undefined : value);

/** The board's days (inclusive, in the centre's zone) and its filters; whether floor and room exist is the service's check. */
export const boardQuery = z
  .object({
    from: isoDate('is required: a date written YYYY-MM-DD'),
    to: isoDate('is required: a date written YYYY-MM-DD'),
    floor: z.preprocess(emptyAsAbsent, z.coerce.number({ error: 'must be a floor number' }).int('must be a whole floor number').optional()),
    room: z.preprocess(emptyAsAbsent, slugSchema.optional()),
  })
  .loose()
  .superRefine(withinDays(MAX_BOARD_DAYS));

export type BoardQuery = z.infer<typeof boardQuery>;
