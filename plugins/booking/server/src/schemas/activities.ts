import { z } from 'zod';
import { documentId, isoDate, localeQuery, trimmed, withinDays } from './fields';

export const localeOnly = z.object({ locale: localeQuery }).loose();

export const MAX_TIMETABLE_DAYS = 62;

/** A week, or inclusive days from and to (at most 62 of them). */
export const timetableQuery = z
  .object({ week: z.string().regex(/^\d{4}-W\d{2}$/, 'must be an ISO week written YYYY-Www, like 2026-W48').optional(), from: isoDate().optional(), to: isoDate().optional(), locale: localeQuery })
  .loose()
  .superRefine((q, ctx) => {
    if (q.from && q.to) withinDays(MAX_TIMETABLE_DAYS)({ from: q.from, to: q.to }, ctx);
  });

const activityType = z.enum(['course', 'event'], { error: 'must be course or event' });

/** Staff's list of courses and events: one kind or both, optionally those whose title or slug holds `q`. */
export const staffActivitiesQuery = z.object({ type: activityType.optional(), q: trimmed(80).optional() }).loose();

export const staffActivityParams = z.object({ type: activityType, documentId: documentId('a course or event') });
