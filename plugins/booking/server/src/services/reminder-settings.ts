import type { Core } from '@strapi/strapi';
import { reminderSettingsSchema, type ReminderSettings } from '../core/reminders/reminder-settings';
import { centreRepository } from '../repositories/centre-repository';
import { bookingConfig } from '../utils/plugin-config';

/**
 * When residents are reminded: what staff set on the centre's settings ("Centre hours" in the
 * admin panel), field by field over the app's configured `reminders`. A mix that does not hold
 * together (it cannot, with Strapi's own checks of each field) falls back to the configuration.
 */
export const reminderSettings = async (strapi: Core.Strapi): Promise<ReminderSettings> => {
  const configured = bookingConfig(strapi).reminders;
  const { reminders } = await centreRepository(strapi).find();
  const merged = {
    eveningBefore: { ...configured.eveningBefore, ...reminders.eveningBefore },
    hoursBefore: { ...configured.hoursBefore, ...reminders.hoursBefore },
    quietHours: { ...configured.quietHours, ...reminders.quietHours },
  };
  return reminderSettingsSchema.safeParse(merged).success ? merged : configured;
};
