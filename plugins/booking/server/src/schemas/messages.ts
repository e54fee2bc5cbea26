import { z } from 'zod';
import { isValidIsoDate, daysBetween } from '../core/time/zoned';
import { isoDate, trimmedLines } from './fields';

const STATES = ['queued', 'sending', 'sent', 'retrying', 'failed'] as const;
const REFERENCE = /^LL-[A-Z0-9]{5}$/;
const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;

/** `reservation:<reference>` or `enrolment:<documentId>`: the booking whose messages staff read. */
const about = z
  .string()
  .transform((typed, ctx) => {
    const [kind, id = ''] = typed.split(':', 2);
    if (kind === 'reservation' && REFERENCE.test(id)) return { kind, id } as const;
    if (kind === 'enrolment' && DOCUMENT_ID.test(id)) return { kind, id } as const;
    ctx.addIssue({ code: 'custom', message: 'must be reservation:<reference> (like reservation:LL-7K3Q9) or enrolment:<enrolment id>' });
    return z.NEVER;
  });

/** `failed,retrying`: states separated by commas. */
const states = z.string().transform((typed, ctx) => {
  const named = typed.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = named.filter((s) => !(STATES as readonly string[]).includes(s));
  if (named.length === 0 || unknown.length > 0) {
    ctx.addIssue({ code: 'custom', message: `must be one or more of ${STATES.join(', ')}, separated by commas${unknown.length ? ` (not ${unknown.join(', ')})` : ''}` });
    return z.NEVER;
  }
  return [...new Set(named)] as Array<(typeof STATES)[number]>;
});

/**
 * GET /booking/messages: one booking's messages (`about`), or the log filtered by state and by the
 * days (YYYY-MM-DD on the centre's clock) the messages were written, failures first.
 */
export const messagesQuery = z
  .object({
    about: about.optional(),
    state: states.optional(),
    from: isoDate().optional(),
    to: isoDate().optional(),
    limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(200),
  })
  .loose()
  .superRefine((q, ctx) => {
    if (q.about && (q.state || q.from || q.to)) ctx.addIssue({ code: 'custom', path: ['about'], message: 'cannot be combined with state, from or to: it lists every message about one booking' });
    if (q.from && q.to && isValidIsoDate(q.from) && isValidIsoDate(q.to) && daysBetween(q.from, q.to) < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });

export const messageParams = z.object({ id: z.coerce.number({ error: 'must be a message id' }).int('must be a message id').positive('must be a message id') });

/** GET /booking/calls: the call list of one day on the centre's clock (today when not given). */
export const callsQuery = z.object({ date: isoDate().optional() }).loose();

/** POST /booking/calls/:id: who was reached, with what staff want to remember of the call. */
export const tickCallSchema = z.object({
  outcome: z.enum(['reached', 'not_reached'], { error: 'must be reached or not_reached' }),
  note: trimmedLines(500).optional().nullable(),
});
