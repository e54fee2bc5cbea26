import { z } from 'zod';
import { daysBetween, isValidIsoDate } from '../core/time/zoned';
import { isoDate } from './fields';

/** `reservation` or `reservation:LL-7K3Q9`: the kind of subject, and perhaps which one. */
const subject = z.string().transform((typed, ctx) => {
  const [kind, ...rest] = typed.split(':');
  const id = rest.join(':');
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(kind) || id.length > 128) {
    ctx.addIssue({ code: 'custom', message: 'must be a kind, or kind:id (like reservation:LL-7K3Q9 or session:abc123)' });
    return z.NEVER;
  }
  return { kind, id: id || undefined };
});

const positiveId = (what: string) => z.coerce.number({ error: `must be ${what}` }).int(`must be ${what}`).positive(`must be ${what}`);

/** GET /booking/audit: filters by who, what, which subject and which days (the centre's clock). */
export const auditQuery = z
  .object({
    actor: positiveId("an admin user's id").optional(),
    action: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'must be an action name like reservation.approve').optional(),
    subject: subject.optional(),
    from: isoDate().optional(),
    to: isoDate().optional(),
    before: positiveId('an entry id').optional(),
    limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(100),
  })
  .loose()
  .superRefine((q, ctx) => {
    if (q.from && q.to && isValidIsoDate(q.from) && isValidIsoDate(q.to) && daysBetween(q.from, q.to) < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });

export type AuditQuery = z.infer<typeof auditQuery>;
