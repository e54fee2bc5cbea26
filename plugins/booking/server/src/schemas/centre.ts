import { z } from 'zod';
import { weeklyHoursSchema } from '../core/hours/opening-hours';

/** The content manager's JSON editor sends what staff typed as text; blank text means no hours. */
const fromJsonText = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return null;
  try {
    return JSON.parse(value);
  } catch {
    return value; // refused below as not an object
  }
};

/** A write to "Centre hours": weekly hours in the shape of core/hours, or none (the app's default applies). */
export const centreWrite = z
  .object({ openingHours: z.preprocess(fromJsonText, weeklyHoursSchema.nullable()).optional() })
  .loose();
