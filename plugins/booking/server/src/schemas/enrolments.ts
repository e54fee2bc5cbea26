import { z } from 'zod';
import { documentId, language, optionalEmail, optionalPhone, people, requireContact, slugSchema, trimmed } from './fields';

export const enrolmentRequestSchema = z
  .object({
    course: slugSchema.optional(),
    event: slugSchema.optional(),
    session: documentId('a session').optional(),
    name: trimmed(80).min(1, 'is required: the name of the person taking part'),
    phone: optionalPhone,
    email: optionalEmail,
    people: people.default(1),
    note: trimmed(300).optional().nullable(),
    language: language.optional(),
  })
  .superRefine((r, ctx) => {
    const targets = [r.course, r.event, r.session].filter(Boolean).length;
    if (targets !== 1) ctx.addIssue({ code: 'custom', path: ['course'], message: 'name exactly one of course, event or session' });
    requireContact(r, ctx);
  });

export type EnrolmentRequest = z.infer<typeof enrolmentRequestSchema>;
