import { z } from 'zod';
import { instant, isoDate, language, notifyBy, optionalEmail, optionalPhone, people, requireChosenChannel, requireContact, trimmed, trimmedLines, withNotifyBy } from './fields';
import { consentConfirmed, consentVersion } from './consent';

/** A request for a room, as the public form and staff send it. */
const requestFields = z.object({
  room: trimmed(80, 'is required: the slug of a room').min(1, 'is required: the slug of a room'),
  start: instant,
  end: instant,
  purpose: trimmedLines(200).min(1, 'is required: say what the room is for'),
  organization: trimmed(120).optional().nullable(),
  contactName: trimmed(80).min(1, 'is required: the name of the person to contact'),
  phone: optionalPhone,
  email: optionalEmail,
  notifyBy,
  attendees: people.max(10_000),
  language: language.optional(),
  repeat: z
    .object({
      frequency: z.literal('weekly', { error: 'only "weekly" is supported' }),
      until: isoDate(),
    })
    .optional()
    .nullable(),
  skipConflicts: z.boolean().optional(),
});

export const reservationRequestSchema = requestFields.extend({ consentVersion }).superRefine(requireContact).superRefine(requireChosenChannel).transform(withNotifyBy);

/** What staff enter for a caller: the same request, and the reason for waiving notice, horizon or quota. */
export const staffReservationRequestSchema = requestFields
  .extend({ overrideReason: trimmedLines(500).optional().nullable().transform((reason) => reason || null), consentConfirmed })
  .superRefine(requireContact)
  .superRefine(requireChosenChannel)
  .transform(withNotifyBy);

/** A request as the service takes it: from the public form (the notice's version) or from staff (consent confirmed). */
export type ReservationRequest = Omit<z.infer<typeof reservationRequestSchema>, 'consentVersion'> & { consentVersion?: string };

export const cancelRequestSchema = z.object({ start: instant.optional() });

export const rejectRequestSchema = z.object({ reason: trimmedLines(500).min(1, 'is required: tell the requester why') });

export const referenceParams = z.object({ reference: z.string().regex(/^LL-[A-Z0-9]{5}$/, 'must be a reference like LL-7K3Q9') });

/** Staff's list of requests: by status, by dates (YYYY-MM-DD in the centre's zone), a page at a time. */
export const staffListQuery = z
  .object({
    status: z.enum(['pending', 'confirmed', 'rejected', 'cancelled']).optional(),
    from: isoDate().optional(),
    to: isoDate().optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .loose();
