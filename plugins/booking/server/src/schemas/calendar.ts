import { z } from 'zod';

/** A calendar feed's file: a slug and `.ics`. */
export const icsFile = z.object({ file: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.ics$/, 'must be a slug followed by .ics') });
