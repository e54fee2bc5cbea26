import fc from 'fast-check';
import ICAL from 'ical.js';
import {
  buildCalendar,
  icsResponseHeaders,
  type BuildCalendarInput,
  type CalendarEvent,
} from '../../src/calendar/build-calendar';
import { describeWhateverTheHostZone } from '../host-zone';

// Everything below reads the feed back with Mozilla's parser (ical.js): a TZID'd time is resolved
// through the VTIMEZONE inside the parsed calendar itself, so a missing or wrong VTIMEZONE shows up
// as a wrong instant (ical.js would otherwise treat the time as floating, i.e. host-local).

const NOW = new Date('2026-11-20T08:15:30Z');

// ical.js knows RFC 5545 only; calendar apps read these RFC 7986 / Apple properties as TEXT.
const TEXT_CALENDAR_PROPERTIES = ['name', 'x-wr-calname', 'x-wr-caldesc'];
const icalProperties = ICAL.design.icalendar.property as Record<string, { defaultType: string } | undefined>;
beforeAll(() => {
  for (const name of TEXT_CALENDAR_PROPERTIES) icalProperties[name] = { defaultType: 'text' };
});
afterAll(() => {
  for (const name of TEXT_CALENDAR_PROPERTIES) delete icalProperties[name];
});

const at = (iso: string): Date => new Date(iso);

function event(overrides: Partial<CalendarEvent> & Pick<CalendarEvent, 'uid'>): CalendarEvent {
  return {
    title: 'Session',
    start: at('2026-11-24T11:00:00Z'),
    end: at('2026-11-24T12:30:00Z'),
    ...overrides,
  };
}

function build(overrides: Partial<BuildCalendarInput> = {}): string {
  return buildCalendar({ name: '邻里活动', timezone: 'Asia/Shanghai', events: [], now: NOW, ...overrides });
}

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics));
}

function veventsOf(calendar: ICAL.Component): ICAL.Component[] {
  return calendar.getAllSubcomponents('vevent');
}

function byUid(calendar: ICAL.Component): Map<string, ICAL.Event> {
  return new Map(veventsOf(calendar).map((c) => {
    const e = new ICAL.Event(c);
    return [e.uid, e] as const;
  }));
}

/** Physical lines: the text must end with CRLF and contain no other line breaks. */
function physicalLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  const lines = ics.slice(0, -2).split('\r\n');
  for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  return lines;
}

/** RFC 5545 3.1: a CRLF followed by one space or tab is removed. */
function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '');
}

/** The unfolded content lines whose name is `name` (no parameters considered). */
function contentLines(ics: string, name: string): string[] {
  return unfold(ics)
    .split('\r\n')
    .filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
}

describe('buildCalendar: calendar properties', () => {
  const ics = build({
    name: '邻里中心活动',
    description: '社区中心的课程与活动',
    events: [event({ uid: 'session-1@linli' })],
  });
  const cal = parse(ics);

  it('is a VCALENDAR with the required and publishing properties', () => {
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Linli//Community Centre Booking//ZH');
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('邻里中心活动');
    expect(cal.getFirstPropertyValue('x-wr-caldesc')).toBe('社区中心的课程与活动');
    expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Shanghai');
  });

  it('asks subscribers to refresh every 6 hours by default', () => {
    expect(String(cal.getFirstPropertyValue('refresh-interval'))).toBe('PT6H');
    expect(contentLines(ics, 'REFRESH-INTERVAL')).toEqual(['REFRESH-INTERVAL;VALUE=DURATION:PT6H']);
    expect(String(cal.getFirstPropertyValue('x-published-ttl'))).toBe('PT6H');
  });

  it('uses refreshHours and prodId when given', () => {
    const other = parse(build({ refreshHours: 1.5, prodId: '-//Example//Feed//EN' }));
    expect(String(other.getFirstPropertyValue('refresh-interval'))).toBe('PT1H30M');
    expect(String(other.getFirstPropertyValue('x-published-ttl'))).toBe('PT1H30M');
    expect(other.getFirstPropertyValue('prodid')).toBe('-//Example//Feed//EN');
    expect(parse(build({ prodId: '//No//Dash//EN' })).getFirstPropertyValue('prodid')).toBe('-//No//Dash//EN');
  });

  it('escapes the calendar name and description', () => {
    const ics = build({ name: 'Linli, 邻里; 日历\n第二行', description: 'a;b,c\\d' });
    expect(contentLines(ics, 'X-WR-CALNAME')).toEqual(['X-WR-CALNAME:Linli\\, 邻里\\; 日历\\n第二行']);
    const other = parse(ics);
    expect(other.getFirstPropertyValue('name')).toBe('Linli, 邻里; 日历\n第二行');
    expect(other.getFirstPropertyValue('x-wr-calname')).toBe('Linli, 邻里; 日历\n第二行');
    expect(other.getFirstPropertyValue('x-wr-caldesc')).toBe('a;b,c\\d');
  });

  it('rejects bad options', () => {
    expect(() => build({ refreshHours: 0 })).toThrow(RangeError);
    expect(() => build({ refreshHours: Number.NaN })).toThrow(RangeError);
    expect(() => build({ prodId: 'two\nlines' })).toThrow(RangeError);
    expect(() => build({ timezone: 'Mars/Olympus_Mons' })).toThrow(/time zone/);
    expect(() => build({ timezone: '+08:00' })).toThrow(/time zone/);
  });
});

