import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES } from '../constants';
import { isPostgres } from './dialect';

/**
 * Named locks held until the transaction ends: on PostgreSQL a row lock (SELECT … FOR UPDATE, or
 * FOR SHARE) on a row of the locks table; SQLite has a single writer anyway, and the insert below
 * already makes the transaction that writer.
 *
 * Every transaction takes its locks in one order, so two of them never wait for each other in a
 * circle (a deadlock PostgreSQL would break by failing one of them with a 500):
 *   1. requester   (one person's bookings, for the weekly quota)
 *   2. closures    (shared by bookings, exclusive for staff declaring a closure)
 *   3. capacity    (the places of a course, event or drop-in session)
 *   4. session     (staff's changes to one session; an enrolment in a drop-in session takes it too)
 * and within one kind in the order of their keys. A lock taken out of this order is a programming
 * error and throws at once, whatever the timing, so every test that takes locks checks the order.
 */
export const LOCK_KINDS = ['requester', 'closures', 'capacity', 'session'] as const;
export type LockKind = (typeof LOCK_KINDS)[number];

export interface LockName {
  kind: LockKind;
  key: string;
}

/** Negative when `a` comes first in the one order, 0 for the same lock. */
export const compareLocks = (a: LockName, b: LockName): number =>
  LOCK_KINDS.indexOf(a.kind) - LOCK_KINDS.indexOf(b.kind) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The locks a transaction already holds: taking one of them again is fine, taking one that sorts before the last is not. */
export const outOfOrder = (held: LockName[], next: LockName): boolean =>
  held.length > 0 && !held.some((h) => compareLocks(h, next) === 0) && compareLocks(held[held.length - 1], next) > 0;

const heldBy = new WeakMap<Knex.Transaction, LockName[]>();

/** The row that stands for a lock: the kinds' stored keys are kept as they were (a capacity lock is the target's key alone). */
const rowOf = ({ kind, key }: LockName) => (kind === 'capacity' ? key : `${kind}:${key}`);

const take = async (strapi: Core.Strapi, trx: Knex.Transaction, names: LockName[], mode: 'update' | 'share' = 'update'): Promise<void> => {
  const sorted = [...names].sort(compareLocks).filter((n, i, all) => i === 0 || compareLocks(all[i - 1], n) !== 0);
  const held = heldBy.get(trx) ?? [];
  for (const name of sorted) {
    if (outOfOrder(held, name)) {
      const last = held[held.length - 1];
      throw new Error(`Lock ${name.kind}:${name.key} taken after ${last.kind}:${last.key}: locks are taken in the order ${LOCK_KINDS.join(', ')}`);
    }
    const target = rowOf(name);
    if (isPostgres(strapi)) {
      const lockRow = () => {
        const query = trx(TABLES.capacityLocks).where({ target });
        return (mode === 'share' ? query.forShare() : query.forUpdate()).first();
      };
      // The row exists after a lock's first use (rows are never deleted): one query then, not two.
      if (!(await lockRow())) {
        await trx(TABLES.capacityLocks).insert({ target }).onConflict('target').ignore();
        await lockRow();
      }
    } else {
      await trx(TABLES.capacityLocks).insert({ target }).onConflict('target').ignore();
    }
    if (!held.some((h) => compareLocks(h, name) === 0)) held.push(name);
  }
  heldBy.set(trx, held);
};

/** Serialises one requester's bookings (the weekly quota counts them): by normalised phone and e-mail, hashed to fit the key. */
export const lockRequester = (strapi: Core.Strapi, trx: Knex.Transaction, contactKeys: string[]) =>
  take(strapi, trx, contactKeys.map((k) => ({ kind: 'requester' as const, key: createHash('sha256').update(k).digest('hex').slice(0, 40) })));

/**
 * Bookings take the closures lock shared (they never wait for each other), staff declaring a
 * closure take it exclusively: a booking sees every closure committed before it, and a closure
 * declared while a booking is being made waits for it and then sees it.
 */
export const lockClosuresShared = (strapi: Core.Strapi, trx: Knex.Transaction) => take(strapi, trx, [{ kind: 'closures', key: 'all' }], 'share');
export const lockClosuresExclusive = (strapi: Core.Strapi, trx: Knex.Transaction) => take(strapi, trx, [{ kind: 'closures', key: 'all' }]);

/** Serialises everything that counts places of one course, event or session (key from `targetKey`). */
export const lockCapacity = (strapi: Core.Strapi, trx: Knex.Transaction, targetKey: string) => take(strapi, trx, [{ kind: 'capacity', key: targetKey }]);

/** Staff's changes to sessions (attendance, cancel, move, sync) and enrolments in a drop-in session: one at a time per session. */
export const lockSessions = (strapi: Core.Strapi, trx: Knex.Transaction, sessionIds: string[]) => take(strapi, trx, sessionIds.map((key) => ({ kind: 'session' as const, key })));

export const lockSession = (strapi: Core.Strapi, trx: Knex.Transaction, sessionId: string) => lockSessions(strapi, trx, [sessionId]);
