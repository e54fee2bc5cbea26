import { z } from 'zod';

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug of lower-case letters, digits and hyphens');

export const enrolmentRequestSchema = z
  .object({
    course: slug.optional(),
    event: slug.optional(),
    session: z.string().regex(/^[a-z0-9]{10,40}$/, 'must be the id of a session').optional(),
    name: trimmed(80).min(1, 'is required: the name of the person taking part'),
    phone: z.string().trim().regex(/^[+\d][\d\s-]{5,30}$/, 'must be a phone number of digits, spaces or dashes').optional().nullable().or(z.literal('').transform(() => null)),
    email: z.email('must be an e-mail address').trim().optional().nullable().or(z.literal('').transform(() => null)),
    people: z.number({ error: 'must be a number of people' }).int('must be a whole number').min(1, 'must be at least 1').default(1),
    note: trimmed(300).optional().nullable(),
    language: z.enum(['zh-CN', 'en']).optional(),
  })
  .superRefine((r, ctx) => {
    const targets = [r.course, r.event, r.session].filter(Boolean).length;
    if (targets !== 1) ctx.addIssue({ code: 'custom', path: ['course'], message: 'name exactly one of course, event or session' });
    if (!r.phone && !r.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'give a phone number or an e-mail address so the centre can reach you' });
  });

export type EnrolmentRequest = z.infer<typeof enrolmentRequestSchema>;
