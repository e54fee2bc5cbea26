import { z } from 'zod';

export interface BookingRules {
  /** Bookings start and end on this wall-clock grid (minutes since local midnight). */
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  /** Turnaround time kept free before and after every booking. */
  bufferMinutes: number;
  minNoticeMinutes: number;
  /** The last bookable day is (today in the centre's zone) + this many days. */
  maxAdvanceDays: number;
  requiresApproval: boolean;
  /** Hours one contact may hold in one room per ISO week; null = no limit. */
  weeklyQuotaHours: number | null;
}

export const DEFAULT_RULES: BookingRules = Object.freeze({
  slotMinutes: 30,
  minMinutes: 30,
  maxMinutes: 240,
  bufferMinutes: 0,
  minNoticeMinutes: 120,
  maxAdvanceDays: 90,
  requiresApproval: true,
  weeklyQuotaHours: null,
});

const MINUTES_PER_DAY = 1440;
/** Ten years: beyond this an availability or series computation is a mistake, not a plan. */
const MAX_ADVANCE_DAYS_LIMIT = 3660;
const HOURS_PER_WEEK = 168;

const wholeMinutes = (field: string) =>
  z
    .number({ error: `${field} must be a number of minutes` })
    .int({ error: `${field} must be a whole number of minutes` })
    .nonnegative({ error: `${field} must not be negative` });

const partialRulesSchema = z.strictObject(
  {
    slotMinutes: wholeMinutes('slotMinutes').positive({ error: 'slotMinutes must be at least 1' }).optional(),
    minMinutes: wholeMinutes('minMinutes').positive({ error: 'minMinutes must be at least 1' }).optional(),
    maxMinutes: wholeMinutes('maxMinutes').positive({ error: 'maxMinutes must be at least 1' }).optional(),
    bufferMinutes: wholeMinutes('bufferMinutes').max(MINUTES_PER_DAY, { error: `bufferMinutes must be at most ${MINUTES_PER_DAY}` }).optional(),
    minNoticeMinutes: wholeMinutes('minNoticeMinutes').optional(),
    maxAdvanceDays: z
      .number({ error: 'maxAdvanceDays must be a number of days' })
      .int({ error: 'maxAdvanceDays must be a whole number of days' })
      .nonnegative({ error: 'maxAdvanceDays must not be negative' })
      .max(MAX_ADVANCE_DAYS_LIMIT, { error: `maxAdvanceDays must be at most ${MAX_ADVANCE_DAYS_LIMIT}` })
      .optional(),
    requiresApproval: z.boolean({ error: 'requiresApproval must be true or false' }).optional(),
    weeklyQuotaHours: z
      .number({ error: 'weeklyQuotaHours must be a number of hours or null' })
      .positive({ error: 'weeklyQuotaHours must be more than 0 (use null for no limit)' })
      .max(HOURS_PER_WEEK, { error: `weeklyQuotaHours must be at most ${HOURS_PER_WEEK}` })
      .nullable()
      .optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown rule ${issue.keys.map((k) => `"${k}"`).join(', ')}` : 'booking rules must be an object') },
);

function checkCoherence(rules: BookingRules, ctx: z.RefinementCtx): void {
  const { slotMinutes, minMinutes, maxMinutes } = rules;
  if (MINUTES_PER_DAY % slotMinutes !== 0) {
    ctx.addIssue({ code: 'custom', path: ['slotMinutes'], message: `slotMinutes (${slotMinutes}) must divide a day of 1440 minutes evenly (e.g. 15, 30, 60)` });
    return;
  }
  if (minMinutes % slotMinutes !== 0) {
    ctx.addIssue({ code: 'custom', path: ['minMinutes'], message: `minMinutes (${minMinutes}) must be a multiple of slotMinutes (${slotMinutes})` });
  }
  if (maxMinutes % slotMinutes !== 0) {
    ctx.addIssue({ code: 'custom', path: ['maxMinutes'], message: `maxMinutes (${maxMinutes}) must be a multiple of slotMinutes (${slotMinutes})` });
  }
  if (minMinutes > maxMinutes) {
    ctx.addIssue({ code: 'custom', path: ['minMinutes'], message: `minMinutes (${minMinutes}) must not exceed maxMinutes (${maxMinutes})` });
  }
}

/**
 * Accepts a partial rules object (a room's overrides; null/undefined = none), fills the gaps
 * from DEFAULT_RULES and rejects combinations that make no sense. Output: full BookingRules.
 */
export const bookingRulesSchema = z
  .preprocess((input) => input ?? {}, partialRulesSchema)
  .transform((partial): BookingRules => ({ ...DEFAULT_RULES, ...stripUndefined(partial) }))
  .superRefine(checkCoherence);

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Full rules from partial overrides; throws a ZodError listing every problem when they are nonsense. */
export function resolveRules(partial: unknown): BookingRules {
  return bookingRulesSchema.parse(partial);
}
