import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms, type TestDatabase } from '../harness/cms';
import { DEBIAN_PG_BIN, startDebianPostgres, type DebianPostgres } from '../harness/debian-postgres';
import { at, CONSENT, createActivity, createRoom, dayAhead, manageLink, reservation, weekly } from '../harness/fixtures';

const run = promisify(execFile);
const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'backup.mts');

/** The documented commands: `DATABASE_URL=… node scripts/backup.mts dump|restore <file>`. */
const backup = (command: 'dump' | 'restore', file: string, databaseUrl: string) =>
  run(process.execPath, [SCRIPT, command, file], { env: { ...process.env, DATABASE_URL: databaseUrl, PG_BIN_DIR: DEBIAN_PG_BIN } });

const onPostgres = (url: string): TestDatabase => ({ kind: 'postgres', env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url } });

/** Rows per table, in every schema the centre's data lives in (Strapi's and the job queue's). */
const rowCounts = async (url: string): Promise<Record<string, number>> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query(
      `SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`
    );
    const counts: Record<string, number> = {};
    for (const { schemaname, tablename } of tables) {
      counts[`${schemaname}.${tablename}`] = (await client.query(`SELECT count(*)::int AS n FROM "${schemaname}"."${tablename}"`)).rows[0].n;
    }
    return counts;
  } finally {
    await client.end();
  }
};

describe('backup and restore with pg_dump and pg_restore', () => {
  let server: DebianPostgres;
  let cms: TestCms | undefined;

  beforeAll(async () => {
    server = await startDebianPostgres();
  });
  afterAll(async () => {
    await cms?.stop();
    await server?.stop();
  });

  const file = path.join(mkdtempSync(path.join(tmpdir(), 'linli-test-dump-')), 'linli.dump');
  const date = dayAhead(2, 2);
  let rooms: unknown[];
  let booked: { reference: string; manageToken: string };

  // One CMS boot per test: each boot is the slow part, and a first boot on a fresh database (Strapi's
  // migrations, the plugin's tables) on a loaded machine takes longer than the harness's usual wait.
  const BOOT_MS = 300_000;
  const TEST_MS = 420_000;
  it('dumps a small centre and restores it into a fresh database, every row of every table', async () => {
    const [original, restored] = [server.urlFor('linli'), server.urlFor('linli_restored')];
    await server.createDatabase('linli');
    cms = await startTestCms({ database: onPostgres(original), timeoutMs: BOOT_MS });
    // Two rooms, a booking, a course with its sessions, its one place taken and one person waiting.
    const admin = await asAdmin(cms);
    await createRoom(admin, { slug: 'test-room', requiresApproval: false });
    const hall = await createRoom(admin, { slug: 'hall', name: '多功能厅', requiresApproval: true });
    const made = await cms.request('POST', '/api/booking/reservations', { data: reservation({ start: at(date, '10:00'), end: at(date, '11:00') }) });
    expect(made.status).toBe(201);
    booked = made.body.data;
    const { published } = await createActivity(admin, 'course', { slug: 'erhu', capacity: 1, roomId: hall, schedule: weekly(['sat'], dayAhead(6, 1), dayAhead(6, 4), '09:00', 60) });
    expect(published.status).toBe(200);
    for (const [i, name] of ['王芳', '张伟'].entries()) {
      const enrolled = await cms.request('POST', '/api/booking/enrolments', { data: { ...CONSENT, course: 'erhu', name, phone: `1390000000${i}` } });
      expect(enrolled.status).toBe(201);
    }
    rooms = (await cms.get('/api/booking/rooms')).body.data;
    expect(rooms).toHaveLength(2);
    await cms.stop();
    cms = undefined;

    await backup('dump', file, original);
    await backup('restore', file, restored);
    const counts = await rowCounts(original);
    expect(counts['public.booking_holds']).toBeGreaterThan(4);
    expect(await rowCounts(restored)).toEqual(counts);
    // A second restore into the now filled database is refused, and changes nothing.
    await expect(backup('restore', file, restored)).rejects.toMatchObject({ stderr: expect.stringContaining('restore into an empty database') });
    expect(await rowCounts(restored)).toEqual(counts);
  }, TEST_MS);

  it('the CMS on the restored database serves the same rooms, booking and waiting list, and still refuses an overlap', async () => {
    const restored = server.urlFor('linli_restored');
    cms = await startTestCms({ database: onPostgres(restored), timeoutMs: BOOT_MS });
    expect((await cms.get('/api/booking/rooms')).body.data).toEqual(rooms);
    expect((await cms.get('/api/booking/courses/erhu')).body.data).toMatchObject({ placesLeft: 0, waiting: 1 });
    expect((await manageLink(cms, 'reservations', booked.manageToken).show()).body.data).toMatchObject({ reference: booked.reference, status: 'confirmed' });
    const clash = await cms.request('POST', '/api/booking/reservations', { data: reservation({ start: at(date, '10:30'), end: at(date, '11:30'), email: 'late@example.org' }) });
    expect(clash.status).toBe(409);
    // The guarantee itself came back: the exclusion constraint refuses an overlap written straight to the database.
    const db = new Client({ connectionString: restored });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT room_id, starts_at, blocked_until FROM booking_holds LIMIT 1`);
      await expect(
        db.query(`INSERT INTO booking_holds (room_id, kind, source_id, starts_at, ends_at, blocked_until) VALUES ($1, 'reservation', 'x', $2, $3, $3)`, [rows[0].room_id, rows[0].starts_at, rows[0].blocked_until])
      ).rejects.toMatchObject({ code: '23P01' });
    } finally {
      await db.end();
    }
  }, TEST_MS);
});
