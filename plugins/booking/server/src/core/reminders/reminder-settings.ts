import { z } from 'zod';
import { isValidWallTime, type WallTime } from '../time/zoned';

/**
 * When residents are reminded of a date they booked or enrolled for. Staff may switch either
 * reminder off; quiet hours with `from` equal to `to` mean there are none.
 */
export interface ReminderSettings {
  /** On the day before the start's local date, at this wall-clock time. */
  eveningBefore: { enabled: boolean; at: WallTime };
  /** This many elapsed hours before the start. */
  hoursBefore: { enabled: boolean; hours: number };
  /** Local wall-clock times between which nobody is sent a reminder; may span midnight. */
  quietHours: { from: WallTime; to: WallTime };
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  eveningBefore: { enabled: true, at: '18:00' },
  hoursBefore: { enabled: true, hours: 2 },
  quietHours: { from: '21:00', to: '08:00' },
};

/** A time of day: '24:00' (fine for opening hours) would name the next day, not a time of this one. */
const timeOfDay = z.string().refine((s) => isValidWallTime(s) && s !== '24:00', 'must be a time HH:mm from 00:00 to 23:59');

/** A week's notice is the most a "hours before" reminder can mean; the evening-before covers the day before. */
export const MAX_REMINDER_HOURS = 168;

export const reminderSettingsSchema = z.strictObject({
  eveningBefore: z.strictObject({ enabled: z.boolean(), at: timeOfDay }),
  hoursBefore: z.strictObject({
    enabled: z.boolean(),
    hours: z.number().int('must be a whole number of hours').min(1).max(MAX_REMINDER_HOURS),
  }),
  quietHours: z.strictObject({ from: timeOfDay, to: timeOfDay }),
});
