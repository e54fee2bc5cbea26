import { asAdmin, publicMay, publicRole, setPublicPermission } from '../harness/admin';
import { jsonRequests, startTestCms, type TestCms } from '../harness/cms';
import pWaitFor from 'p-wait-for';
import { addDays } from '../../plugins/booking/server/src/core/time/zoned';
import { openDatabase } from '../harness/database';
import { at, CONSENT, createActivity, createRoom, dayAhead, eveningClock, outbox, reservation, weekly } from '../harness/fixtures';
import { fromAddress } from '../harness/from-address';
import { expandAvailability } from '../../site/src/lib/room-availability';
import { startRoundRobinProxy, type RoundRobinProxy } from '../harness/round-robin-proxy';

const FORMS_MAX = 6;
const READS_MAX = 10;
// Both clocks at 18:00:30 and both sweeping every second: evening reminders are due at once, in both.
// Retention is due every minute, so the file sees several of its runs.
const clock = eveningClock();
const LIMITS = {
  BOOKING_RATE_LIMIT_MAX: String(FORMS_MAX),
  BOOKING_READ_LIMIT_MAX: String(READS_MAX),
  BOOKING_TEST_NOW: clock.now,
  BOOKING_REMINDER_SWEEP_SECONDS: '1',
  BOOKING_RETENTION_CRON: '* * * * *',
};
const NO_TOKEN = 'A'.repeat(43);

