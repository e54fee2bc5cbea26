import { z } from 'zod';
import { language, optionalEmail, optionalPhone } from './fields';

/** "Find my booking": a phone number or an e-mail address (one of them), and the language to answer in. */
export const findBookingsSchema = z
  .object({ phone: optionalPhone, email: optionalEmail, language: language.optional() })
  .superRefine((r, ctx) => {
    if (!r.phone && !r.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'give the phone number or the e-mail address you booked with' });
    if (r.phone && r.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'give either a phone number or an e-mail address, not both: the links go to the one you give' });
  });

export type FindBookingsRequest = z.infer<typeof findBookingsSchema>;
