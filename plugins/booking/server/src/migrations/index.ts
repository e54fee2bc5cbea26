import { createAuditTable, guardAuditTable } from '../audit/audit-table';
import { createDataVersionTable, ensureDataVersionTriggers } from '../repositories/data-version';
import { ensureLookupIndexes, ensureReservationPeriodIndex, ensureUniqueReferences } from './lookup-indexes';
import { backfillNotifyBy } from './notify-by-backfill';
import {
  createAbsences,
  createCantComeCodes,
  createCapacityLocks,
  createHolds,
  createIdempotencyKeys,
  createMessages,
  createPrivacyNotices,
  createRateLimits,
} from './plugin-tables';
import type { Migration, Repair } from './runner';

/**
 * The plugin's migrations, oldest first. Only ever append: a released step is never edited or
 * reordered, since databases have recorded it by its version (booking_plugin_migrations). Steps
 * 1 to 10 are what the plugin made on every start before it recorded its steps.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, id: 'holds-table-and-no-overlap-constraint', up: createHolds },
  { version: 2, id: 'idempotency-keys-table', up: createIdempotencyKeys },
  { version: 3, id: 'capacity-locks-table', up: createCapacityLocks },
  { version: 4, id: 'rate-limits-table', up: createRateLimits },
  { version: 5, id: 'messages-table', up: createMessages },
  { version: 6, id: 'cant-come-codes-table', up: createCantComeCodes },
  { version: 7, id: 'absences-table', up: createAbsences },
  { version: 8, id: 'privacy-notices-table', up: createPrivacyNotices },
  { version: 9, id: 'audit-log-table', up: createAuditTable },
  { version: 10, id: 'data-version-table', up: createDataVersionTable },
  { version: 11, id: 'notify-by-backfill', up: backfillNotifyBy },
];

/** Made again on every start, after the migrations (see Repair). */
export const REPAIRS: readonly Repair[] = [
  { id: 'lookup-indexes', run: ensureLookupIndexes },
  { id: 'reservation-period-index', run: ensureReservationPeriodIndex },
  { id: 'unique-references', run: ensureUniqueReferences },
  { id: 'audit-log-guards', run: guardAuditTable },
  { id: 'data-version-triggers', run: ensureDataVersionTriggers },
];