// Only PostgreSQL serves several CMS processes; there the database itself refuses an overlap.
describe('two CMS processes sharing one PostgreSQL', () => {
  let first: TestCms;
  let second: TestCms;

  beforeAll(async () => {
    // The first trusts the round-robin proxy of the last tests from its start; a request sent to it
    // straight carries no X-Forwarded-For, so its connection's address is the client's.
    first = await startTestCms({ env: { ...LIMITS, TRUSTED_PROXY_HOPS: '1' } });
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

  it('a read staff take away from the Public role in one process is refused at once by the other, which had answered and kept it', async () => {
    const date = dayAhead(4);
    const path = `/api/booking/availability?from=${date}&to=${date}`;
    const fromSecond = fromAddress(second, '127.0.2.5');
    expect((await fromSecond('GET', path)).status).toBe(200);
    const admin = await asAdmin(first);
    await setPublicPermission(admin, 'availability.all', false);
    try {
      const refused = await fromSecond('GET', path);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
    } finally {
      await setPublicPermission(admin, 'availability.all', true);
    }
    expect((await fromSecond('GET', path)).status).toBe(200);
  });

  it('a public permission staff took away stays away when a process restarts', async () => {
    const admin = await asAdmin(first);
    expect(publicMay(await publicRole(admin), 'activities.timetable')).toBe(true);
    await setPublicPermission(admin, 'activities.timetable', false);
    expect((await first.get('/api/booking/timetable')).status).toBe(403);

    // The second process restarts on the same database, now behind a proxy (for the next test).
    await second.stop();
    second = await startTestCms({ database: first.database, env: { ...LIMITS, TRUSTED_PROXY_HOPS: '1' } });
    for (const cms of [second, first]) {
      expect((await cms.get('/api/booking/timetable')).status).toBe(403);
      expect((await cms.get('/api/booking/courses')).status).toBe(200);
    }
    const after = await publicRole(await asAdmin(second));
    expect(publicMay(after, 'activities.timetable')).toBe(false);
    expect(publicMay(after, 'activities.courses')).toBe(true);
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

  describe('behind a round-robin proxy', () => {
    let proxy: RoundRobinProxy;
    let viaProxy: ReturnType<typeof jsonRequests>;
    // Each resident from an address of their own: the proxy appends it, and both processes trust one hop.
    const resident = (n: number) => fromAddress(proxy, `127.0.5.${n}`);
    const messages = async (where: string, params: unknown[]) => {
      const db = await openDatabase(first.database);
      try {
        return await db.query(`SELECT about_id, state, attempts FROM booking_messages WHERE ${where} ORDER BY about_id`, params);
      } finally {
        await db.close();
      }
    };
    const sentMessages = (kind: string) => messages('kind = ?', [kind]);
    // What the manage page does, from the resident's own address (the forms' budget is theirs).
    const enrolmentLink = (n: number, token: string) => ({
      show: () => resident(n)('GET', '/api/booking/enrolments/manage', undefined, { 'x-manage-token': token }),
      cancel: () => resident(n)('POST', '/api/booking/enrolments/manage/cancel', undefined, { 'x-manage-token': token }),
    });
    const allSent = (rows: Array<Record<string, unknown>>) => rows.every((r) => r.state === 'sent');

    beforeAll(async () => {
      proxy = await startRoundRobinProxy(() => [first.url, second.url]);
      viaProxy = jsonRequests(proxy.url);
      const admin = await asAdmin(first);
      await createRoom(admin, { slug: 'proxied-room', requiresApproval: false, bufferMinutes: 0 });
      await createRoom(admin, { slug: 'approved-room', requiresApproval: true, bufferMinutes: 0 });
    });
    afterAll(async () => {
      await proxy?.stop();
    });

    it('sends requests to both processes in turn, and a contested slot still gets exactly one booking', async () => {
      const date = dayAhead(3, 2);
      const before = [first.url, second.url].map((url) => proxy.served.get(url) ?? 0);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          resident(i + 1)('POST', '/api/booking/reservations', {
            data: reservation({ room: 'proxied-room', start: at(date, '10:00'), end: at(date, '11:00'), contactName: `居民${i}`, email: `proxied${i}@example.org` }),
          })
        )
      );
      expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
      const won = answers.filter((a) => a.status === 201);
      expect(won).toHaveLength(1);
      expect([first.url, second.url].map((url, i) => (proxy.served.get(url) ?? 0) - before[i])).toEqual([10, 10]);
      // Whichever process a resident reaches next, the slot is taken, once.
      for (let i = 0; i < 2; i += 1) {
        const day = await resident(21 + i)('GET', `/api/booking/rooms/proxied-room/availability?from=${date}&to=${date}`);
        expect(day.body.data.days[0].busy).toEqual([{ start: at(date, '10:00'), end: at(date, '11:00'), kind: 'reservation' }]);
      }
      const reference = won[0].body.data.reference;
      await pWaitFor(async () => allSent(await messages('about_id = ?', [reference])), { interval: 200, timeout: 15_000 });
      expect(await messages('about_id = ?', [reference])).toEqual([{ about_id: reference, state: 'sent', attempts: 1 }]);
    });

    it('each resident behind the proxy has one budget for the whole deployment', async () => {
      const one = resident(40);
      // Turn by turn the requests reach the first process, then the second, and so on.
      for (let i = 0; i < FORMS_MAX; i += 1) expect((await one('POST', '/api/booking/reservations', { data: reservation({ room: 'none' }) })).status).toBe(400);
      for (let i = 0; i < 2; i += 1) expect((await one('POST', '/api/booking/reservations', { data: reservation({ room: 'none' }) })).status).toBe(429);
      // A neighbour behind the same proxy is not held back.
      expect((await resident(41)('POST', '/api/booking/reservations', { data: reservation({ room: 'none' }) })).status).toBe(400);
    });

    it('enrolments fill the places then the waiting list, and cancellations promote each waiting person once', async () => {
      const admin = await asAdmin(viaProxy);
      const { published } = await createActivity(admin, 'course', {
        slug: 'proxied-course',
        capacity: 4,
        location: '二楼活动室',
        schedule: weekly(['sat'], dayAhead(6, 5), dayAhead(6, 8), '09:00', 60),
      });
      expect(published.status).toBe(200);
      const people = Array.from({ length: 10 }, (_, i) => ({ name: `学员${i}`, phone: `1390000${String(500 + i).padStart(4, '0')}`, email: `learner${i}@example.org` }));
      const answers = await Promise.all(
        people.map((p, i) => resident(50 + i)('POST', '/api/booking/enrolments', { data: { ...CONSENT, course: 'proxied-course', ...p } }))
      );
      expect(answers.map((a) => a.status)).toEqual(people.map(() => 201));
      const confirmed = answers.filter((a) => a.body.data.status === 'confirmed');
      const waiting = answers.filter((a) => a.body.data.status === 'waitlisted');
      expect(confirmed).toHaveLength(4);
      expect(waiting.map((a) => a.body.data.position).sort()).toEqual([1, 2, 3, 4, 5, 6]);

      // Two places free up at once, through different processes: the first two in line move up, once each.
      const linkOf = (a: (typeof answers)[number]) => enrolmentLink(50 + answers.indexOf(a), a.body.data.manageToken);
      const cancelled = await Promise.all(confirmed.slice(0, 2).map((a) => linkOf(a).cancel()));
      expect(cancelled.map((r) => r.status)).toEqual([200, 200]);
      expect(cancelled.map((r) => r.body.data.promotedCount)).toEqual([1, 1]);
      const statusOf = async (a: (typeof answers)[number]) => (await linkOf(a).show()).body.data;
      const byPosition = [...waiting].sort((x, y) => x.body.data.position - y.body.data.position);
      expect(await Promise.all(byPosition.map(statusOf))).toMatchObject([
        { status: 'confirmed', position: null },
        { status: 'confirmed', position: null },
        { status: 'waitlisted', position: 1 },
        { status: 'waitlisted', position: 2 },
        { status: 'waitlisted', position: 3 },
        { status: 'waitlisted', position: 4 },
      ]);
      expect((await viaProxy.get('/api/booking/courses/proxied-course')).body.data).toMatchObject({ placesLeft: 0, waiting: 4 });

      await pWaitFor(async () => {
        const rows = await sentMessages('enrolment.promoted');
        return rows.length >= 2 && allSent(rows);
      }, { interval: 200, timeout: 15_000 });
      const promoted = await sentMessages('enrolment.promoted');
      expect(promoted.map(({ state, attempts }) => ({ state, attempts }))).toEqual([{ state: 'sent', attempts: 1 }, { state: 'sent', attempts: 1 }]);
      const told = (email: string) => [...outbox(first.mailDir), ...outbox(second.mailDir)].filter((m) => m.to === email && m.subject.includes('候补成功'));
      const emailOf = (a: (typeof answers)[number]) => people[answers.indexOf(a)].email;
      expect(byPosition.map((a) => told(emailOf(a)).length)).toEqual([1, 1, 0, 0, 0, 0]);
    });

    it('staff approving one request through both processes at once: one 200, one 400, one confirmation', async () => {
      const date = dayAhead(3, 3);
      const made: string[] = [];
      for (let i = 0; i < 4; i += 1) {
        const hour = String(9 + i).padStart(2, '0');
        const res = await resident(70 + i)('POST', '/api/booking/reservations', {
          data: reservation({ room: 'approved-room', start: at(date, `${hour}:00`), end: at(date, `${hour}:30`), email: `approved${i}@example.org` }),
        });
        expect([i, res.status, res.body.data.status]).toEqual([i, 201, 'pending']);
        made.push(res.body.data.reference as string);
      }
      const admin = await asAdmin(viaProxy);
      // Two approvals of one request go out together, so the proxy sends them to different processes.
      const answers = await Promise.all(made.map((ref) => Promise.all([admin.request('POST', `/booking/reservations/${ref}/approve`), admin.request('POST', `/booking/reservations/${ref}/approve`)])));
      expect(answers.map((pair) => pair.map((a) => a.status).sort())).toEqual(made.map(() => [200, 400]));
      const listed = await admin.request('GET', `/booking/reservations?from=${date}&to=${date}&status=confirmed`);
      expect(listed.body.data.map((r: { reference: string }) => r.reference).sort()).toEqual([...made].sort());

      await pWaitFor(async () => {
        const rows = (await sentMessages('reservation.confirmed')).filter((r) => made.includes(String(r.about_id)));
        return rows.length >= made.length && allSent(rows);
      }, { interval: 200, timeout: 15_000 });
      const confirmations = (await sentMessages('reservation.confirmed')).filter((r) => made.includes(String(r.about_id)));
      expect(confirmations).toEqual([...made].sort().map((about_id) => ({ about_id, state: 'sent', attempts: 1 })));
    });

    it('the nightly retention runs once per time it is due, whichever process claims it', async () => {
      // Due every minute since both processes started: by now it has come round at least twice.
      const db = await openDatabase(first.database);
      try {
        const runs = () => db.query(`SELECT at FROM booking_audit_log WHERE action = 'retention.run' AND actor_id IS NULL ORDER BY at`);
        await pWaitFor(async () => (await runs()).length >= 2, { interval: 1_000, timeout: 150_000 });
        const times = (await runs()).map((r) => new Date(String(r.at)).getTime());
        // Two processes each running it would show as runs seconds apart; one run a minute shows as ~60 s gaps.
        const gaps = times.slice(1).map((t, i) => t - times[i]);
        expect(gaps.filter((gap) => gap < 30_000)).toEqual([]);
        const jobs = await db.query(`SELECT state, retry_count FROM booking_jobs.job WHERE name = 'booking.retention' AND state = 'completed'`);
        expect(jobs.length).toBeGreaterThanOrEqual(times.length - 1);
        expect(jobs.every((j) => Number(j.retry_count) === 0)).toBe(true);
      } finally {
        await db.close();
      }
    });
  });
});
