import { asAdmin } from '../harness/admin';
import { startTestCms, testDatabaseKind, type TestCms } from '../harness/cms';
import { at, createRoom, dayAhead, reservation } from '../harness/fixtures';

// Strapi's SQLite driver, to hold the file as another program would; it ships no types.
const Database: new (filename: string) => { exec(sql: string): unknown; close(): void } = require('better-sqlite3');

/** Resident i's request: a different person each time, all for the same slot. */
const requestFrom = (i: number, start: string, end: string) =>
  reservation({ start, end, contactName: `居民${i}`, phone: `1380000${String(i).padStart(4, '0')}`, email: `resident${i}@example.org` });

describe('many requests for one slot at the same moment', () => {
  let cms: TestCms;

  beforeAll(async () => {
    cms = await startTestCms();
    await createRoom(await asAdmin(cms), { slug: 'test-room', requiresApproval: false, bufferMinutes: 15 });
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
      const busy = await cms.request('POST', '/api/booking/reservations', { data });
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
