import { wallClockToInstant, type IsoDate } from '../time/zoned';
import { RRULE_WEEKDAY, occurrenceDates } from './occurrence-dates';
import { MAX_OCCURRENCES, type Schedule, type Weekday } from './schedule';

export interface Occurrence {
  /** The session's wall-clock date in the centre's zone. */
  date: IsoDate;
  start: Date;
  end: Date;
}

const MS_PER_MINUTE = 60_000;

/**
 * Every session of a schedule as UTC instants, sorted. Dates come from rrule in
 * floating form; each date's startTime is then placed in `tz` by wallClockToInstant,
 * so the local time holds across daylight-saving changes (a start inside a spring-
 * forward gap moves forward, an ambiguous autumn start takes the earlier instant).
 * The end is start + durationMinutes of elapsed time, which can fall after midnight.
 *
 * Expects a schedule that passed scheduleSchema; throws a RangeError if it would
 * produce more than MAX_OCCURRENCES sessions.
 */
export function expandSchedule(schedule: Schedule, tz: string): Occurrence[] {
  const dates = occurrenceDates(schedule, MAX_OCCURRENCES + 1);
  if (dates.length > MAX_OCCURRENCES) {
    throw new RangeError(`schedule produces more than ${MAX_OCCURRENCES} sessions`);
  }
  return dates.map((date) => {
    const start = wallClockToInstant(date, schedule.startTime, tz);
    return { date, start, end: new Date(start.getTime() + schedule.durationMinutes * MS_PER_MINUTE) };
  });
}

const byDay = (d: Weekday) => RRULE_WEEKDAY[d].toString();

/** 20260630T190000 */
const compactLocal = (date: IsoDate, time: string) => `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;

/** 20260630T170000Z */
const compactUtc = (instant: Date) => instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * The RRULE value (without the "RRULE:" prefix) for an iCalendar feed, e.g.
 * FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T110000Z. UNTIL is the start of the last
 * possible session, so it is inclusive whatever the zone.
 *
 * With `tz`, UNTIL is in UTC, as RFC 5545 requires when DTSTART carries a TZID.
 * Without it, UNTIL is floating local time, to pair with a floating DTSTART.
 * exceptions and extraDates are not part of an RRULE: write them as EXDATE / RDATE.
 * A one-off schedule gives FREQ=DAILY;COUNT=1 (a VEVENT may also simply omit RRULE).
 */
export function toRRuleString(schedule: Schedule, tz?: string): string {
  const until = tz
    ? compactUtc(wallClockToInstant(schedule.endDate, schedule.startTime, tz))
    : compactLocal(schedule.endDate, schedule.startTime);
  const parts: string[] = [];
  switch (schedule.frequency) {
    case 'once':
      return 'FREQ=DAILY;COUNT=1';
    case 'daily':
      parts.push('FREQ=DAILY');
      break;
    case 'weekly':
      parts.push('FREQ=WEEKLY');
      if ((schedule.interval ?? 1) !== 1) parts.push(`INTERVAL=${schedule.interval}`, 'WKST=MO');
      parts.push(`BYDAY=${schedule.weekdays.map(byDay).join(',')}`);
      break;
    case 'monthly':
      parts.push('FREQ=MONTHLY');
      parts.push(
        'byMonthDay' in schedule
          ? `BYMONTHDAY=${schedule.byMonthDay}`
          : `BYDAY=${schedule.nth}${byDay(schedule.byWeekday)}`
      );
      break;
  }
  parts.push(`UNTIL=${until}`);
  return parts.join(';');
}
