import { z } from 'zod';
import { daysBetween, isValidIsoDate } from '../core/time/zoned';
import { isPhoneShaped, normalisePhone } from '../utils/phone';

/** The field validators every request schema shares, each written once. */

/** An instant with an explicit offset or Z: a bare local time would be ambiguous. */
export const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date and time with an offset, like 2026-12-01T19:00:00+08:00' })
  .transform((s) => new Date(s));

/** Text as typed, without surrounding spaces, at most `max` characters. */
export const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** A Strapi documentId (what the API calls `id`), naming what it should be the id of. */
export const documentId = (of: string, required?: string) =>
  z.string(required ? { error: required } : undefined).regex(/^[a-z0-9]{10,40}$/, `must be the id of ${of}`);

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug of lower-case letters, digits and hyphens');

export const localeQuery = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a locale code such as zh-CN or en')
  .optional();

export const language = z.enum(['zh-CN', 'en']);

/** A calendar date in the centre's zone. */
export const isoDate = (required?: string) => z.string(required ? { error: required } : undefined).refine(isValidIsoDate, 'must be a date written YYYY-MM-DD');

/**
 * A phone number the centre can call: digits, spaces or dashes, checked by libphonenumber and
 * stored as typed (trimmed). Empty means none. The two messages differ so a person (or staff
 * typing for a caller) can see what to fix.
 */
export const optionalPhone = z
  .string()
  .trim()
  .superRefine((typed, ctx) => {
    if (!isPhoneShaped(typed)) ctx.addIssue({ code: 'custom', message: 'must be a phone number of digits, spaces or dashes' });
    else if (normalisePhone(typed) === null) ctx.addIssue({ code: 'custom', message: 'has too few or too many digits to be a phone number (a mobile number has 11)' });
  })
  .optional()
  .nullable()
  .or(z.literal('').transform(() => null));

export const optionalEmail = z.email('must be an e-mail address').trim().optional().nullable().or(z.literal('').transform(() => null));

export const people = z.number({ error: 'must be a number of people' }).int('must be a whole number').min(1, 'must be at least 1');

/** A request must give the centre a way to reach the person. */
export const requireContact = (r: { phone?: string | null; email?: string | null }, ctx: z.RefinementCtx) => {
  if (!r.phone && !r.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'give a phone number or an e-mail address so the centre can reach you' });
};

/** `to` is not before `from` and the inclusive range holds at most `maxDays` days. */
export const withinDays =
  (maxDays: number) =>
  (q: { from: string; to: string }, ctx: z.RefinementCtx) => {
    if (!isValidIsoDate(q.from) || !isValidIsoDate(q.to)) return; // already reported per field
    const days = daysBetween(q.from, q.to) + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (days > maxDays) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${maxDays} days after from (inclusive)` });
  };
