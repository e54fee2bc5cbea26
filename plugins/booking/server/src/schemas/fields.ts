import { z } from 'zod';
import { daysBetween, isValidIsoDate } from '../core/time/zoned';
import { NOTIFY_BY, defaultNotifyBy } from '../../../shared/notify-by';
import { isMobileNumber, isPhoneShaped, normalisePhone } from '../utils/phone';

/** The field validators every request schema shares, each written once. */

/** An instant with an explicit offset or Z: a bare local time would be ambiguous. */
export const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date and time with an offset, like 2026-12-01T19:00:00+08:00' })
  .transform((s) => new Date(s));

// What no text field may hold, checked before anything else reads the text: control characters are
// invisible to the staff who read it back (and PostgreSQL's text refuses NUL outright), a lone UTF-16
// surrogate is no character at all (the database would store a replacement), and direction
// overrides make a name or reason show differently from what was stored.
const NUL = /\u0000/;
const CONTROL_ANY = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const DIRECTION_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const codePoint = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `typed` cannot be stored as a text field (one line, or several lines), or null when it can. */
export const unstorableText = (typed: string, multiLine: boolean): string | null => {
  const at = (pattern: RegExp) => pattern.exec(typed);
  const found = (match: RegExpExecArray) => `${codePoint(match[0])} at character ${match.index + 1}`;
  let match: RegExpExecArray | null;
  if ((match = at(NUL))) return `must not contain the NUL character (${found(match)}): it cannot be stored`;
  if ((match = at(LONE_SURROGATE))) return `holds a broken character (a lone UTF-16 surrogate, ${found(match)}) that cannot be stored`;
  if ((match = at(multiLine ? CONTROL_BUT_LINES : CONTROL_ANY)))
    return multiLine ? `must not contain control characters other than line breaks and tabs (${found(match)})` : `must not contain control characters or line breaks (${found(match)})`;
  if ((match = at(DIRECTION_OVERRIDE))) return `must not contain text-direction overrides (${found(match)}): the text would show differently from what is stored`;
  return null;
};

/** A string the database can store and staff can read; every text field of every request starts here. */
export const storableString = (options: { multiLine?: boolean; error?: string } = {}) =>
  z.string({ error: options.error ?? 'must be text' }).superRefine((typed, ctx) => {
    const reason = unstorableText(typed, options.multiLine ?? false);
    // Nothing else is said about a text that cannot be stored: its length or shape would be noise.
    if (reason) ctx.addIssue({ code: 'custom', message: reason, continue: false });
  });

/** One line of text as typed, without surrounding spaces, at most `max` characters. */
export const trimmed = (max: number, error?: string) => storableString({ error }).trim().max(max, `must be at most ${max} characters`);

/** Text that may run over several lines (a purpose, a note, a reason), trimmed, at most `max` characters. */
export const trimmedLines = (max: number, error?: string) => storableString({ multiLine: true, error }).trim().max(max, `must be at most ${max} characters`);

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

/** A blank contact field means none (zod's unions would drop our reasons for a generic one, hence no `.or('')`). */
const blankAsNone = (typed: string) => (typed === '' ? null : typed);

/**
 * A phone number the centre can call: digits, spaces or dashes, checked by libphonenumber and
 * stored as typed (trimmed). Empty means none. The two messages differ so a person (or staff
 * typing for a caller) can see what to fix.
 */
export const optionalPhone = storableString()
  .trim()
  .superRefine((typed, ctx) => {
    if (typed === '') return;
    if (!isPhoneShaped(typed)) ctx.addIssue({ code: 'custom', message: 'must be a phone number of digits, spaces or dashes' });
    else if (normalisePhone(typed) === null) ctx.addIssue({ code: 'custom', message: 'has too few or too many digits to be a phone number (a mobile number has 11)' });
  })
  .transform(blankAsNone)
  .optional()
  .nullable();

export const optionalEmail = storableString().trim().transform(blankAsNone).pipe(z.email('must be an e-mail address').nullable()).optional().nullable();

export const people = z.number({ error: 'must be a number of people' }).int('must be a whole number').min(1, 'must be at least 1');

/** A request must give the centre a way to reach the person. */
export const requireContact = (r: { phone?: string | null; email?: string | null }, ctx: z.RefinementCtx) => {
  if (!r.phone && !r.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'give a phone number or an e-mail address so the centre can reach you' });
};

/** How the person wants to be told; without it, as before the choice existed (see `defaultNotifyBy`). */
export const notifyBy = z.enum(NOTIFY_BY, { error: 'must be one of email, sms or call' }).optional().nullable();

/**
 * The chosen channel needs its detail: an address for mail, a mobile number for a text message, a
 * number for a call. Reported on `notifyBy`, the message naming the missing detail, since the person
 * may fix either. A number that is no phone number at all is left to `phone`, which says why.
 */
export const requireChosenChannel = (r: { phone?: string | null; email?: string | null; notifyBy?: string | null }, ctx: z.RefinementCtx) => {
  // The code lets a form say it in the person's language.
  const refuse = (code: string, message: string) => ctx.addIssue({ code: 'custom', path: ['notifyBy'], message, params: { code } });
  if (r.notifyBy === 'email' && !r.email) refuse('notify_needs_email', 'is email: give an e-mail address in email, or choose sms or call');
  if (r.notifyBy === 'sms' && !r.phone) refuse('notify_needs_mobile', 'is sms: give a mobile number in phone, or choose email or call');
  if (r.notifyBy === 'sms' && r.phone && normalisePhone(r.phone) !== null && !isMobileNumber(r.phone))
    refuse('notify_not_mobile', 'is sms: the phone number is not a mobile number a text message can reach: give a mobile number, or choose email or call');
  if (r.notifyBy === 'call' && !r.phone) refuse('notify_needs_phone', 'is call: give a phone number in phone, or choose email or sms');
};

/** The request's channel, its default filled in once the request is known to be valid. */
export const withNotifyBy = <T extends { email?: string | null; notifyBy?: 'email' | 'sms' | 'call' | null }>(r: T) => ({ ...r, notifyBy: r.notifyBy ?? defaultNotifyBy(r) });

/** `to` is not before `from` and the inclusive range holds at most `maxDays` days. */
export const withinDays =
  (maxDays: number) =>
  (q: { from: string; to: string }, ctx: z.RefinementCtx) => {
    if (!isValidIsoDate(q.from) || !isValidIsoDate(q.to)) return; // already reported per field
    const days = daysBetween(q.from, q.to) + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (days > maxDays) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${maxDays} days after from (inclusive)` });
  };
