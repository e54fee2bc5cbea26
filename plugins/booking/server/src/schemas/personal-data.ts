import { z } from 'zod';
import { isPhoneShaped } from '../utils/phone';

const phone = z
  .string()
  .trim()
  .refine(isPhoneShaped, { message: 'must be a phone number (digits, spaces or dashes, a leading + allowed)' });
const email = z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an e-mail address' }));

const either = (p: { phone?: string; email?: string }) => p.phone !== undefined || p.email !== undefined;
const EITHER = { message: 'give a phone or an e-mail', path: ['phone'] };

/** `GET /personal-data?phone=…&email=…&format=json|file`: whom staff look for (rows matching either are the person's). */
export const personalDataQuery = z
  .object({ phone: phone.optional(), email: email.optional(), format: z.enum(['json', 'file']).default('json') })
  .strict()
  .refine(either, EITHER);

/**
 * `POST /personal-data/erase`: the person, and the confirmation the search answered, so what is
 * erased is what staff saw (a booking made since asks them to look again).
 */
export const eraseSchema = z
  .object({
    phone: phone.optional(),
    email: email.optional(),
    confirmation: z.string({ message: 'is required: the confirmation the search answered' }).regex(/^[0-9a-f]{16}$/, 'must be the confirmation the search answered'),
  })
  .strict()
  .refine(either, EITHER);

export interface PersonQuery {
  phone?: string;
  email?: string;
}
