import { z } from 'zod';
import { isoDate, withinDays } from './fields';

/** Longest period a service report covers: three years, a leap day among them. */
export const MAX_SERVICE_REPORT_DAYS = 3 * 365 + 1;

const requiredDate = 'is required: a date written YYYY-MM-DD';

/** A service report's period: both dates inclusive, on the centre's calendar. */
export const serviceReportQuery = z
  .object({ from: isoDate(requiredDate), to: isoDate(requiredDate) })
  .loose()
  .superRefine(withinDays(MAX_SERVICE_REPORT_DAYS));
