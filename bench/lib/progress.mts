// How the bench scripts tell what they are doing, and the rounding their figures share.

/** A log line stamped with the time of day and the script's name, e.g. `[bench 19:30:02] …`. */
export const logger =
  (name: string) =>
  (message: string): void =>
    console.log(`[${name} ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Seconds since `since` (a Date.now()), to a tenth. */
export const seconds = (since: number): number => Math.round((Date.now() - since) / 100) / 10;

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