describe('buildCalendar: times', () => {
  it('writes Shanghai sessions as TZID local times that parse back to the same instants', () => {
    const events = [
      event({ uid: 'session-1@linli', start: at('2026-11-24T11:00:00Z'), end: at('2026-11-24T12:30:00Z') }),
      // Crosses local midnight: 23:30 to 00:30 next day in Shanghai.
      event({ uid: 'session-2@linli', start: at('2026-12-31T15:30:00Z'), end: at('2026-12-31T16:30:00Z') }),
      // Zero-length is allowed.
      event({ uid: 'session-3@linli', start: at('2027-02-17T01:00:00Z'), end: at('2027-02-17T01:00:00Z') }),
    ];
    const ics = build({ events });
    const parsed = byUid(parse(ics));
    expect(parsed.size).toBe(3);
    for (const e of events) {
      const p = parsed.get(e.uid)!;
      expect(p.startDate.zone!.tzid).toBe('Asia/Shanghai');
      expect(p.endDate.zone!.tzid).toBe('Asia/Shanghai');
      expect(p.startDate.toJSDate().getTime()).toBe(e.start.getTime());
      expect(p.endDate.toJSDate().getTime()).toBe(e.end.getTime());
    }
    // The wall-clock reading is the centre's, whatever the server's zone.
    expect(contentLines(ics, 'DTSTART')).toContain('DTSTART;TZID=Asia/Shanghai:20261124T190000');
    expect(contentLines(ics, 'DTEND')).toContain('DTEND;TZID=Asia/Shanghai:20270101T003000');
  });

  it('includes exactly one VTIMEZONE, for the centre zone, matching every TZID', () => {
    const ics = build({ events: [event({ uid: 'a' }), event({ uid: 'b' })] });
    const zones = parse(ics).getAllSubcomponents('vtimezone');
    expect(zones).toHaveLength(1);
    expect(zones[0].getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    const standard = zones[0].getFirstSubcomponent('standard')!;
    expect(String(standard.getFirstPropertyValue('tzoffsetto'))).toBe('+08:00');
    const tzids = [...unfold(ics).matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1]);
    expect(tzids.length).toBe(4);
    expect(new Set(tzids)).toEqual(new Set(['Asia/Shanghai']));
  });

  it('handles Europe/Berlin around the spring-forward day', () => {
    const events = [
      // 2026-03-28 19:00 CET (+01:00), the evening before the change.
      event({ uid: 'before', start: at('2026-03-28T18:00:00Z'), end: at('2026-03-28T19:30:00Z') }),
      // 2026-03-29 19:00 CEST (+02:00), the evening of the change.
      event({ uid: 'dst-day', start: at('2026-03-29T17:00:00Z'), end: at('2026-03-29T18:30:00Z') }),
      // Spans the jump itself: 01:30 CET to 03:30 CEST is one hour.
      event({ uid: 'over-the-gap', start: at('2026-03-29T00:30:00Z'), end: at('2026-03-29T01:30:00Z') }),
      // 2026-10-25 19:00 CET again, after the fall-back.
      event({ uid: 'autumn', start: at('2026-10-25T18:00:00Z'), end: at('2026-10-25T19:00:00Z') }),
    ];
    const ics = build({ timezone: 'Europe/Berlin', events });
    const cal = parse(ics);
    const zones = cal.getAllSubcomponents('vtimezone');
    expect(zones).toHaveLength(1);
    expect(zones[0].getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    expect(zones[0].getAllSubcomponents('daylight')).not.toHaveLength(0);
    expect(zones[0].getAllSubcomponents('standard')).not.toHaveLength(0);

    const parsed = byUid(cal);
    for (const e of events) {
      const p = parsed.get(e.uid)!;
      expect(p.startDate.zone!.tzid).toBe('Europe/Berlin');
      expect([e.uid, p.startDate.toJSDate().getTime()]).toEqual([e.uid, e.start.getTime()]);
      expect([e.uid, p.endDate.toJSDate().getTime()]).toEqual([e.uid, e.end.getTime()]);
    }
    expect(contentLines(ics, 'DTSTART')).toContain('DTSTART;TZID=Europe/Berlin:20260329T190000');
    expect(contentLines(ics, 'DTSTART')).toContain('DTSTART;TZID=Europe/Berlin:20260328T190000');
    expect(contentLines(ics, 'DTEND')).toContain('DTEND;TZID=Europe/Berlin:20260329T033000');
  });

  it('keeps both passes through the repeated autumn hour distinct', () => {
    // 02:30 happens twice in Berlin on 2026-10-25. RFC 5545 says a TZID'd 02:30 means the first,
    // but parsers differ (ical.js takes the second), so such times are written in UTC instead.
    const first = event({ uid: 'first-0230', start: at('2026-10-25T00:30:00Z'), end: at('2026-10-25T00:50:00Z') });
    const second = event({ uid: 'second-0230', start: at('2026-10-25T01:30:00Z'), end: at('2026-10-25T01:50:00Z') });
    const after = event({ uid: 'after', start: at('2026-10-25T02:30:00Z'), end: at('2026-10-25T03:00:00Z') });
    const ics = build({ timezone: 'Europe/Berlin', events: [first, second, after] });
    const parsed = byUid(parse(ics));
    for (const e of [first, second, after]) {
      expect([e.uid, parsed.get(e.uid)!.startDate.toJSDate().getTime()]).toEqual([e.uid, e.start.getTime()]);
      expect([e.uid, parsed.get(e.uid)!.endDate.toJSDate().getTime()]).toEqual([e.uid, e.end.getTime()]);
    }
    const starts = contentLines(ics, 'DTSTART');
    expect(starts).toContain('DTSTART:20261025T003000Z');
    expect(starts).toContain('DTSTART:20261025T013000Z');
    expect(starts).toContain('DTSTART;TZID=Europe/Berlin:20261025T033000');
  });

  describeWhateverTheHostZone('the server', () => {
    it('writes the centre zone’s wall times, across a DST change', () => {
      const input: BuildCalendarInput = {
        name: 'x',
        timezone: 'Europe/Berlin',
        now: NOW,
        events: [
          event({ uid: 'before', start: at('2026-03-28T18:00:00Z'), end: at('2026-03-28T19:30:00Z') }),
          event({ uid: 'dst-day', start: at('2026-03-29T17:00:00Z'), end: at('2026-03-29T18:30:00Z') }),
        ],
      };
      const ics = buildCalendar(input);
      expect(contentLines(ics, 'DTSTART').filter((l) => l.includes(';TZID='))).toEqual(['DTSTART;TZID=Europe/Berlin:20260328T190000', 'DTSTART;TZID=Europe/Berlin:20260329T190000']);
      expect(contentLines(ics, 'DTEND').filter((l) => l.includes(';TZID='))).toEqual(['DTEND;TZID=Europe/Berlin:20260328T203000', 'DTEND;TZID=Europe/Berlin:20260329T203000']);
      const events = byUid(parse(ics));
      for (const e of input.events) expect(events.get(e.uid)!.startDate.toJSDate().toISOString()).toBe(e.start.toISOString());
    });
  });

  it('uses the zone id of the VTIMEZONE it includes when given an alias', () => {
    const e = event({ uid: 'a' });
    const ics = build({ timezone: 'Asia/Chongqing', events: [e] });
    const cal = parse(ics);
    const zones = cal.getAllSubcomponents('vtimezone');
    expect(zones).toHaveLength(1);
    const tzid = zones[0].getFirstPropertyValue('tzid');
    expect(contentLines(ics, 'DTSTART').filter((l) => l.includes(';TZID='))).toEqual([`DTSTART;TZID=${tzid}:20261124T190000`]);
    expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe(tzid);
    expect(byUid(cal).get('a')!.startDate.toJSDate().getTime()).toBe(e.start.getTime());
  });

  it('stamps every event with DTSTAMP in UTC', () => {
    const ics = build({ events: [event({ uid: 'a' }), event({ uid: 'b' })] });
    expect(contentLines(ics, 'DTSTAMP')).toEqual(['DTSTAMP:20261120T081530Z', 'DTSTAMP:20261120T081530Z']);
    for (const c of veventsOf(parse(ics))) {
      const stamp = c.getFirstPropertyValue('dtstamp') as ICAL.Time;
      expect(stamp.zone).toBe(ICAL.Timezone.utcTimezone);
      expect(stamp.toJSDate().getTime()).toBe(NOW.getTime());
    }
  });

  it('round-trips arbitrary instants in several zones (property)', () => {
    const second = 1000;
    const instant = fc
      .integer({ min: Date.UTC(2020, 0, 1) / second, max: Date.UTC(2035, 11, 31) / second })
      .map((s) => new Date(s * second));
    const zone = fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata');
    fc.assert(
      fc.property(zone, fc.array(fc.tuple(instant, fc.integer({ min: 0, max: 6 * 3600 })), { minLength: 1, maxLength: 8 }), (tz, spans) => {
        const events = spans.map(([start, seconds], i) => event({ uid: `e${i}@linli`, start, end: new Date(start.getTime() + seconds * second) }));
        const parsed = byUid(parse(build({ timezone: tz, events })));
        for (const e of events) {
          const p = parsed.get(e.uid)!;
          if (p.startDate.toJSDate().getTime() !== e.start.getTime()) return false;
          if (p.endDate.toJSDate().getTime() !== e.end.getTime()) return false;
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });

  it('drops sub-second parts rather than misplacing the event', () => {
    const e = event({ uid: 'ms', start: at('2026-11-24T11:00:00.999Z'), end: at('2026-11-24T12:00:00.500Z') });
    const p = byUid(parse(build({ events: [e] }))).get('ms')!;
    expect(p.startDate.toJSDate().toISOString()).toBe('2026-11-24T11:00:00.000Z');
    expect(p.endDate.toJSDate().toISOString()).toBe('2026-11-24T12:00:00.000Z');
  });
});

describe('buildCalendar: event content', () => {
  const full = event({
    uid: 'session-42@linli',
    title: '太极拳入门班（周二晚上）',
    location: '三楼多功能厅',
    description: '请穿运动鞋，带水杯。\n老师：王老师',
    url: 'https://linli.example/activities/42?from=calendar',
    categories: ['运动', '长者'],
    status: 'CONFIRMED',
  });

  it('writes SUMMARY, LOCATION, DESCRIPTION, URL, CATEGORIES and STATUS, Chinese intact', () => {
    const cal = parse(build({ events: [full] }));
    const [c] = veventsOf(cal);
    const e = new ICAL.Event(c);
    expect(e.uid).toBe('session-42@linli');
    expect(e.summary).toBe('太极拳入门班（周二晚上）');
    expect(e.location).toBe('三楼多功能厅');
    expect(e.description).toBe('请穿运动鞋，带水杯。\n老师：王老师');
    expect(c.getFirstPropertyValue('url')).toBe('https://linli.example/activities/42?from=calendar');
    expect(c.getFirstProperty('categories')!.getValues()).toEqual(['运动', '长者']);
    expect(c.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(c.getFirstPropertyValue('transp')).toBe('OPAQUE');
  });

  it('defaults to CONFIRMED and leaves out empty optional fields', () => {
    const ics = build({ events: [event({ uid: 'bare', location: null, description: '  ', url: null, categories: ['', ' '] })] });
    const [c] = veventsOf(parse(ics));
    expect(c.getFirstPropertyValue('status')).toBe('CONFIRMED');
    for (const name of ['location', 'description', 'url', 'categories']) expect(c.getFirstProperty(name)).toBeNull();
  });

  it('keeps cancelled sessions in the feed as STATUS:CANCELLED and not busy', () => {
    const events = [event({ uid: 'kept' }), event({ uid: 'cancelled', status: 'CANCELLED', title: '书法班（已取消）' })];
    const parsed = parse(build({ events }));
    expect(veventsOf(parsed)).toHaveLength(2);
    const cancelled = veventsOf(parsed).find((c) => c.getFirstPropertyValue('uid') === 'cancelled')!;
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(cancelled.getFirstPropertyValue('summary')).toBe('书法班（已取消）');
    const kept = veventsOf(parsed).find((c) => c.getFirstPropertyValue('uid') === 'kept')!;
    expect(kept.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('writes TENTATIVE, SEQUENCE and LAST-MODIFIED (UTC) when given', () => {
    const ics = build({ events: [event({ uid: 't', status: 'TENTATIVE', sequence: 3, lastModified: at('2026-11-19T02:00:00Z') })] });
    const [c] = veventsOf(parse(ics));
    expect(c.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(c.getFirstPropertyValue('sequence')).toBe(3);
    expect(contentLines(ics, 'LAST-MODIFIED').filter((l) => l.endsWith('Z'))).toContain('LAST-MODIFIED:20261119T020000Z');
  });

  it('escapes commas, semicolons, backslashes and newlines and reads them back', () => {
    const tricky = 'Yoga, Pilates; Stretch\\Relax\nBring a mat\r\nand water';
    const e = event({
      uid: 'tricky',
      title: tricky,
      location: 'Room 3, Floor 2; East wing',
      description: tricky,
      categories: ['Sport, Health', 'A;B'],
    });
    const ics = build({ events: [e] });
    expect(contentLines(ics, 'SUMMARY')).toEqual(['SUMMARY:Yoga\\, Pilates\\; Stretch\\\\Relax\\nBring a mat\\nand water']);
    const [c] = veventsOf(parse(ics));
    const p = new ICAL.Event(c);
    const expected = 'Yoga, Pilates; Stretch\\Relax\nBring a mat\nand water';
    expect(p.summary).toBe(expected);
    expect(p.description).toBe(expected);
    expect(p.location).toBe('Room 3, Floor 2; East wing');
    expect(c.getFirstProperty('categories')!.getValues()).toEqual(['Sport, Health', 'A;B']);
  });

  it('drops control characters that iCalendar text cannot carry', () => {
    const ics = build({ events: [event({ uid: 'ctl', title: 'A\u0000B\u0007C\tD' })] });
    expect(new ICAL.Event(veventsOf(parse(ics))[0]).summary).toBe('ABC\tD');
  });

  it('keeps URLs valid URIs (no backslash escapes)', () => {
    const ics = build({ events: [event({ uid: 'u', url: 'https://linli.example/a?tags=x,y;z' })] });
    const url = veventsOf(parse(ics))[0].getFirstPropertyValue('url') as string;
    expect(url).not.toContain('\\');
    expect(new URL(url).searchParams.get('tags')).toBe('x,y;z');
    expect(() => build({ events: [event({ uid: 'u', url: 'not a url' })] })).toThrow(RangeError);
  });

  it('rejects events it cannot represent faithfully', () => {
    expect(() => build({ events: [event({ uid: 'x' }), event({ uid: 'x' })] })).toThrow(/Duplicate/);
    expect(() => build({ events: [event({ uid: '' })] })).toThrow(RangeError);
    expect(() => build({ events: [event({ uid: 'a\r\nSTATUS:CANCELLED' })] })).toThrow(RangeError);
    expect(() => build({ events: [event({ uid: 'x', end: at('2026-11-24T10:00:00Z') })] })).toThrow(/ends before/);
    expect(() => build({ events: [event({ uid: 'x', start: new Date(Number.NaN) })] })).toThrow(RangeError);
    expect(() => build({ events: [event({ uid: 'x', sequence: -1 })] })).toThrow(/sequence/);
  });
});

describe('buildCalendar: serialisation', () => {
  const long = '社区长者智能手机使用培训班：微信视频通话、健康码、网上挂号与防诈骗知识讲座（第二期）'.repeat(3);
  const events = [
    event({ uid: 'long-1@linli', title: long, location: `${long}·多功能厅`, description: long, categories: ['长者', '数码'] }),
    // Astral characters (surrogate pairs in JS) and emoji must not be cut in half either.
    event({ uid: 'astral@linli', title: `𠮷野家🍜讲座${'𠮷🍜'.repeat(40)}`, description: `ascii-${'x'.repeat(200)}` }),
    event({ uid: 'mixed@linli', title: `${'a'.repeat(70)}邻里${'b'.repeat(5)}中心` }),
  ];
  const ics = build({ name: `邻里${'中心'.repeat(40)}`, events });

  it('uses CRLF line endings only', () => {
    physicalLines(ics);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds every line to at most 75 octets', () => {
    const lines = physicalLines(ics);
    const over = lines.filter((l) => Buffer.byteLength(l, 'utf8') > 75);
    expect(over).toEqual([]);
    // Long values really were folded (the test would be vacuous otherwise).
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(10);
  });

  it('never splits a multi-byte character across a fold', () => {
    for (const line of physicalLines(ics)) {
      // A lone surrogate would not survive a UTF-8 round trip.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    // Each physical line is valid UTF-8 on its own, as a byte-oriented client would read it.
    const bytes = Buffer.from(ics, 'utf8');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let from = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        expect(() => decoder.decode(bytes.subarray(from, i))).not.toThrow();
        from = i + 2;
      }
    }
  });

  it('unfolds back to the exact Chinese text', () => {
    const parsed = byUid(parse(ics));
    expect(parsed.get('long-1@linli')!.summary).toBe(long);
    expect(parsed.get('long-1@linli')!.location).toBe(`${long}·多功能厅`);
    expect(parsed.get('long-1@linli')!.description).toBe(long);
    expect(parsed.get('astral@linli')!.summary).toBe(`𠮷野家🍜讲座${'𠮷🍜'.repeat(40)}`);
    expect(parsed.get('mixed@linli')!.summary).toBe(`${'a'.repeat(70)}邻里${'b'.repeat(5)}中心`);
    expect(parse(ics).getFirstPropertyValue('x-wr-calname')).toBe(`邻里${'中心'.repeat(40)}`);
  });
});

describe('buildCalendar: empty calendar', () => {
  const ics = build({ events: [] });

  it('is still a valid, parseable VCALENDAR', () => {
    const lines = physicalLines(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines[lines.length - 1]).toBe('END:VCALENDAR');
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    const cal = parse(ics);
    expect(cal.name).toBe('vcalendar');
    expect(veventsOf(cal)).toHaveLength(0);
    for (const name of ['version', 'prodid', 'calscale', 'method', 'x-wr-calname', 'x-wr-timezone', 'refresh-interval', 'x-published-ttl']) {
      expect([name, cal.getFirstProperty(name) !== null]).toEqual([name, true]);
    }
  });

  it('references no time zone it does not define', () => {
    const tzids = [...unfold(ics).matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1]);
    const defined = parse(ics).getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    for (const tzid of tzids) expect(defined).toContain(tzid);
  });
});

describe('icsResponseHeaders', () => {
  it('sets the calendar content type, inline disposition and a short cache lifetime', () => {
    const h = icsResponseHeaders('linli-activities.ics');
    expect(h['Content-Type']).toBe('text/calendar; charset=utf-8');
    expect(h['Content-Disposition']).toBe('inline; filename="linli-activities.ics"');
    const maxAge = Number(/max-age=(\d+)/.exec(h['Cache-Control'])?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(3600);
    expect(h['Cache-Control']).toMatch(/^public,/);
  });

  it('keeps personal feeds out of shared caches and honours maxAgeSeconds', () => {
    expect(icsResponseHeaders('me.ics', { personal: true, maxAgeSeconds: 60 })['Cache-Control']).toBe('private, max-age=60');
    expect(() => icsResponseHeaders('me.ics', { maxAgeSeconds: -1 })).toThrow(RangeError);
  });

  it('adds the .ics extension and strips characters that could break the header', () => {
    expect(icsResponseHeaders('feed')['Content-Disposition']).toBe('inline; filename="feed.ics"');
    const h = icsResponseHeaders('a"b\r\nSet-Cookie: x=1\\c/d.ics');
    expect(h['Content-Disposition']).toBe('inline; filename="abSet-Cookie: x=1cd.ics"');
    expect(icsResponseHeaders('')['Content-Disposition']).toBe('inline; filename="calendar.ics"');
  });

  it('sends a Chinese filename as RFC 6266 filename* with an ASCII fallback', () => {
    const h = icsResponseHeaders('邻里活动.ics');
    for (const value of Object.values(h)) expect(value).toMatch(/^[\x20-\x7E]*$/);
    const star = /filename\*=UTF-8''([^;]+)/.exec(h['Content-Disposition'])?.[1];
    expect(decodeURIComponent(star!)).toBe('邻里活动.ics');
    expect(h['Content-Disposition']).toMatch(/^inline; filename="calendar\.ics"; /);
    expect(icsResponseHeaders('Linli 邻里.ics')['Content-Disposition']).toMatch(/^inline; filename="Linli _\.ics"; filename\*=UTF-8''Linli%20/);
  });
});
