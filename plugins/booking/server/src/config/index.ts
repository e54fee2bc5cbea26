export interface BookingPluginConfig {
  /** IANA zone of the centre: opening hours and rules are wall-clock times there. */
  timezone: string;
}

const isValidTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export default {
  default: { timezone: 'Asia/Shanghai' } satisfies BookingPluginConfig,
  validator(config: Partial<BookingPluginConfig>) {
    if (typeof config.timezone !== 'string' || !isValidTimeZone(config.timezone)) {
      throw new Error(`booking plugin: "timezone" must be an IANA time zone, got ${JSON.stringify(config.timezone)}`);
    }
  },
};
