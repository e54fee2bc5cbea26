/**
 * iCalendar (RFC 5545) feed of the centre's sessions, for phones and desktop calendars that
 * subscribe to a URL. Pure: no Strapi import; the controller gathers the events and sends the text.
 *
 * Serialisation (escaping, CRLF, 75-octet folding that never splits a UTF-8 character) is
 * ical-generator's; the VTIMEZONE blocks come from timezones-ical-library (current IANA rules).
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import ical, { escape as escapeText, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { isValidTimeZone } from '../core/time/zoned';

export type CalendarEventStatus = 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';

export interface CalendarEvent {
  /** Stable across feed builds, e.g. `session-<id>@linli`: it is how a phone matches an event on refresh. */
  uid: string;
  title: string;
  /** Instants. Sub-second parts are dropped (iCalendar has whole seconds). */
  start: Date;
  end: Date;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  categories?: string[];
  /** Cancelled sessions stay in the feed with STATUS:CANCELLED (and TRANSP:TRANSPARENT), so subscribers see them go. */
  status?: CalendarEventStatus;
  /** Bump when the session changes (time, room, status); defaults to 0. */
  sequence?: number;
  /** When the session was last changed (LAST-MODIFIED). */
  lastModified?: Date | null;
}

export interface BuildCalendarInput {
  /** Shown as the calendar's name (NAME / X-WR-CALNAME). */
  name: string;
  description?: string;
  /** The centre's IANA zone: every DTSTART/DTEND carries TZID=<this>, with its VTIMEZONE. */
  timezone: string;
  events: CalendarEvent[];
  /** PRODID, e.g. '-//Linli//Booking//ZH' (the leading '-' is optional). */
  prodId?: string;
  /** How often subscribers should re-fetch (REFRESH-INTERVAL and X-PUBLISHED-TTL). Default 6. */
  refreshHours?: number;
  /** DTSTAMP of every event (when the feed was generated). Default: now. */
  now?: Date;
}

export const DEFAULT_PROD_ID = '-//Linli//Community Centre Booking//ZH';
export const DEFAULT_REFRESH_HOURS = 6;
const MS_PER_DAY = 86_400_000;

// C0 controls other than HTAB/LF/CR, and DEL, are not allowed in iCalendar TEXT (RFC 5545 3.3.11).
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const ANY_CONTROL = /[\u0000-\u001F\u007F]/;

function cleanText(value: string): string {
  return value.replace(FORBIDDEN_CONTROLS, '');
}

function optionalText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = cleanText(value);
  return cleaned.trim() === '' ? null : cleaned;
}

