import { z } from 'zod';
import { isoDate, localeQuery } from './fields';

export const localeOnly = z.object({ locale: localeQuery }).loose();

export const timetableQuery = z
  .object({ week: z.string().regex(/^\d{4}-W\d{2}$/, 'must be an ISO week written YYYY-Www, like 2026-W48').optional(), from: isoDate().optional(), to: isoDate().optional(), locale: localeQuery })
  .loose();
