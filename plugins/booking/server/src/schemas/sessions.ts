import { z } from 'zod';
import { documentId, instant, isoDate, slugSchema, trimmedLines, withinDays } from './fields';

const format = z.enum(['json', 'csv'], { error: 'must be json or csv' }).default('json');

export const sessionParams = z.object({ id: documentId('a session') });

export const rosterQuery = z.object({ format }).loose();

/** A day's sessions for staff; the centre's today when `date` is left out. */
export const daySessionsQuery = z.object({ date: isoDate().optional() }).loose();

export const attendanceSchema = z.object({
  present: z
    .array(
      z.object({
        enrolment: documentId('an enrolment', 'is required: the id of an enrolment on the roster'),
        people: z.number({ error: 'must be a number of people' }).int('must be a whole number').min(1, 'must be at least 1').max(1000).optional(),
      }),
      { error: 'must be a list of { enrolment, people? }' }
    )
    .max(5000),
  walkIns: z.number({ error: 'must be a number of people' }).int('must be a whole number').min(0, 'must not be negative').max(100_000).optional(),
});
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const cancelSessionSchema = z.object({
  reason: trimmedLines(200, 'is required: tell the people enrolled why').min(1, 'is required: tell the people enrolled why'),
});

export const moveSessionSchema = z
  .object({
    start: instant.optional(),
    end: instant.optional(),
    room: slugSchema.optional(),
    reason: trimmedLines(200).optional().nullable(),
  })
  .superRefine((m, ctx) => {
    if (!m.start && !m.end && !m.room) ctx.addIssue({ code: 'custom', path: ['start'], message: 'give a new start, end or room' });
  });
export type MoveSessionInput = z.infer<typeof moveSessionSchema>;

/** Longest range a report covers: a whole (leap) year. */
export const MAX_REPORT_DAYS = 366;

const requiredDate = 'is required: a date written YYYY-MM-DD';
export const reportQuery = z
  .object({ from: isoDate(requiredDate), to: isoDate(requiredDate), format })
  .loose()
  .superRefine(withinDays(MAX_REPORT_DAYS));