function assertInstant(d: unknown, what: string): asserts d is Date {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${what} is not a valid Date`);
}

/**
 * The VTIMEZONE block and the TZID it defines. The library maps some names to their canonical
 * zone (e.g. 'UTC' → 'Etc/UTC'), so events must use the returned TZID to match the block.
 */
function vtimezoneFor(timezone: string): { tzid: string; block: string } {
  if (!isValidTimeZone(timezone) || !/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(timezone)) {
    throw new RangeError(`Unknown time zone "${timezone}": an IANA name such as "Asia/Shanghai" is required`);
  }
  const result = tzlib_get_ical_block(timezone);
  const [block, tzidLine] = Array.isArray(result) ? result : [];
  const tzid = typeof tzidLine === 'string' ? tzidLine.replace(/^TZID=/, '') : '';
  if (typeof block !== 'string' || !block.includes('BEGIN:VTIMEZONE') || tzid === '') {
    throw new RangeError(`No VTIMEZONE definition for time zone "${timezone}"`);
  }
  return { tzid, block };
}

/**
 * Whether `instant`, written as local time with TZID (whole seconds), can only be read back as
 * that instant. Not so for either pass through a fall-back hour: RFC 5545 says such a local time
 * means the first occurrence, but parsers differ (ical.js takes the second), so those are sent in
 * UTC. A local time is ambiguous when an instant under another of the nearby offsets reads the same.
 */
function unambiguousLocalTime(instant: Date, timezone: string): boolean {
  const t = Math.floor(instant.getTime() / 1000) * 1000;
  const offset = tzOffset(timezone, new Date(t));
  const nearby = new Set([tzOffset(timezone, new Date(t - MS_PER_DAY)), tzOffset(timezone, new Date(t + MS_PER_DAY))]);
  for (const other of nearby) {
    if (other === offset) continue;
    const twin = t + (offset - other) * 60_000;
    if (tzOffset(timezone, new Date(twin)) === other) return false;
  }
  return true;
}

/** URL is a URI value, not TEXT: the library backslash-escapes ',' and ';', so percent-encode them first. */
function cleanUrl(url: string | null | undefined): string | null {
  const text = optionalText(url);
  if (text === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(text.trim());
  } catch {
    throw new RangeError(`Event URL "${text}" is not an absolute URL`);
  }
  return parsed.href.replace(/,/g, '%2C').replace(/;/g, '%3B');
}

function normaliseProdId(prodId: string | undefined): string {
  const value = prodId ?? DEFAULT_PROD_ID;
  if (value.trim() === '' || ANY_CONTROL.test(value)) throw new RangeError('prodId must be a non-empty single line');
  // The library writes 'PRODID:-' followed by the value.
  return value.startsWith('-') ? value.slice(1) : value;
}

/**
 * The complete .ics text: VCALENDAR, one VTIMEZONE for the centre's zone (present whenever an
 * event uses it, i.e. whenever there are events), a VEVENT per event, CRLF line endings, lines
 * folded at 75 octets, UTF-8, ending with CRLF.
 *
 * Layout note: ical-generator writes DTSTAMP (and LAST-MODIFIED) in the calendar-level zone
 * without 'Z' when a calendar-level zone name is set, which RFC 5545 forbids (they MUST be UTC).
 * So the zone is set on each event instead, and X-WR-TIMEZONE is added as an X- property, which
 * the library writes after the events. RFC 5545's grammar lists calendar properties before
 * components; lenient parsers such as ical.js accept them after.
 */
export function buildCalendar(input: BuildCalendarInput): string {
  const { tzid, block } = vtimezoneFor(input.timezone);
  const refreshHours = input.refreshHours ?? DEFAULT_REFRESH_HOURS;
  if (!Number.isFinite(refreshHours) || refreshHours <= 0) {
    throw new RangeError(`refreshHours must be a positive number, got ${refreshHours}`);
  }
  const now = input.now ?? new Date();
  assertInstant(now, 'now');
  const description = optionalText(input.description);

  const calendar = ical({
    prodId: normaliseProdId(input.prodId),
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    // The library writes NAME, X-WR-CALNAME and X-WR-CALDESC as given: escape them as TEXT here.
    name: escapeText(cleanText(input.name), false),
    description: description === null ? null : escapeText(description, false),
    // name null: see the layout note above. The generator is asked once per TZID the events use.
    timezone: { name: null, generator: (zone: string) => (zone === tzid ? block : null) },
    ttl: Math.round(refreshHours * 3600),
    x: [{ key: 'X-WR-TIMEZONE', value: tzid }],
  });

  const seen = new Set<string>();
  for (const event of input.events) {
    if (typeof event.uid !== 'string' || event.uid.trim() === '' || ANY_CONTROL.test(event.uid)) {
      throw new RangeError(`Event uid must be a non-empty single line, got ${JSON.stringify(event.uid)}`);
    }
    if (seen.has(event.uid)) throw new RangeError(`Duplicate event uid "${event.uid}"`);
    seen.add(event.uid);
    assertInstant(event.start, `Start of event "${event.uid}"`);
    assertInstant(event.end, `End of event "${event.uid}"`);
    if (event.end.getTime() < event.start.getTime()) {
      throw new RangeError(`Event "${event.uid}" ends before it starts`);
    }
    if (event.lastModified != null) assertInstant(event.lastModified, `lastModified of event "${event.uid}"`);
    if (event.sequence !== undefined && !(Number.isInteger(event.sequence) && event.sequence >= 0)) {
      throw new RangeError(`Event "${event.uid}" has an invalid sequence ${event.sequence}`);
    }

    const status = event.status ?? 'CONFIRMED';
    if (!['CONFIRMED', 'CANCELLED', 'TENTATIVE'].includes(status)) {
      throw new RangeError(`Event "${event.uid}" has unknown status "${String(status)}"`);
    }

    // Local time with TZID normally; UTC for the rare instant local time cannot name unambiguously.
    const local = unambiguousLocalTime(event.start, tzid) && unambiguousLocalTime(event.end, tzid);
    const at = (d: Date): Date => (local ? new TZDate(d.getTime(), tzid) : new Date(d.getTime()));

    const categories = (event.categories ?? []).map((c) => optionalText(c)).filter((c): c is string => c !== null);
    const location = optionalText(event.location);

    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence ?? 0,
      stamp: now,
      start: at(event.start),
      end: at(event.end),
      timezone: local ? tzid : null,
      summary: cleanText(event.title ?? ''),
      location: location === null ? null : { title: location },
      description: optionalText(event.description),
      url: cleanUrl(event.url),
      categories: categories.map((name) => ({ name })),
      status: status as ICalEventStatus,
      // A cancelled session should not make the subscriber look busy.
      transparency: status === 'CANCELLED' ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      lastModified: event.lastModified ?? null,
    });
  }

  // The library leaves off the CRLF that ends the last line (RFC 5545 3.4: END:VCALENDAR CRLF).
  return `${calendar.toString()}\r\n`;
}

export interface IcsHeaderOptions {
  /** Seconds clients and proxies may reuse the feed. Default 300. */
  maxAgeSeconds?: number;
  /** A per-person feed (URL with a token): keep it out of shared caches. Default false. */
  personal?: boolean;
}

/**
 * Headers for serving the feed. Set them before assigning the body (Koa picks text/plain for a
 * string body when no Content-Type is set yet). A non-ASCII filename is sent as RFC 6266
 * filename* with an ASCII fallback, since header values must be ASCII.
 */
export function icsResponseHeaders(filename: string, options: IcsHeaderOptions = {}): Record<string, string> {
  const maxAge = options.maxAgeSeconds ?? 300;
  if (!Number.isInteger(maxAge) || maxAge < 0) throw new RangeError(`maxAgeSeconds must be a whole number >= 0, got ${maxAge}`);

  // Round-tripping through UTF-8 turns lone surrogates into U+FFFD (encodeURIComponent throws on them).
  let name = Buffer.from(filename, 'utf8').toString('utf8').replace(/[\u0000-\u001F\u007F"\\/]/g, '').trim();
  if (name === '' || name === '.ics') name = 'calendar.ics';
  if (!/\.ics$/i.test(name)) name = `${name}.ics`;
  // ASCII stand-in for clients that ignore filename*: keep what is ASCII, else a generic name.
  const asciiStem = name.replace(/\.ics$/i, '').replace(/[^\x20-\x7E]+/g, '_');
  const ascii = /[A-Za-z0-9]/.test(asciiStem) ? `${asciiStem}.ics` : 'calendar.ics';
  const disposition =
    /^[\x20-\x7E]*$/.test(name) ? `inline; filename="${name}"` : `inline; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;

  return {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': disposition,
    'Cache-Control': `${options.personal ? 'private' : 'public'}, max-age=${maxAge}`,
    'X-Content-Type-Options': 'nosniff',
  };
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
