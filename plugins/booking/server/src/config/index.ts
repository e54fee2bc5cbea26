import { DEFAULT_CENTRE_HOURS, weeklyHoursSchema, type WeeklyHours } from '../core/hours/opening-hours';

export interface BookingPluginConfig {
  /** IANA zone of the centre: opening hours and rules are wall-clock times there. */
  timezone: string;
  /** The centre's hours until staff set them in "Centre hours" (the plugin's single type); rooms without their own follow them. */
  defaultOpeningHours: WeeklyHours;
  /** Requests that change something (reservations), per client address and window. */
  rateLimit: { max: number; windowSeconds: number };
  /** Days after a booking's last date (an enrolment's: its activity's last session) that its manage link still opens it. */
  manageLinkDays: number;
  /** The public site, for links in e-mails (the manage page). */
  siteUrl: string | null;
  centreName: { 'zh-CN': string; en: string };
}

export const DEFAULT_CONFIG: BookingPluginConfig = {
  timezone: 'Asia/Shanghai',
  defaultOpeningHours: DEFAULT_CENTRE_HOURS,
  rateLimit: { max: 30, windowSeconds: 60 },
  manageLinkDays: 30,
  siteUrl: null,
  centreName: { 'zh-CN': '邻里党群服务中心', en: 'Linli Neighbourhood Service Centre' },
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
    const { max, windowSeconds } = config.rateLimit ?? ({} as BookingPluginConfig['rateLimit']);
    if (!(Number.isInteger(max) && max > 0 && Number.isInteger(windowSeconds) && windowSeconds > 0)) {
      throw new Error('booking plugin: "rateLimit" needs whole numbers max > 0 and windowSeconds > 0');
    }
    const days = config.manageLinkDays;
    if (!(Number.isInteger(days) && days! >= 0 && days! <= 3650)) {
      throw new Error(`booking plugin: "manageLinkDays" must be a whole number of days from 0 to 3650, got ${JSON.stringify(days)}`);
    }
  },
};
