import { rmSync, writeFileSync } from 'node:fs';
import { asAdmin, setPublicPermission } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { fromAddress } from '../harness/from-address';
import { openDatabase } from '../harness/database';
import { countingQueries, queriesOf } from '../harness/query-count';
import { expandAvailability } from '../../site/src/lib/room-availability';
import { addDays } from '../../plugins/booking/server/src/core/time/zoned';
import { CONSENT, at, createActivity, createClosure, createRoom, dayAhead, reservation, weekly } from '../harness/fixtures';

describe('availability', () => {
  let cms: TestCms;
  const date = dayAhead(3, 1);

  beforeAll(async () => {
    cms = await startTestCms({ env: countingQueries() });
    const admin = await asAdmin(cms);
    const weekdayEvenings = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '21:00' }]]));
    const small = await createRoom(admin, { slug: 'test-room', capacity: 12, requiresApproval: false, bufferMinutes: 15, openingHours: weekdayEvenings });
    await createRoom(admin, { slug: 'big-hall', capacity: 80, requiresApproval: false });
    await createRoom(admin, { slug: 'reading', capacity: 30, bookable: false });
    await createClosure(admin, { reason: '设备检修', start: at(date, '09:00'), end: at(date, '10:00'), roomIds: [small] });
    const booked = await cms.request('POST', '/api/booking/reservations', { data: reservation({ start: at(date, '19:00'), end: at(date, '20:00'), attendees: 10 }) });
    expect(booked.status).toBe(201);
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it("shows a room's day: open hours, what holds the time, and what is free", async () => {
    const res = await cms.get(`/api/booking/rooms/test-room/availability?from=${date}&to=${date}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ room: { slug: 'test-room', capacity: 12 }, timezone: 'Asia/Shanghai' });
    expect(res.body.data.days).toEqual([
      {
        date,
        open: [
          { start: at(date, '09:00'), end: at(date, '12:00') },
          { start: at(date, '14:00'), end: at(date, '21:00') },
        ],
        busy: [
          { start: at(date, '09:00'), end: at(date, '10:00'), kind: 'closure' },
          { start: at(date, '18:45'), end: at(date, '19:00'), kind: 'buffer' },
          { start: at(date, '19:00'), end: at(date, '20:00'), kind: 'reservation' },
          { start: at(date, '20:00'), end: at(date, '20:15'), kind: 'buffer' },
        ],
        free: [
          { start: at(date, '10:00'), end: at(date, '12:00') },
          { start: at(date, '14:00'), end: at(date, '18:45') },
          { start: at(date, '20:15'), end: at(date, '21:00') },
        ],
      },
    ]);
  });

  it('covers a range of days, closed days included', async () => {
    // Saturday to Monday, whatever weekday today is.
    const saturday = dayAhead(6, 1);
    const monday = addDays(saturday, 2);
    const res = await cms.get(`/api/booking/rooms/test-room/availability?from=${saturday}&to=${monday}`);
    expect(res.body.data.days.map((d: any) => d.date)).toEqual([saturday, addDays(saturday, 1), monday]);
    expect(res.body.data.days[0]).toEqual({ date: saturday, open: [], busy: [], free: [] });
    expect(res.body.data.days[2].free).toHaveLength(2);
  });

  it('answers which bookable rooms are free, optionally for a number of people', async () => {
    const all = await cms.get(`/api/booking/availability?from=${date}&to=${date}`);
    expect(all.status).toBe(200);
    expect(all.body.data.map((r: any) => r.room.slug).sort()).toEqual(['big-hall', 'test-room']);
    const forForty = await cms.get(`/api/booking/availability?from=${date}&to=${date}&capacity=40`);
    expect(forForty.body.data.map((r: any) => r.room.slug)).toEqual(['big-hall']);
    expect(expandAvailability(forForty.body)[0].days[0].free).toEqual([{ start: at(date, '08:00'), end: at(date, '22:00') }]);
  });

  it.each([
    ['from=2026-13-01&to=2026-13-02', 'from'],
    [`from=${date}`, 'to'],
    [`from=${date}&to=${dayAhead(1, -1)}`, 'to'],
    [`from=${date}&to=${dayAhead(1, 12)}`, 'to'],
    [`from=${date}&to=${date}&capacity=0`, 'capacity'],
    // Every room at once: a fortnight at most.
    [`from=${date}&to=${addDays(date, 14)}`, 'to'],
  ])('refuses %s with a 400 naming %s', async (query, path) => {
    const res = await cms.get(`/api/booking/availability?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it('answers every room for a fortnight', async () => {
    const fortnight = await cms.get(`/api/booking/availability?from=${date}&to=${addDays(date, 13)}`);
    expect(fortnight.status).toBe(200);
    expect(fortnight.body.data[0].days).toHaveLength(14);
  });

  it('answers 404 for a room that does not exist', async () => {
    expect((await cms.get(`/api/booking/rooms/nowhere/availability?from=${date}&to=${date}`)).status).toBe(404);
  });

  it("follows the centre's hours staff set in the content manager, in every room without its own", async () => {
    const admin = await asAdmin(cms);
    const centre = '/content-manager/single-types/plugin::booking.centre';
    await createRoom(admin, { slug: 'plain-room', requiresApproval: false, openingHours: null });
    const book = (start: string, end: string) => cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'plain-room', start: at(date, start), end: at(date, end), attendees: 5 }) });
    // Early mornings only: the app's default hours (08:30–12:00, 14:00–21:00 on weekdays) would allow the opposite.
    const mornings = { ...Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '07:00', end: '13:00' }]])), sat: [], sun: [] };
    // As the admin panel's JSON editor sends it: text.
    const saved = await admin.request('PUT', centre, { openingHours: JSON.stringify(mornings) });
    expect(saved.status).toBe(200);

    expect((await cms.get('/api/booking/rooms/plain-room')).body.data.openingHours).toEqual(mornings);
    // A room with hours of its own keeps them.
    expect((await cms.get('/api/booking/rooms/test-room')).body.data.openingHours.mon).toEqual([{ start: '09:00', end: '12:00' }, { start: '14:00', end: '21:00' }]);
    const day = await cms.get(`/api/booking/rooms/plain-room/availability?from=${date}&to=${date}`);
    expect(day.body.data.days[0]).toMatchObject({ open: [{ start: at(date, '07:00'), end: at(date, '13:00') }], free: [{ start: at(date, '07:00'), end: at(date, '13:00') }] });

    const evening = await book('19:00', '20:00');
    expect(evening.status).toBe(400);
    expect(evening.body.error.details.errors).toEqual([expect.objectContaining({ path: 'start', code: 'outside_opening_hours' })]);
    expect((await book('07:00', '08:00')).status).toBe(201);

    // Hours that do not parse are refused, naming the field, and change nothing.
    for (const [openingHours, reason] of [
      [{ mon: [{ start: '21:00', end: '08:30' }] }, 'mon.0.end: end (08:30) must be after start (21:00)'],
      [{ monday: [] }, 'unknown weekday "monday"'],
      ['{ "mon": [', 'opening hours must be an object keyed by weekday'],
    ] as const) {
      const bad = await admin.request('PUT', centre, { openingHours });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.errors).toEqual([expect.objectContaining({ path: ['openingHours'], message: expect.stringContaining(reason) })]);
    }
    expect((await cms.get('/api/booking/rooms/plain-room')).body.data.openingHours).toEqual(mornings);

    // Emptied, the app's default hours apply again.
    expect((await admin.request('PUT', centre, { openingHours: null })).status).toBe(200);
    expect((await cms.get('/api/booking/rooms/plain-room')).body.data.openingHours.mon).toEqual([{ start: '08:30', end: '12:00' }, { start: '14:00', end: '21:00' }]);
  });

  it.each([
    ['every room', `/api/booking/availability?from=${date}&to=${date}`],
    ['one room', `/api/booking/rooms/big-hall/availability?from=${date}&to=${date}`],
    ['the room list', '/api/booking/rooms'],
    ['a room', '/api/booking/rooms/big-hall'],
  ])('%s: compressed when the client accepts it, with an ETag that answers 304 until the data changes', async (_label, path) => {
    const plain = await cms.request('GET', path, undefined, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const etag = plain.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    for (const encoding of ['gzip', 'br']) {
      const packed = await cms.request('GET', path, undefined, { 'accept-encoding': encoding });
      expect(packed.headers.get('content-encoding')).toBe(encoding);
      expect(packed.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(packed.headers.get('etag')).toBe(etag);
      expect(packed.body).toEqual(plain.body);
    }
    const unchanged = await cms.request('GET', path, undefined, { 'if-none-match': etag! });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBeNull();
    expect((await cms.request('GET', path, undefined, { 'if-none-match': '"another"' })).status).toBe(200);
  });

  it("answers an anonymous read of rooms with one query, as far as the Public role allows it; residents, tokens and staff's changes go through users-permissions", async () => {
    // The data version, and nothing else: users-permissions read the Public role's permissions on every request.
    expect(await queriesOf(cms, '/api/booking/rooms')).toBe(1);
    const registered = await cms.request('POST', '/api/auth/local/register', { username: 'reader', email: 'reader@example.org', password: 'Readers-Pass-42' });
    expect(registered.status).toBe(200);
    const resident = { authorization: `Bearer ${registered.body.jwt}` };
    expect((await cms.request('GET', '/api/booking/rooms', undefined, resident)).status).toBe(200);
    // A token that is not one is refused, not read as an anonymous request.
    expect((await cms.request('GET', '/api/booking/rooms', undefined, { authorization: 'Bearer not-a-token' })).status).toBe(401);

    const admin = await asAdmin(cms);
    await setPublicPermission(admin, 'rooms.find', false);
    try {
      const refused = await cms.get('/api/booking/rooms');
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
      // Only the route staff unticked: one room's page is its own permission, and signed-in residents keep theirs.
      expect((await cms.get('/api/booking/rooms/test-room')).status).toBe(200);
      expect((await cms.request('GET', '/api/booking/rooms', undefined, resident)).status).toBe(200);
    } finally {
      await setPublicPermission(admin, 'rooms.find', true);
    }
    expect((await cms.get('/api/booking/rooms')).status).toBe(200);
  });

  it("a change to the Public role's grants made in the database, by whatever means, holds at the next anonymous read", async () => {
    expect((await cms.get('/api/booking/rooms')).status).toBe(200);
    const db = await openDatabase(cms.database);
    try {
      const [link] = await db.query(
        `SELECT l.id, l.permission_id FROM up_permissions_role_lnk l JOIN up_permissions p ON p.id = l.permission_id
         JOIN up_roles r ON r.id = l.role_id WHERE r.type = 'public' AND p.action = 'plugin::booking.rooms.find'`
      );
      // The permission changed (its own table alone)…
      await db.query('UPDATE up_permissions SET action = ? WHERE id = ?', ['plugin::booking.rooms.find-renamed', link.permission_id]);
      expect((await cms.get('/api/booking/rooms')).status).toBe(403);
      await db.query('UPDATE up_permissions SET action = ? WHERE id = ?', ['plugin::booking.rooms.find', link.permission_id]);
      expect((await cms.get('/api/booking/rooms')).status).toBe(200);
      // …and taken from the role (the link table alone).
      await db.query('DELETE FROM up_permissions_role_lnk WHERE id = ?', [link.id]);
      expect((await cms.get('/api/booking/rooms')).status).toBe(403);
    } finally {
      await db.close();
    }
    await setPublicPermission(await asAdmin(cms), 'rooms.find', true);
    expect((await cms.get('/api/booking/rooms')).status).toBe(200);
  });

  it('a change made in the database, by whatever means, shows in the next answer and ends the 304s', async () => {
    const path = `/api/booking/availability?from=${date}&to=${date}`;
    const before = await cms.get(path);
    const etag = before.headers.get('etag')!;
    const bigHall = (body: any) => expandAvailability<any>(body).find((r) => r.room.slug === 'big-hall')!.days[0];
    expect(bigHall(before.body).busy).toEqual([]);
    // Through the API…
    expect((await cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'big-hall', start: at(date, '10:00'), end: at(date, '11:00'), attendees: 5 }) })).status).toBe(201);
    const booked = await cms.request('GET', path, undefined, { 'if-none-match': etag });
    expect(booked.status).toBe(200);
    expect(bigHall(booked.body).busy).toEqual([{ start: at(date, '10:00'), end: at(date, '11:00'), kind: 'reservation' }]);
    // …and in SQL, as another program on the database would (here releasing the hold as a cancellation does).
    const db = await openDatabase(cms.database);
    try {
      await db.query('DELETE FROM booking_holds WHERE room_id = ?', [booked.body.data.find((r: any) => r.room.slug === 'big-hall').room.id]);
    } finally {
      await db.close();
    }
    const released = await cms.request('GET', path, undefined, { 'if-none-match': booked.headers.get('etag')! });
    expect(released.status).toBe(200);
    expect(bigHall(released.body).busy).toEqual([]);
  });
});

