import ICAL from 'ical.js';
import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { at, createActivity, createClosure, createRoom, dayAhead, manageLink, reservation, weekly } from '../harness/fixtures';

/** The feed as a phone's calendar reads it, through a standard RFC 5545 parser. */
const parse = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v: any) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, location: e.location, start: e.startDate.toJSDate().getTime(), end: e.endDate.toJSDate().getTime(), status: v.getFirstPropertyValue('status') };
  });
  return { calendar, events };
};

describe('calendar feeds', () => {
  let cms: TestCms;
  let roomId: string;
  const secret = { contactName: '日历隐私测试人', phone: '13712345678', email: 'calendar.private@example.org', organization: '日历秘密团体' };

  beforeAll(async () => {
    cms = await startTestCms();
    const admin = await asAdmin(cms);
    roomId = await createRoom(admin, { slug: 'test-room', name: '多功能厅', requiresApproval: false });
    const course = await createActivity(admin, 'course', { slug: 'calligraphy', title: '书法班，初级；周二', roomId, schedule: weekly(['tue'], dayAhead(1, 1), dayAhead(7, 2), '19:00', 90) });
    expect(course.published.status).toBe(200);
    const event = await createActivity(admin, 'event', { slug: 'fraud-talk', title: '防诈骗讲座', roomId, schedule: { frequency: 'once', startDate: dayAhead(5, 1), endDate: dayAhead(5, 1), startTime: '09:30', durationMinutes: 90 } });
    expect(event.published.status).toBe(200);
    expect((await cms.request('POST', '/api/booking/reservations', { data: reservation({ start: at(dayAhead(3, 1), '10:00'), end: at(dayAhead(3, 1), '11:00'), ...secret }) })).status).toBe(201);
    await createClosure(admin, { reason: '设备检修', start: at(dayAhead(6, 1), '09:00'), end: at(dayAhead(6, 1), '12:00'), roomIds: [roomId] });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  const feed = async (path: string) => {
    const res = await fetch(cms.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await res.text();
    for (const value of Object.values(secret)) expect(text).not.toContain(value);
    return { text, ...parse(text) };
  };

  it('the timetable feed has every session at the right instant, with its time zone', async () => {
    const { text, events, calendar } = await feed('/api/booking/calendar/timetable.ics');
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('TZID:Asia/Shanghai');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('邻里中心活动课程表');
    const calligraphy = events.filter((e: any) => e.summary === '书法班，初级；周二');
    expect(calligraphy.map((e: any) => e.start)).toEqual([1, 2].map((w) => Date.parse(at(dayAhead(2, w), '19:00'))));
    expect(calligraphy[0]).toMatchObject({ location: '多功能厅', status: 'CONFIRMED', end: Date.parse(at(dayAhead(2, 1), '20:30')) });
    expect(events.find((e: any) => e.summary === '防诈骗讲座')).toMatchObject({ start: Date.parse(at(dayAhead(5, 1), '09:30')) });
  });

  it('the course feed has only that course; the events feed only events', async () => {
    const course = await feed('/api/booking/calendar/courses/calligraphy.ics');
    expect(new Set(course.events.map((e: any) => e.summary))).toEqual(new Set(['书法班，初级；周二']));
    const events = await feed('/api/booking/calendar/events.ics');
    expect(events.events.map((e: any) => e.summary)).toEqual(['防诈骗讲座']);
  });

  it("a room's feed shows when it is taken and closed, and by nobody in particular", async () => {
    const { events } = await feed('/api/booking/calendar/rooms/test-room.ics');
    expect(events.find((e: any) => e.start === Date.parse(at(dayAhead(3, 1), '10:00')))).toMatchObject({ summary: '已占用', end: Date.parse(at(dayAhead(3, 1), '11:00')) });
    expect(events.find((e: any) => e.start === Date.parse(at(dayAhead(6, 1), '09:00')))).toMatchObject({ summary: '闭馆' });
    expect(events.filter((e: any) => e.start === Date.parse(at(dayAhead(2, 1), '19:00')))).toHaveLength(1);
  });

  it('a cancelled session stays in the feeds with STATUS:CANCELLED, and no longer makes its room busy', async () => {
    const admin = await asAdmin(cms);
    const course = await createActivity(admin, 'course', { slug: 'paper-cutting', title: '剪纸班', roomId, schedule: weekly(['thu'], dayAhead(4, 1), dayAhead(4, 2), '14:00', 60) });
    expect(course.published.status).toBe(200);
    const [first, second] = [1, 2].map((w) => Date.parse(at(dayAhead(4, w), '14:00')));
    const sessionId = (await feed('/api/booking/calendar/courses/paper-cutting.ics')).events.find((e: any) => e.start === first)!.uid.replace(/^session-|@linli$/g, '');
    const cancelled = await admin.request('POST', `/booking/sessions/${sessionId}/cancel`, { data: { reason: '老师生病' } });
    expect(cancelled.status).toBe(200);

    for (const path of ['/api/booking/calendar/timetable.ics', '/api/booking/calendar/courses/paper-cutting.ics']) {
      const ours = (await feed(path)).events.filter((e: any) => e.summary === '剪纸班');
      // Same UID as before, so a subscribed phone marks its copy cancelled instead of keeping it.
      expect([path, ours.map((e: any) => [e.uid, e.start, e.status])]).toEqual([
        path,
        [
          [`session-${sessionId}@linli`, first, 'CANCELLED'],
          [expect.stringMatching(/^session-/), second, 'CONFIRMED'],
        ],
      ]);
    }
    const room = (await feed('/api/booking/calendar/rooms/test-room.ics')).events;
    expect(room.filter((e: any) => e.start === first)).toEqual([]);
    expect(room.filter((e: any) => e.start === second)).toHaveLength(1);
  });

  it('cancelled and rejected reservations do not make a room look busy; pending and confirmed ones do', async () => {
    const admin = await asAdmin(cms);
    await createRoom(admin, { slug: 'approval-room', name: '五邻议事厅', requiresApproval: true });
    const day = dayAhead(2, 3);
    const book = async (time: string) => {
      const res = await cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'approval-room', start: at(day, `${time}:00`), end: at(day, `${time}:30`), email: `feed-${time}@example.org` }) });
      expect(res.status).toBe(201);
      return res.body.data as { reference: string; manageToken: string };
    };
    const [cancelled, rejected, , confirmed] = [await book('09'), await book('10'), await book('11'), await book('12')];
    expect((await manageLink(cms, 'reservations', cancelled.manageToken).cancel()).status).toBe(200);
    expect((await admin.request('POST', `/booking/reservations/${rejected.reference}/reject`, { data: { reason: '已有安排' } })).status).toBe(200);
    expect((await admin.request('POST', `/booking/reservations/${confirmed.reference}/approve`)).status).toBe(200);

    const { events } = await feed('/api/booking/calendar/rooms/approval-room.ics');
    const onDay = events.filter((e: any) => e.start >= Date.parse(at(day, '00:00')) && e.start < Date.parse(at(day, '23:59')));
    expect(onDay.map((e: any) => [e.start, e.summary]).sort()).toEqual([
      [Date.parse(at(day, '11:00')), '已占用'],
      [Date.parse(at(day, '12:00')), '已占用'],
    ]);
  });

  it('answers 404 for an unknown course or room and 400 for a malformed name', async () => {
    expect((await fetch(`${cms.url}/api/booking/calendar/courses/nothing.ics`)).status).toBe(404);
    expect((await fetch(`${cms.url}/api/booking/calendar/rooms/nowhere.ics`)).status).toBe(404);
    expect((await fetch(`${cms.url}/api/booking/calendar/rooms/Bad_Name`)).status).toBe(400);
  });
});
