/** A day of elapsed time: a margin around a range of holds, not a calendar day (those are in zoned.ts). */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Elapsed minutes after an instant (a room's buffer after a hold ends). */
export const addMinutes = (d: Date, minutes: number): Date => new Date(d.getTime() + minutes * 60_000);