const WINDOW_SECONDS = 5;
const MAX = 3;
const READ_MAX = 5;

describe('a CMS with a tight rate limit and a mail outbox that fails', () => {
  let cms: TestCms;

  beforeAll(async () => {
    cms = await startTestCms({
      env: {
        BOOKING_RATE_LIMIT_MAX: String(MAX),
        BOOKING_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
        BOOKING_READ_LIMIT_MAX: String(READ_MAX),
        BOOKING_READ_LIMIT_WINDOW_SECONDS: '60',
      },
    });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  // Requests that change nothing: an unknown room, links that belong to nothing.
  const LIMITED: Array<[string, string, unknown]> = [
    ['POST', '/api/booking/reservations', { data: reservation({ room: 'none' }) }],
    ['GET', '/api/booking/reservations/manage', undefined],
    ['POST', '/api/booking/reservations/manage/cancel', undefined],
    ['POST', '/api/booking/enrolments', { data: { course: 'none', name: '王芳', phone: '13900001111' } }],
    ['GET', '/api/booking/enrolments/manage', undefined],
    ['POST', '/api/booking/enrolments/manage/cancel', undefined],
  ];

  // The manage routes get a link's token (in its header) that belongs to nothing.
  const unknownLink = { 'x-manage-token': 'A'.repeat(43) };
  it.each(LIMITED.map(([method, path, body], i) => [`${method} ${path}`, method, path, body, `127.0.0.${10 + i}`] as const))(
    '%s answers 429 with Retry-After once one address sends too many requests',
    async (_label, method, path, body, address) => {
      const send = () => fromAddress(cms, address)(method, path, body, unknownLink);
      const first = await Promise.all(Array.from({ length: MAX }, send));
      expect(first.map((r) => r.status).filter((status) => status === 429)).toEqual([]);
      const limited = await send();
      expect(limited.status).toBe(429);
      expect(limited.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
      // Reading is not limited.
      expect((await fromAddress(cms, address)('GET', '/api/booking/rooms')).status).toBe(200);
    }
  );

  it('gives each address one budget for all the form routes, which a forged X-Forwarded-For neither escapes nor resets', async () => {
    const greedy = fromAddress(cms, '127.0.0.20');
    // A new X-Forwarded-For on every request, spread over the routes: still one client to a CMS that trusts no proxy.
    const forged = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}` });
    for (let i = 0; i < MAX; i += 1) {
      const [method, path, body] = LIMITED[i % LIMITED.length];
      expect((await greedy(method, path, body, forged(i))).status).not.toBe(429);
    }
    for (const [i, [method, path, body]] of LIMITED.entries()) expect((await greedy(method, path, body, forged(100 + i))).status).toBe(429);
    // Another client is still served.
    const [method, path, body] = LIMITED[0];
    expect((await fromAddress(cms, '127.0.0.21')(method, path, body)).status).toBe(400);
  });

  it('gives the expensive reads a budget of their own', async () => {
    const reader = fromAddress(cms, '127.0.0.23');
    const READS = ['/api/booking/availability', '/api/booking/rooms/none/availability', '/api/booking/timetable', '/api/booking/calendar/events.ics'];
    for (let i = 0; i < READ_MAX; i += 1) expect((await reader('GET', READS[i % READS.length])).status).not.toBe(429);
    for (const path of [...READS, '/api/booking/calendar/timetable.ics', '/api/booking/calendar/courses/none.ics', '/api/booking/calendar/rooms/none.ics']) {
      const limited = await reader('GET', path, undefined, { 'x-forwarded-for': '203.0.113.9' });
      expect(limited.status).toBe(429);
      expect(limited.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    }
    // The forms are another budget, and plain room lists are not limited.
    const [method, path, body] = LIMITED[0];
    expect((await reader(method, path, body)).status).toBe(400);
    expect((await reader('GET', '/api/booking/rooms')).status).toBe(200);
  });

  it('serves the address again once its window has passed', async () => {
    const send = () => fromAddress(cms, '127.0.0.22')('POST', '/api/booking/enrolments', { data: { ...CONSENT, course: 'none', name: '王芳', phone: '13900001111' } });
    for (let i = 0; i < MAX; i += 1) expect((await send()).status).toBe(400);
    const limited = await send();
    expect(limited.status).toBe(429);
    await new Promise((r) => setTimeout(r, Number(limited.headers['retry-after']) * 1000 + 200));
    const again = await send();
    expect(again.status).toBe(400);
    expect(again.body.error.details.errors).toEqual([expect.objectContaining({ path: 'course' })]);
  });

  it('a booking and an enrolment still succeed when their mail cannot be sent, and the failure is logged', async () => {
    const admin = await asAdmin(cms);
    const roomId = await createRoom(admin, { slug: 'mail-room', requiresApproval: false });
    expect((await createActivity(admin, 'course', { slug: 'mail-course', roomId, schedule: weekly(['fri'], dayAhead(5, 1), dayAhead(5, 2), '09:00', 60) })).published.status).toBe(200);
    // The outbox folder becomes a file, so every send fails, as when a mail server is down.
    rmSync(cms.mailDir, { recursive: true, force: true });
    writeFileSync(cms.mailDir, 'not a folder');

    // Two residents: within the tight limit, each books and looks it up.
    const [booker, enroller] = [fromAddress(cms, '127.0.0.30'), fromAddress(cms, '127.0.0.31')];
    const date = dayAhead(3, 1);
    const booked = await booker('POST', '/api/booking/reservations', { data: reservation({ room: 'mail-room', start: at(date, '10:00'), end: at(date, '11:00') }) });
    expect(booked.status).toBe(201);
    const enrolled = await enroller('POST', '/api/booking/enrolments', { data: { ...CONSENT, course: 'mail-course', name: '王芳', phone: '13900001111', email: 'wang.fang@example.org' } });
    expect(enrolled.status).toBe(201);

    /** The CMS log's lines that mention `what`, once the first of them is there. */
    const logLines = async (what: string) => {
      const lines = () => cms.output().split('\n').filter((line) => line.includes(what));
      for (let waited = 0; waited < 10_000 && lines().length === 0; waited += 100) await new Promise((r) => setTimeout(r, 100));
      return lines();
    };
    // Each is kept in the delivery log and tried again later (a minute at first): one failure logged so far.
    expect(await logLines(`(reservation.confirmed by email about reservation ${booked.body.data.reference})`)).toEqual([expect.stringMatching(/warn.*failed, will retry: E[A-Z]+/)]);
    expect(await logLines('(enrolment.confirmed by email about enrolment')).toEqual([expect.stringMatching(/warn.*failed, will retry: E[A-Z]+/)]);

    // Both are kept, and the time stays held.
    expect((await booker('GET', '/api/booking/reservations/manage', undefined, { 'x-manage-token': booked.body.data.manageToken })).body.data.status).toBe('confirmed');
    expect((await enroller('GET', '/api/booking/enrolments/manage', undefined, { 'x-manage-token': enrolled.body.data.manageToken })).body.data.status).toBe('confirmed');
    const day = await cms.get(`/api/booking/rooms/mail-room/availability?from=${date}&to=${date}`);
    expect(day.body.data.days[0].busy).toEqual([{ start: at(date, '10:00'), end: at(date, '11:00'), kind: 'reservation' }]);
  });
});
