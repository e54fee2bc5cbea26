import { DEFAULT_CENTRE_HOURS, weeklyHoursSchema, type WeeklyHours } from '../core/hours/opening-hours';
import { DEFAULT_REMINDER_SETTINGS, reminderSettingsSchema, type ReminderSettings } from '../core/reminders/reminder-settings';
import { DEFAULT_SMS_CONFIG, validateSmsConfig, type SmsConfig } from '../sms/sms-config';

export interface RequestBudget {
  max: number;
  windowSeconds: number;
}

export interface BookingPluginConfig {
  /** IANA zone of the centre: opening hours and rules are wall-clock times there. */
  timezone: string;
  /** The centre's hours until staff set them in "Centre hours" (the plugin's single type); rooms without their own follow them. */
  defaultOpeningHours: WeeklyHours;
  /**
   * Requests behind the booking and enrolment forms (create, manage, cancel): one budget per client
   * (an IPv4 address, an IPv6 /64) and window, shared by all those routes and all CMS processes.
   */
  rateLimit: RequestBudget;
  /** Expensive public reads (availability, timetable, calendar feeds): a separate, larger budget per client. */
  readLimit: RequestBudget;
  /** Days after a booking's last date (an enrolment's: its activity's last session) that its manage link still opens it. */
  manageLinkDays: number;
  /** Messages to residents: how often a failed mail or text message is tried again, the first retry after retryDelaySeconds, then twice as long each time. */
  delivery: { retryLimit: number; retryDelaySeconds: number };
  /** The public site, for links in e-mails (the manage page). */
  siteUrl: string | null;
  centreName: { 'zh-CN': string; en: string };
  /** Reminders of confirmed dates: the default until staff change them on the centre's settings. */
  reminders: ReminderSettings;
  /** How often the reminder sweep looks for reminders that are due. */
  reminderSweepSeconds: number;
  /** Text messages: the provider (Tencent Cloud SMS, or the development outbox), its keys and a template id per message kind. */
  sms: SmsConfig;
  /**
   * Personal data is anonymised this many months after a booking's last date (an enrolment's: its
   * activity's last session), by a job run on `cron` in the centre's zone.
   */
  retention: { months: number; cron: string };
  /** Reports: a cancellation made less than this many hours before the start counts as late. */
  lateCancellationHours: number;
}

export const DEFAULT_CONFIG: BookingPluginConfig = {
  timezone: 'Asia/Shanghai',
  defaultOpeningHours: DEFAULT_CENTRE_HOURS,
  rateLimit: { max: 30, windowSeconds: 60 },
  // A page of the site reads a few of these; a foyer screen refreshes two a minute.
  readLimit: { max: 300, windowSeconds: 60 },
  manageLinkDays: 30,
  // 1, 2, 4, 8 minutes: a provider's short outage is ridden out within a quarter of an hour.
  delivery: { retryLimit: 4, retryDelaySeconds: 60 },
  siteUrl: null,
  centreName: { 'zh-CN': '邻里党群服务中心', en: 'Linli Neighbourhood Service Centre' },
  reminders: DEFAULT_REMINDER_SETTINGS,
  reminderSweepSeconds: 60,
  sms: DEFAULT_SMS_CONFIG,
  // 03:30: after the night's site rebuild and before the desk opens.
  retention: { months: 12, cron: '30 3 * * *' },
  lateCancellationHours: 24,
};

const isValidTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export default {
  default: DEFAULT_CONFIG,
  validator(config: Partial<BookingPluginConfig>) {
    if (typeof config.timezone !== 'string' || !isValidTimeZone(config.timezone)) {
      throw new Error(`booking plugin: "timezone" must be an IANA time zone, got ${JSON.stringify(config.timezone)}`);
    }
    const hours = weeklyHoursSchema.safeParse(config.defaultOpeningHours);
    if (!hours.success) throw new Error(`booking plugin: "defaultOpeningHours" is invalid: ${hours.error.message}`);
    for (const key of ['rateLimit', 'readLimit'] as const) {
      const { max, windowSeconds } = config[key] ?? ({} as Partial<RequestBudget>);
      if (!(Number.isInteger(max) && max! > 0 && Number.isInteger(windowSeconds) && windowSeconds! > 0)) {
        throw new Error(`booking plugin: "${key}" needs whole numbers max > 0 and windowSeconds > 0`);
      }
    }
    const { retryLimit, retryDelaySeconds } = config.delivery ?? ({} as Partial<BookingPluginConfig['delivery']>);
    if (!(Number.isInteger(retryLimit) && retryLimit! >= 0 && retryLimit! <= 20 && Number.isInteger(retryDelaySeconds) && retryDelaySeconds! >= 1)) {
      throw new Error('booking plugin: "delivery" needs a whole retryLimit from 0 to 20 and a whole retryDelaySeconds of at least 1');
    }
    const days = config.manageLinkDays;
    if (!(Number.isInteger(days) && days! >= 0 && days! <= 3650)) {
      throw new Error(`booking plugin: "manageLinkDays" must be a whole number of days from 0 to 3650, got ${JSON.stringify(days)}`);
    }
    const reminders = reminderSettingsSchema.safeParse(config.reminders);
    if (!reminders.success) {
      const problems = reminders.error.issues.map((issue) => `${['reminders', ...issue.path].join('.')}: ${issue.message}`);
      throw new Error(`booking plugin: "reminders" is invalid: ${problems.join('; ')}`);
    }
    const sweep = config.reminderSweepSeconds;
    if (!(Number.isInteger(sweep) && sweep! >= 1 && sweep! <= 3600)) {
      throw new Error(`booking plugin: "reminderSweepSeconds" must be a whole number of seconds from 1 to 3600, got ${JSON.stringify(sweep)}`);
    }
    validateSmsConfig(config.sms);
    const { months, cron } = config.retention ?? ({} as Partial<BookingPluginConfig['retention']>);
    if (!(Number.isInteger(months) && months! >= 1 && months! <= 120)) {
      throw new Error(`booking plugin: "retention.months" must be a whole number of months from 1 to 120, got ${JSON.stringify(months)}`);
    }
    if (typeof cron !== 'string' || cron.trim().split(/\s+/).length !== 5) {
      throw new Error(`booking plugin: "retention.cron" must be a cron expression of five fields, got ${JSON.stringify(cron)}`);
    }
    const late = config.lateCancellationHours;
    if (!(Number.isInteger(late) && late! >= 0 && late! <= 720)) {
      throw new Error(`booking plugin: "lateCancellationHours" must be a whole number of hours from 0 to 720, got ${JSON.stringify(late)}`);
    }
  },
};
