import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { weeklyHoursSchema, type WeeklyHours } from '../core/hours/opening-hours';
import type { ReminderSettings } from '../core/reminders/reminder-settings';
import { documentsOf } from './documents';
import { jsonColumn, tableOf, withAmbient } from './table-of';

/** What staff changed of the reminders; a field left empty follows the app's configuration. */
export interface CentreReminders {
  eveningBefore: Partial<ReminderSettings['eveningBefore']>;
  hoursBefore: Partial<ReminderSettings['hoursBefore']>;
  quietHours: Partial<ReminderSettings['quietHours']>;
}

/** The centre as staff set it in "Centre hours"; null where they have set nothing. */
export interface CentreRow {
  openingHours: WeeklyHours | null;
  reminders: CentreReminders;
}

/** What the Document Service returns for the single type. */
interface CentreDocument {
  documentId: string;
  openingHours?: unknown;
  reminderEveningEnabled?: boolean | null;
  reminderEveningAt?: string | null;
  reminderHoursEnabled?: boolean | null;
  reminderHoursBefore?: number | null;
  quietHoursFrom?: string | null;
  quietHoursTo?: string | null;
}

/** Strapi's time fields read 'HH:mm:ss.SSS'; reminders are set to the minute. */
const hhmm = (time: string | null | undefined): string | undefined => (typeof time === 'string' && /^\d{2}:\d{2}/.test(time) ? time.slice(0, 5) : undefined);
const given = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);
const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Hours are checked when they are written (register.ts); a value that still does not parse counts as unset. */
const fromDocument = (d: CentreDocument | null): CentreRow => {
  const parsed = weeklyHoursSchema.safeParse(d?.openingHours);
  return {
    openingHours: parsed.success ? parsed.data : null,
    reminders: {
      eveningBefore: defined({ enabled: given(d?.reminderEveningEnabled), at: hhmm(d?.reminderEveningAt) }),
      hoursBefore: defined({ enabled: given(d?.reminderHoursEnabled), hours: given(d?.reminderHoursBefore) }),
      quietHours: defined({ from: hhmm(d?.quietHoursFrom), to: hhmm(d?.quietHoursTo) }),
    },
  };
};

/** The one owner of the centre single type's reads. */
export const centreRepository = (strapi: Core.Strapi) => ({
  async find(): Promise<CentreRow> {
    return fromDocument(await documentsOf<CentreDocument>(strapi, UID.centre).findFirst({}));
  },

  /** The hours staff set (null: none, or none that parse), in one knex query: every public availability read needs them. */
  async openingHours(): Promise<WeeklyHours | null> {
    const centre = tableOf(strapi, UID.centre);
    const row = await withAmbient(strapi, (db) => db(centre.name).select({ openingHours: centre.col('openingHours') }).orderBy(centre.col('id')).first() as PromiseLike<{ openingHours: unknown } | undefined>);
    const parsed = weeklyHoursSchema.safeParse(row ? jsonColumn(row.openingHours) : undefined);
    return parsed.success ? parsed.data : null;
  },
});
