import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { TABLES } from '../constants';
import { isPostgres } from '../repositories/dialect';
import { bookingConfig } from '../utils/plugin-config';

/**
 * A client's budgets: `forms` for the requests behind the booking and enrolment forms (create,
 * manage, cancel), `reads` for public reads that cost the database a lot (availability, the
 * timetable, calendar feeds).
 */
export type Budget = 'forms' | 'reads';

// Strapi builds one middleware per route; the budgets must be one per client, not one per route.
const byStrapi = new WeakMap<Core.Strapi, Record<Budget, RateLimiterAbstract>>();

const createLimiters = (strapi: Core.Strapi): Record<Budget, RateLimiterAbstract> => {
  const { rateLimit, readLimit } = bookingConfig(strapi);
  const settings = { forms: rateLimit, reads: readLimit };
  const limiter = (budget: Budget): RateLimiterAbstract => {
    const options = { keyPrefix: budget, points: settings[budget].max, duration: settings[budget].windowSeconds };
    // PostgreSQL: one count per client in the database, shared by every CMS process. The table is
    // made by a migration (migrations/plugin-tables.ts).
    if (isPostgres(strapi)) {
      return new RateLimiterPostgres({ ...options, storeClient: strapi.db.connection, storeType: 'knex', tableName: TABLES.rateLimits, tableCreated: true });
    }
    // SQLite serves development with one process, so the counts can live in its memory.
    return new RateLimiterMemory(options);
  };
  return { forms: limiter('forms'), reads: limiter('reads') };
};

/** The limiter of one budget, the same for every route of this CMS process. */
export const rateLimiterFor = (strapi: Core.Strapi, budget: Budget): RateLimiterAbstract => {
  let limiters = byStrapi.get(strapi);
  if (!limiters) {
    limiters = createLimiters(strapi);
    byStrapi.set(strapi, limiters);
  }
  return limiters[budget];
};
