import { z } from 'zod';
import { isValidIsoDate } from '../core/time/zoned';

/** An instant with an explicit offset or Z: a bare local time would be ambiguous. */
const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date and time with an offset, like 2026-12-01T19:00:00+08:00' })
  .transform((s) => new Date(s));

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const reservationRequestSchema = z
  .object({
    room: z.string({ error: 'is required: the slug of a room' }).trim().min(1, 'is required: the slug of a room').max(80),
    start: instant,
    end: instant,
    purpose: trimmed(200).min(1, 'is required: say what the room is for'),
    organization: trimmed(120).optional().nullable(),
    contactName: trimmed(80).min(1, 'is required: the name of the person to contact'),
    phone: z
      .string()
      .trim()
      .regex(/^[+\d][\d\s-]{5,30}$/, 'must be a phone number of digits, spaces or dashes')
      .optional()
      .nullable()
      .or(z.literal('').transform(() => null)),
    email: z.email('must be an e-mail address').trim().optional().nullable().or(z.literal('').transform(() => null)),
    attendees: z.number({ error: 'must be a number of people' }).int('must be a whole number').min(1, 'must be at least 1').max(10_000),
    language: z.enum(['zh-CN', 'en']).optional(),
    repeat: z
      .object({
        frequency: z.literal('weekly', { error: 'only "weekly" is supported' }),
        until: z.string().refine(isValidIsoDate, 'must be a date written YYYY-MM-DD'),
      })
      .optional()
      .nullable(),
    skipConflicts: z.boolean().optional(),
  })
  .superRefine((r, ctx) => {
    if (!r.phone && !r.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'give a phone number or an e-mail address so the centre can reach you' });
  });

export type ReservationRequest = z.infer<typeof reservationRequestSchema>;

export const manageTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not a valid link') });

export const cancelRequestSchema = z.object({ start: instant.optional() });

export const rejectRequestSchema = z.object({ reason: trimmed(500).min(1, 'is required: tell the requester why') });

export const referenceParams = z.object({ reference: z.string().regex(/^LL-[A-Z0-9]{5}$/, 'must be a reference like LL-7K3Q9') });
