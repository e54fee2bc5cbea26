import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import pWaitFor from 'p-wait-for';
import { addDays } from '../../plugins/booking/server/src/core/time/zoned';
import { openDatabase } from '../harness/database';
import { at, createRoom, dayAhead, eveningClock, outbox, reservation } from '../harness/fixtures';
import { fromAddress } from '../harness/from-address';
import { expandAvailability } from '../../site/src/lib/room-availability';

const FORMS_MAX = 6;
const READS_MAX = 10;
// Both clocks at 18:00:30 and both sweeping every second: evening reminders are due at once, in both.
const clock = eveningClock();
const LIMITS = { BOOKING_RATE_LIMIT_MAX: String(FORMS_MAX), BOOKING_READ_LIMIT_MAX: String(READS_MAX), BOOKING_TEST_NOW: clock.now, BOOKING_REMINDER_SWEEP_SECONDS: '1' };
const NO_TOKEN = 'A'.repeat(43);

// Only PostgreSQL serves several CMS processes; there the database itself refuses an overlap.
describe('two CMS processes sharing one PostgreSQL', () => {
  let first: TestCms;
  let second: TestCms;

  beforeAll(async () => {
    first = await startTestCms({ env: LIMITS });
    second = await startTestCms({ database: first.database, env: LIMITS });
    await createRoom(await asAdmin(first), { slug: 'test-room', requiresApproval: false });
    await createRoom(await asAdmin(first), { slug: 'reminded-room', requiresApproval: false, bufferMinutes: 0 });
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('40 requests for one slot split across both give exactly one booking', async () => {
    const date = dayAhead(2);
    // Forty residents, each from an address of their own, so that no one's rate limit is spent.
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fromAddress(i % 2 ? first : second, `127.0.1.${i + 1}`)('POST', '/api/booking/reservations', {
          data: reservation({ start: at(date, '10:00'), end: at(date, '11:00'), contactName: `居民${i}`, email: `r${i}@example.org` }),
        })
      )
    );
    const won = answers.filter((a) => a.status === 201);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(39);
    // Either process's worker may send the winner's confirmation; it goes out once, by one of them.
    const reference = won[0].body.data.reference;
    const sent = () => [...outbox(first.mailDir), ...outbox(second.mailDir)].filter((m) => m.subject.includes(reference));
    await pWaitFor(() => sent().length > 0, { timeout: 15_000 });
    const db = await openDatabase(first.database);
    try {
      // One message, claimed and sent in one attempt: no second process sent it again.
      expect(await db.query('SELECT state, attempts FROM booking_messages WHERE about_id = ?', [reference])).toEqual([{ state: 'sent', attempts: 1 }]);
    } finally {
      await db.close();
    }
    expect(sent()).toHaveLength(1);
    for (const cms of [first, second]) {
      const day = await cms.get(`/api/booking/rooms/test-room/availability?from=${date}&to=${date}`);
      expect(day.body.data.days[0].busy).toEqual([{ start: at(date, '10:00'), end: at(date, '11:00'), kind: 'reservation' }]);
    }
  });

  it('a client spends one budget for the booking forms, whichever process and form route it calls', async () => {
    const [toFirst, toSecond] = [fromAddress(first, '127.0.2.1'), fromAddress(second, '127.0.2.1')];
    for (let i = 0; i < FORMS_MAX / 2; i += 1) {
      expect((await toFirst('POST', '/api/booking/reservations', { data: reservation({ room: 'none' }) })).status).toBe(400);
      expect((await toSecond('GET', '/api/booking/reservations/manage', undefined, { 'x-manage-token': NO_TOKEN })).status).toBe(404);
    }
    const refused = await toFirst('POST', '/api/booking/enrolments', { data: { course: 'none', name: '王芳', phone: '13900001111' } });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await toSecond('POST', '/api/booking/enrolments/manage/cancel', undefined, { 'x-manage-token': NO_TOKEN })).status).toBe(429);
    // The expensive reads are a budget of their own.
    expect((await toSecond('GET', '/api/booking/calendar/events.ics')).status).toBe(200);
  });

  it('a client spends one budget for the expensive reads on both processes, apart from the forms', async () => {
    const [toFirst, toSecond] = [fromAddress(first, '127.0.2.2'), fromAddress(second, '127.0.2.2')];
    const date = dayAhead(2);
    for (let i = 0; i < READS_MAX / 2; i += 1) {
      expect((await toFirst('GET', `/api/booking/availability?from=${date}&to=${date}`)).status).toBe(200);
      expect((await toSecond('GET', '/api/booking/calendar/events.ics')).status).toBe(200);
    }
    expect((await toFirst('GET', '/api/booking/timetable')).status).toBe(429);
    expect((await toSecond('GET', `/api/booking/rooms/test-room/availability?from=${date}&to=${date}`)).status).toBe(429);
    expect((await toSecond('POST', '/api/booking/reservations', { data: reservation({ room: 'none' }) })).status).toBe(400);
  });

  it('a booking made through one process shows in the next availability answer of the other, which both had cached', async () => {
    const date = dayAhead(4);
    const path = `/api/booking/availability?from=${date}&to=${date}`;
    const [fromFirst, fromSecond] = [fromAddress(first, '127.0.2.3'), fromAddress(second, '127.0.2.3')];
    const busyOf = (body: any) => expandAvailability<any>(body).find((r) => r.room.slug === 'test-room')!.days[0].busy;
    // Each process has answered (and kept) the day before the booking.
    const [before, alsoBefore] = [await fromFirst('GET', path), await fromSecond('GET', path)];
    expect(busyOf(before.body)).toEqual([]);
    expect(alsoBefore.headers.etag).toBe(before.headers.etag);
    expect((await fromSecond('GET', path, undefined, { 'if-none-match': String(before.headers.etag) })).status).toBe(304);

    const booked = await fromAddress(first, '127.0.2.4')('POST', '/api/booking/reservations', { data: reservation({ start: at(date, '15:00'), end: at(date, '16:00') }) });
    expect(booked.status).toBe(201);
    const after = await fromSecond('GET', path, undefined, { 'if-none-match': String(before.headers.etag) });
    expect(after.status).toBe(200);
    expect(busyOf(after.body)).toEqual([{ start: at(date, '15:00'), end: at(date, '16:00'), kind: 'reservation' }]);
  });

  it('a public permission staff took away stays away when a process restarts', async () => {
    const admin = await asAdmin(first);
    const { body: roles } = await admin.request('GET', '/users-permissions/roles');
    const publicRole = roles.roles.find((role: { type: string }) => role.type === 'public');
    const { body: current } = await admin.request('GET', `/users-permissions/roles/${publicRole.id}`);
    const { role } = current;
    expect(role.permissions['plugin::booking'].controllers.activities.timetable.enabled).toBe(true);
    role.permissions['plugin::booking'].controllers.activities.timetable.enabled = false;
    const update = await admin.request('PUT', `/users-permissions/roles/${publicRole.id}`, {
      name: role.name,
      description: role.description,
      type: role.type,
      permissions: role.permissions,
    });
    expect(update.status).toBe(200);
    expect((await first.get('/api/booking/timetable')).status).toBe(403);

    // The second process restarts on the same database, now behind a proxy (for the next test).
    await second.stop();
    second = await startTestCms({ database: first.database, env: { ...LIMITS, TRUSTED_PROXY_HOPS: '1' } });
    for (const cms of [second, first]) {
      expect((await cms.get('/api/booking/timetable')).status).toBe(403);
      expect((await cms.get('/api/booking/courses')).status).toBe(200);
    }
    const { body: after } = await (await asAdmin(second)).request('GET', `/users-permissions/roles/${publicRole.id}`);
    expect(after.role.permissions['plugin::booking'].controllers.activities.timetable.enabled).toBe(false);
    expect(after.role.permissions['plugin::booking'].controllers.activities.courses.enabled).toBe(true);
  });

  it('behind one trusted proxy, the client is the address the proxy appended; entries a client adds change nothing', async () => {
    // The process restarted above trusts one proxy hop; these requests play the proxy, from 127.0.3.1.
    const viaProxy = (forwardedFor: string) =>
      fromAddress(second, '127.0.3.1')('POST', '/api/booking/reservations', { data: reservation({ room: 'none' }) }, { 'x-forwarded-for': forwardedFor });
    for (let i = 0; i < FORMS_MAX; i += 1) expect((await viaProxy(`203.0.113.${i}, 198.51.100.7`)).status).toBe(400);
    expect((await viaProxy('203.0.113.99, 198.51.100.7')).status).toBe(429);
    expect((await viaProxy('::ffff:198.51.100.7')).status).toBe(429);
    // Other residents behind the same proxy keep their own budgets.
    expect((await viaProxy('198.51.100.8')).status).toBe(400);

    // An IPv6 client is its /64, whichever address it picks in it.
    for (let i = 1; i <= FORMS_MAX; i += 1) expect((await viaProxy(`2001:db8:1:2::${i}`)).status).toBe(400);
    expect((await viaProxy('2001:db8:1:2:ffff:ffff:ffff:fffe')).status).toBe(429);
    expect((await viaProxy('2001:db8:1:3::1')).status).toBe(400);
  });

  it('both processes sweep for reminders, and each person is reminded exactly once', async () => {
    const tomorrow = addDays(clock.day, 1);
    const people = ['08', '09', '10', '11', '12', '13'].map((hour, i) => ({ hour, email: `reminded${i}@example.org` }));
    for (const [i, { hour, email }] of people.entries()) {
      const made = await fromAddress(i % 2 ? first : second, `127.0.4.${i + 1}`)('POST', '/api/booking/reservations', {
        data: reservation({ room: 'reminded-room', start: at(tomorrow, `${hour}:00`), end: at(tomorrow, `${hour}:30`), email }),
      });
      expect(made.status).toBe(201);
    }
    const reminders = () => [...outbox(first.mailDir), ...outbox(second.mailDir)].filter((m) => m.subject.startsWith('提醒'));
    const reminded = (email: string) => reminders().filter((m) => m.to === email).length;
    await pWaitFor(() => people.every(({ email }) => reminded(email) > 0), { interval: 200, timeout: 60_000 });
    // Some more sweeps of both processes: one more booking reminded proves they ran after the others were told.
    const late = await fromAddress(first, '127.0.4.20')('POST', '/api/booking/reservations', {
      data: reservation({ room: 'reminded-room', start: at(tomorrow, '15:00'), end: at(tomorrow, '15:30'), email: 'reminded-late@example.org' }),
    });
    expect(late.status).toBe(201);
    await pWaitFor(() => reminded('reminded-late@example.org') > 0, { interval: 200, timeout: 60_000 });
    expect(people.map(({ email }) => reminded(email))).toEqual(people.map(() => 1));
  });
});
