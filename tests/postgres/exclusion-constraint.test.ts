import { Client } from 'pg';
import { startTestCms, type TestCms } from '../harness/cms';

describe('the PostgreSQL exclusion constraint on booking_holds', () => {
  let cms: TestCms;
  let db: Client;

  beforeAll(async () => {
    cms = await startTestCms();
    db = new Client({ connectionString: cms.database.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await cms?.stop();
  });

  const hold = (room: string, start: string, blockedUntil: string) =>
    db.query(`INSERT INTO booking_holds (room_id, kind, source_id, starts_at, ends_at, blocked_until) VALUES ($1, 'reservation', 'x', $2, $3, $3)`, [room, start, blockedUntil]);

  it('refuses an overlapping hold of the same room even when written straight to the database', async () => {
    await hold('room-a', '2030-01-01T10:00:00Z', '2030-01-01T11:00:00Z');
    await expect(hold('room-a', '2030-01-01T10:30:00Z', '2030-01-01T11:30:00Z')).rejects.toMatchObject({ code: '23P01' });
    // Touching is not overlapping, and another room is another matter.
    await expect(hold('room-a', '2030-01-01T11:00:00Z', '2030-01-01T12:00:00Z')).resolves.toBeDefined();
    await expect(hold('room-b', '2030-01-01T10:30:00Z', '2030-01-01T11:30:00Z')).resolves.toBeDefined();
  });

  it('is created once, however often the CMS starts', async () => {
    const second = await startTestCms({ database: cms.database });
    await second.stop();
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'booking_holds_no_overlap'`);
    expect(rows[0].n).toBe(1);
  });
});
