import type { MigrationContext } from './runner';

/**
 * Reservations and enrolments stored before residents chose a channel (notifyBy, added on
 * 2026-11-30) have none: Strapi's schema sync adds the column empty. They are given what they were
 * told by then, mail when an address was given, else a call (shared/notify-by.ts's defaultNotifyBy
 * at the time), so staff's lists show every row's channel and a later change of the default for new
 * requests cannot change how an old booking is told.
 */
export const backfillNotifyBy = async ({ knex }: MigrationContext): Promise<void> => {
  for (const table of ['booking_reservations', 'booking_enrolments']) {
    if (!(await knex.schema.hasTable(table)) || !(await knex.schema.hasColumn(table, 'notify_by'))) continue;
    await knex(table)
      .whereNull('notify_by')
      .update({ notify_by: knex.raw("CASE WHEN email IS NOT NULL AND email <> '' THEN 'email' ELSE 'call' END") });
  }
};
