/*
 * The shape of a schedule, apart from its checks (schedule.ts) and its dates (occurrence-dates.ts),
 * which both need it: kept here so neither imports the other. It is written once, as the contract the
 * admin panel's schedule form shares.
 */
export type { NthWeekday, Recurrence, Schedule, Weekday } from '../../../../shared/contracts/schedule';
