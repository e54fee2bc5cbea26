import { z } from 'zod';
import { NOTICE_VERSION_PATTERN } from '../core/privacy/notice';
import { MAX_COLLECTORS, SCHOOL_GRADES } from '../../../shared/school-grade';
import { optionalPhone, trimmed } from './fields';

/** The public forms: the version of the privacy notice the person saw, sent when they tick its box. */
export const consentVersion = z
  .string({ error: 'must be the version of the privacy notice shown by the form' })
  .regex(NOTICE_VERSION_PATTERN, 'must be the version of the privacy notice shown by the form')
  .nullish()
  // Said here rather than as Zod's bare "is required": the form left the box unticked.
  .refine((version) => !!version, 'is required: read the privacy notice and tick the box to agree')
  .transform((version) => version as string);

/** Staff's forms: staff confirm the caller heard the notice and agreed (the centre's notice of the day is recorded). */
export const consentConfirmed = z
  .boolean({ error: 'must be true: staff confirm the person heard the privacy notice and agreed' })
  .nullish()
  .refine((confirmed) => confirmed === true, 'is required: confirm the person heard the privacy notice and agreed')
  // A pipe, as consentVersion: Zod skips an absent key of a schema that is merely optional, refinement and all.
  .transform((confirmed) => confirmed === true);

/**
 * What a guardian gives for a children's activity besides their own name and phone. All optional
 * here: the activity says whether they are required (services/enrolments.ts).
 */
export const childFields = {
  guardianConsent: z.boolean({ error: 'must be true or false' }).optional().nullable(),
  childName: trimmed(20).optional().nullable(),
  childGrade: z.enum(SCHOOL_GRADES, { error: `must be one of ${SCHOOL_GRADES.join(', ')}` }).optional().nullable(),
  collectors: z
    .array(
      z.object({
        name: trimmed(40).min(1, 'is required: the name of the person collecting the child'),
        phone: optionalPhone.refine((p) => !!p, 'is required: a phone number for the person collecting the child'),
      }),
      { error: 'must be a list of people, each with a name and phone' }
    )
    .max(MAX_COLLECTORS, `at most ${MAX_COLLECTORS} people besides the guardian may collect the child`)
    .optional()
    .nullable(),
};
