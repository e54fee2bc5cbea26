import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { TABLES } from '../constants';
import { isPostgres } from '../repositories/dialect';
import { bookingConfig } from '../utils/plugin-config';

/**
 * A client's budgets: `forms` for the requests behind the booking and enrolment forms (create,
 * manage, cancel), `reads` for public reads that cost the database a lot (availability, the
 * timetable, calendar feeds). `contacts` is not a client's: it counts "find my booking" lookups of
 * one phone number or e-mail address (keyed by its person key), whoever asks.
 */
export type Budget = 'forms' | 'reads' | 'contacts';

/** A resident's links may be sent again this often an hour: enough for a typo'd retry, too few to pester anyone. */
export const CONTACT_LOOKUPS = { max: 3, windowSeconds: 3600 };

// Strapi builds one middleware per route; the budgets must be one per client, not one per route.
const byStrapi = new WeakMap<Core.Strapi, Record<Budget, RateLimiterAbstract>>();

const createLimiters = (strapi: Core.Strapi): Record<Budget, RateLimiterAbstract> => {
  const { rateLimit, readLimit } = bookingConfig(strapi);
  const settings = { forms: rateLimit, reads: readLimit, contacts: CONTACT_LOOKUPS };
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
  return { forms: limiter('forms'), reads: limiter('reads'), contacts: limiter('contacts') };
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
