import { z } from 'zod';
import { documentId, language, notifyBy, optionalEmail, optionalPhone, people, requireChosenChannel, requireContact, slugSchema, trimmed, trimmedLines, withNotifyBy } from './fields';
import { childFields, consentConfirmed, consentVersion } from './consent';

/** Who takes part, the same whether they enrol themselves or staff enrol them. */
const personFields = {
  name: trimmed(80).min(1, 'is required: the name of the person taking part'),
  phone: optionalPhone,
  email: optionalEmail,
  notifyBy,
  people: people.default(1),
  note: trimmedLines(300).optional().nullable(),
  language: language.optional(),
  ...childFields,
};

export const enrolmentRequestSchema = z
  .object({
    course: slugSchema.optional(),
    event: slugSchema.optional(),
    session: documentId('a session').optional(),
    ...personFields,
    consentVersion,
  })
  .superRefine((r, ctx) => {
    const targets = [r.course, r.event, r.session].filter(Boolean).length;
    if (targets !== 1) ctx.addIssue({ code: 'custom', path: ['course'], message: 'name exactly one of course, event or session' });
    requireContact(r, ctx);
    requireChosenChannel(r, ctx);
  })
  .transform(withNotifyBy);

export type EnrolmentRequest = z.infer<typeof enrolmentRequestSchema>;

const activityKind = z.enum(['course', 'event'], { error: 'must be course or event' });

/**
 * An enrolment staff take at the desk or on the phone: the activity by id, a phone number the
 * centre can call (e-mail optional: many residents have none); otherwise the public rules.
 */
export const staffEnrolmentSchema = z
  .object({
    kind: activityKind,
    activity: documentId('a course or event', 'is required: the id of the course or event'),
    session: documentId('a session').optional().nullable(),
    ...personFields,
    consentConfirmed,
  })
  .superRefine((r, ctx) => {
    if (!r.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'is required: a phone number the centre can call' });
    requireChosenChannel(r, ctx);
  })
  .transform(withNotifyBy);

export type StaffEnrolmentRequest = z.infer<typeof staffEnrolmentSchema>;

export const enrolmentParams = z.object({ id: documentId('an enrolment') });
