import { Client } from 'pg';
import { asAdmin } from '../harness/admin';
import { startTestCms, testDatabaseKind, type TestCms } from '../harness/cms';
import { CONSENT, at, createRoom, dayAhead, manageLink, reservation, type Admin } from '../harness/fixtures';

// Strapi's SQLite driver, to hold the file as another program would; it ships no types.
const Database: new (filename: string) => { exec(sql: string): unknown; close(): void } = require('better-sqlite3');

/** Resident i's request: a different person each time, all for the same slot. */
const requestFrom = (i: number, start: string, end: string) =>
  reservation({ start, end, contactName: `居民${i}`, phone: `1380000${String(i).padStart(4, '0')}`, email: `resident${i}@example.org` });

describe('many requests for one slot at the same moment', () => {
  let cms: TestCms;
  let admin: Admin;
  const book = (data: Record<string, unknown>) => cms.request('POST', '/api/booking/reservations', { data: { ...CONSENT, ...data } });
  const codesOf = (res: { body: any }) => (res.body.error?.details?.errors ?? []).map((e: any) => e.code);

  beforeAll(async () => {
    cms = await startTestCms();
    admin = await asAdmin(cms);
    await createRoom(admin, { slug: 'test-room', requiresApproval: false, bufferMinutes: 15 });
    await createRoom(admin, { slug: 'quota-race', requiresApproval: false, bufferMinutes: 0, weeklyQuotaHours: 2 });
    await createRoom(admin, { slug: 'closure-race', requiresApproval: false, bufferMinutes: 0 });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('40 simultaneous requests give exactly one 201 and 39 409', async () => {
    const date = dayAhead(3);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => cms.request('POST', '/api/booking/reservations', { data: requestFrom(i, at(date, '19:00'), at(date, '20:00')) }))
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(39);
    const availability = await cms.get(`/api/booking/rooms/test-room/availability?from=${date}&to=${date}`);
    expect(availability.body.data.days[0].busy.filter((b: any) => b.kind === 'reservation')).toEqual([
      { start: at(date, '19:00'), end: at(date, '20:00'), kind: 'reservation' },
    ]);
  });

  it('simultaneous requests that only overlap through the buffer still give one booking', async () => {
    const date = dayAhead(4);
    // 19:00–20:00 and 20:00–21:00 touch; with a 15-minute buffer only one may stand.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        cms.request('POST', '/api/booking/reservations', {
          data: i % 2 ? requestFrom(i, at(date, '19:00'), at(date, '20:00')) : requestFrom(i, at(date, '20:00'), at(date, '21:00')),
        })
      )
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
  });

  it('one person sending six one-hour requests at once under a two-hour weekly quota gets exactly two', async () => {
    const answers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((day) => book(reservation({ room: 'quota-race', start: at(dayAhead(day, 2), '10:00'), end: at(dayAhead(day, 2), '11:00') })))
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => [a.status, codesOf(a)])).toEqual(Array(4).fill([400, ['over_weekly_quota']]));
  });

  it('the weekly quota knows one phone number however it is typed', async () => {
    const slot = (day: number) => ({ room: 'quota-race', start: at(dayAhead(day, 3), '10:00'), end: at(dayAhead(day, 3), '11:00') });
    // Each time another e-mail, so only the phone number says it is the same person.
    expect((await book(reservation({ ...slot(1), phone: '13800138000', email: 'a@example.org' }))).status).toBe(201);
    expect((await book(reservation({ ...slot(2), phone: '138 0013 8000', email: 'b@example.org' }))).status).toBe(201);
    const third = await book(reservation({ ...slot(3), phone: '+86 138-0013-8000', email: 'c@example.org' }));
    expect([third.status, codesOf(third)]).toEqual([400, ['over_weekly_quota']]);
    expect((await book(reservation({ ...slot(3), phone: '13900139000', email: 'd@example.org' }))).status).toBe(201);
  });

  it('requests made while staff close the room are either refused or cancelled by the closure: none stands on a closed day', async () => {
    const day = dayAhead(3, 4);
    const hours = ['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00', '18:00', '19:00', '20:00'];
    const roomId = (await cms.get('/api/booking/rooms/closure-race')).body.data.id;
    const closing = admin.request('POST', '/booking/closures', { data: { allRooms: false, rooms: [roomId], start: at(day, '00:00'), end: at(dayAhead(4, 4), '00:00'), reason: '停水 no water', cancelAffected: true } });
    const answers = await Promise.all(
      hours.map((h, i) => book({ ...requestFrom(100 + i, at(day, h), at(day, `${String(Number(h.slice(0, 2)) + 1).padStart(2, '0')}:00`)), room: 'closure-race' }))
    );
    expect((await closing).status).toBe(201);
    for (const a of answers) expect(a.status === 201 || (a.status === 400 && codesOf(a).includes('in_closure'))).toBe(true);
    const busy = (await cms.get(`/api/booking/rooms/closure-race/availability?from=${day}&to=${day}`)).body.data.days[0].busy;
    expect(busy.filter((b: any) => b.kind === 'reservation')).toEqual([]);
  });

  describe('a reference names one request (PostgreSQL: the test writes to the database directly)', () => {
    const pgOnly = testDatabaseKind() === 'postgres' ? it : it.skip;
    let db: Client;
    beforeAll(async () => {
      if (testDatabaseKind() !== 'postgres') return;
      db = new Client({ connectionString: cms.database.env.DATABASE_URL });
      await db.connect();
    });
    afterAll(async () => {
      await db?.end();
    });
    const twoRequests = async (week: number) => {
      const a = await book(requestFrom(201, at(dayAhead(1, week), '10:00'), at(dayAhead(1, week), '11:00')));
      const b = await book(requestFrom(202, at(dayAhead(2, week), '10:00'), at(dayAhead(2, week), '11:00')));
      expect([a.status, b.status]).toEqual([201, 201]);
      return [a.body.data, b.body.data];
    };

    pgOnly('the database refuses a second request under a reference already taken', async () => {
      const [a, b] = await twoRequests(5);
      await expect(db.query('UPDATE booking_reservations SET reference = $1 WHERE reference = $2', [a.reference, b.reference])).rejects.toMatchObject({ code: '23505' });
    });

    pgOnly('a cancel through one manage link changes only that link’s dates, even under a shared reference', async () => {
      const [a, b] = await twoRequests(6);
      // Forced past the unique index (another date number): two requests' rows under one reference.
      await db.query('UPDATE booking_reservations SET reference = $1, series_index = 7 WHERE reference = $2', [a.reference, b.reference]);
      expect((await manageLink(cms, 'reservations', a.manageToken).cancel()).status).toBe(200);
      const other = await manageLink(cms, 'reservations', b.manageToken).show();
      expect(other.body.data.occurrences.map((o: any) => o.status)).toEqual(['confirmed']);
    });
  });

  // Two processes on one SQLite file would fail clashing bookings with errors instead of a 409
  // (PostgreSQL's case is tests/postgres/two-processes.test.ts): the second one must not start.
  (testDatabaseKind() === 'sqlite' ? it : it.skip)('a second CMS process on the same SQLite file refuses to start, saying why, and the first serves on', async () => {
    await expect(startTestCms({ database: cms.database })).rejects.toThrow(/Another CMS process is already using the SQLite database .*data\.db/);
    const date = dayAhead(5);
    const booked = await cms.request('POST', '/api/booking/reservations', { data: requestFrom(100, at(date, '19:00'), at(date, '20:00')) });
    expect(booked.status).toBe(201);
  });

  // Another program (a backup, a tool) holding the SQLite file past SQLite's wait: a 503 the form can
  // retry after, never a 500; the booking goes through once the file is free.
  (testDatabaseKind() === 'sqlite' ? it : it.skip)('a booking while another program keeps the SQLite file locked is a 503 with Retry-After, then books', async () => {
    const other = new Database(cms.database.env.DATABASE_FILENAME);
    const date = dayAhead(5, 2);
    const data = requestFrom(101, at(date, '19:00'), at(date, '20:00'));
    try {
      other.exec('BEGIN IMMEDIATE');
      const busy = await cms.request('POST', '/api/booking/reservations', { data: { ...CONSENT, ...data } });
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(busy.body.error).toMatchObject({ status: 503, message: expect.stringMatching(/try again/) });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await cms.request('POST', '/api/booking/reservations', { data })).status).toBe(201);
  });
});
