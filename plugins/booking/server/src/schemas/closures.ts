import { z } from 'zod';
import { DAY_MS } from '../core/time/instants';
import { documentId, instant, trimmedLines } from './fields';

export const closureParams = z.object({ id: documentId('a closure') });

export const closureListQuery = z.object({ scope: z.enum(['upcoming', 'past'], { error: 'must be upcoming or past' }).default('upcoming') }).loose();

/** Longest closure staff declare at once: a (leap) year. */
export const MAX_CLOSURE_DAYS = 366;
export const MAX_REASON_LENGTH = 200;

const reasonText = trimmedLines(MAX_REASON_LENGTH).optional().nullable();

/**
 * A closure as staff declare it. Each rule carries a `code` (in `params`) so the admin panel can say
 * it in the reader's language.
 */
export const closureSchema = z
  .object({
    allRooms: z.boolean({ error: 'must be true or false' }),
    rooms: z.array(documentId('a room'), { error: 'must be a list of room ids' }).max(500).optional(),
    start: instant,
    end: instant,
    reason: reasonText,
    reasonEn: reasonText,
    cancelAffected: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, code: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, params: { code } });
    if (!c.allRooms && (c.rooms ?? []).length === 0) issue('rooms', 'rooms_required', 'choose at least one room, or all rooms');
    if (!c.reason && !c.reasonEn) issue('reason', 'reason_required', 'give the reason in Chinese or English (people read it)');
    // Zod runs this even when a field failed; a time that did not parse is reported already.
    if (!(c.start instanceof Date) || !(c.end instanceof Date)) return;
    if (c.end <= c.start) issue('end', 'end_before_start', 'must be after the start');
    else if (c.end.getTime() - c.start.getTime() > MAX_CLOSURE_DAYS * DAY_MS) issue('end', 'too_long', `a closure lasts at most ${MAX_CLOSURE_DAYS} days`);
  });
export type ClosureInput = z.infer<typeof closureSchema>;
