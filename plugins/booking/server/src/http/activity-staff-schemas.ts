import { z } from 'zod';
import { daysBetween, isValidIsoDate } from '../core/time/zoned';
import { slugSchema } from './query-schemas';

/** An instant with an explicit offset or Z: a bare local time would be ambiguous. */
const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date and time with an offset, like 2026-12-01T19:00:00+08:00' })
  .transform((s) => new Date(s));

const isoDate = z.string({ error: 'is required: a date written YYYY-MM-DD' }).refine(isValidIsoDate, 'must be a date written YYYY-MM-DD');
const format = z.enum(['json', 'csv'], { error: 'must be json or csv' }).default('json');

export const sessionParams = z.object({ id: z.string().regex(/^[a-z0-9]{10,40}$/, 'must be the id of a session') });

export const rosterQuery = z.object({ format }).loose();

export const attendanceSchema = z.object({
  present: z
    .array(
      z.object({
        enrolment: z.string({ error: 'is required: the id of an enrolment on the roster' }).regex(/^[a-z0-9]{10,40}$/, 'must be the id of an enrolment'),
        people: z.number({ error: 'must be a number of people' }).int('must be a whole number').min(1, 'must be at least 1').max(1000).optional(),
      }),
      { error: 'must be a list of { enrolment, people? }' }
    )
    .max(5000),
  walkIns: z.number({ error: 'must be a number of people' }).int('must be a whole number').min(0, 'must not be negative').max(100_000).optional(),
});
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const cancelSessionSchema = z.object({
  reason: z.string({ error: 'is required: tell the people enrolled why' }).trim().min(1, 'is required: tell the people enrolled why').max(200, 'must be at most 200 characters'),
});

export const moveSessionSchema = z
  .object({
    start: instant.optional(),
    end: instant.optional(),
    room: slugSchema.optional(),
    reason: z.string().trim().max(200, 'must be at most 200 characters').optional().nullable(),
  })
  .superRefine((m, ctx) => {
    if (!m.start && !m.end && !m.room) ctx.addIssue({ code: 'custom', path: ['start'], message: 'give a new start, end or room' });
  });
export type MoveSessionInput = z.infer<typeof moveSessionSchema>;

/** Longest range a report covers: a whole (leap) year. */
export const MAX_REPORT_DAYS = 366;

export const reportQuery = z
  .object({ from: isoDate, to: isoDate, format })
  .loose()
  .superRefine((q, ctx) => {
    if (!isValidIsoDate(q.from) || !isValidIsoDate(q.to)) return; // already reported per field
    const days = daysBetween(q.from, q.to) + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (days > MAX_REPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${MAX_REPORT_DAYS} days after from (inclusive)` });
  });
