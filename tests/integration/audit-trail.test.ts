import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { openDatabase, type RawDatabase } from '../harness/database';
import type { Admin } from '../harness/fixtures';

const AUDIT = '/booking/audit';

describe('the audit trail of staff actions', () => {
  let cms: TestCms;
  let admin: Admin;
  let db: RawDatabase;

  beforeAll(async () => {
    cms = await startTestCms();
    admin = await asAdmin(cms);
    db = await openDatabase(cms.database);
  });
  afterAll(async () => {
    await db?.close();
    await cms?.stop();
  });

  it('refuses to change or delete an entry, at the database', async () => {
    await db.query("INSERT INTO booking_audit_log (at, action) VALUES (?, 'test.entry')", [new Date().toISOString()]);
    const [{ id }] = await db.query("SELECT id FROM booking_audit_log WHERE action = 'test.entry'");
    await expect(db.query("UPDATE booking_audit_log SET action = 'test.changed' WHERE id = ?", [id])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM booking_audit_log WHERE id = ?', [id])).rejects.toThrow(/append-only/);
    if (cms.database.kind === 'postgres') await expect(db.query('TRUNCATE booking_audit_log')).rejects.toThrow(/append-only/);
    expect(await db.query("SELECT action FROM booking_audit_log WHERE id = ?", [id])).toEqual([{ action: 'test.entry' }]);
  });
});
