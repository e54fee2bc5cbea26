import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pWaitFor from 'p-wait-for';
import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { openDatabase, type RawDatabase } from '../harness/database';
import { at, createRoom, dayAhead, outbox, reservation } from '../harness/fixtures';

/**
 * The outbox: every message is logged before it is sent, a provider that fails is tried again with
 * back-off, and what a stop left unsent goes out after the next start. The mail provider here is
 * the development outbox, made to fail by a file standing where its folder should be.
 */
describe('messages to residents survive a failing provider and a restart', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'linli-delivery-'));
  const mailDir = path.join(base, 'mail');
  const env = { MAIL_OUTBOX_DIR: mailDir, BOOKING_DELIVERY_RETRY_DELAY_SECONDS: '1', BOOKING_DELIVERY_RETRY_LIMIT: '3' };
  let cms: TestCms;
  let db: RawDatabase;

  const breakMail = () => {
    rmSync(mailDir, { recursive: true, force: true });
    writeFileSync(mailDir, 'not a folder');
  };
  const mendMail = () => {
    if (existsSync(mailDir) && statSync(mailDir).isFile()) rmSync(mailDir);
    mkdirSync(mailDir, { recursive: true });
  };
  const messageTo = async (email: string) => (await db.query('SELECT state, attempts, last_answer, channel, kind FROM booking_messages WHERE recipient = ?', [email]))[0];
  const book = async (email: string | null, time: string, extra: Record<string, unknown> = {}) => {
    const date = dayAhead(3);
    const res = await cms.request('POST', '/api/booking/reservations', {
      data: reservation({ room: 'delivery-room', start: at(date, time), end: at(date, time.replace(/^(\d\d)/, (h) => String(Number(h) + 1).padStart(2, '0'))), email, ...extra }),
    });
    expect(res.status).toBe(201);
    return res.body.data.reference as string;
  };
  const texts = () => readdirSync(cms.smsDir).sort().map((f) => JSON.parse(readFileSync(path.join(cms.smsDir, f), 'utf8')));

  beforeAll(async () => {
    // The outbox provider makes its folder at start, so it is broken only once the CMS runs.
    mendMail();
    cms = await startTestCms({ env });
    await createRoom(await asAdmin(cms), { slug: 'delivery-room', requiresApproval: false, bufferMinutes: 0 });
    db = await openDatabase(cms.database);
  });
  afterAll(async () => {
    await db?.close();
    await cms?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('a failed mail is logged with the provider’s answer, tried again, and sent once the provider is back', async () => {
    breakMail();
    await book('retry@example.org', '09:00');
    await pWaitFor(async () => (await messageTo('retry@example.org'))?.state === 'retrying', { timeout: 15_000 });
    const failed = await messageTo('retry@example.org');
    expect(failed).toMatchObject({ channel: 'email', kind: 'reservation.confirmed' });
    expect(failed.last_answer).toMatch(/ENOTDIR|EEXIST|not a directory/i);

    mendMail();
    await pWaitFor(async () => (await messageTo('retry@example.org'))?.state === 'sent', { timeout: 20_000 });
    expect(Number((await messageTo('retry@example.org')).attempts)).toBeGreaterThanOrEqual(2);
    expect(outbox(mailDir).filter((m) => m.to === 'retry@example.org')).toHaveLength(1);
  });

  it('a mail that keeps failing is marked failed after its last retry, not tried for ever', async () => {
    breakMail();
    await book('never@example.org', '11:00');
    await pWaitFor(async () => (await messageTo('never@example.org'))?.state === 'failed', { timeout: 40_000 });
    // The first attempt and three retries.
    expect(Number((await messageTo('never@example.org')).attempts)).toBe(4);
  });

  it('a mail waiting when the CMS stops is sent after the next start', async () => {
    breakMail();
    await book('restart@example.org', '13:00');
    await pWaitFor(async () => (await messageTo('restart@example.org'))?.state === 'retrying', { timeout: 15_000 });
    await cms.stop();
    mendMail();
    cms = await startTestCms({ database: cms.database, env });
    await pWaitFor(async () => (await messageTo('restart@example.org'))?.state === 'sent', { timeout: 30_000 });
    expect(outbox(mailDir).filter((m) => m.to === 'restart@example.org')).toHaveLength(1);
  });

  it('a resident who chose text messages gets the confirmation by SMS, to their number in full international form', async () => {
    mendMail();
    const reference = await book(null, '15:00', { notifyBy: 'sms', phone: '139 0000 1111', contactName: '周桂兰' });
    await pWaitFor(async () => (await db.query("SELECT state FROM booking_messages WHERE about_id = ? AND state = 'sent'", [reference])).length === 1, { timeout: 15_000 });
    const [row] = await db.query('SELECT channel, recipient, kind FROM booking_messages WHERE about_id = ?', [reference]);
    expect(row).toEqual({ channel: 'sms', recipient: '+8613900001111', kind: 'reservation.confirmed' });
    const sms = texts().filter((t) => t.to === '+8613900001111');
    expect(sms).toHaveLength(1);
    expect(sms[0].kind).toBe('reservation.confirmed');
    expect(sms[0].text).toContain(reference);
    expect(sms[0].text).toContain('周桂兰');
    expect(outbox(mailDir).filter((m) => m.text.includes(reference))).toHaveLength(0);
  });

  it('a resident who asked for a call is put on the staff’s call list, and no mail or SMS goes out', async () => {
    const reference = await book('call-me@example.org', '17:00', { notifyBy: 'call', phone: '13700002222' });
    await pWaitFor(async () => (await db.query('SELECT 1 FROM booking_messages WHERE about_id = ?', [reference])).length === 1, { timeout: 15_000 });
    const [row] = await db.query('SELECT channel, state, recipient FROM booking_messages WHERE about_id = ?', [reference]);
    expect(row).toEqual({ channel: 'call', state: 'queued', recipient: '13700002222' });
    expect(outbox(mailDir).filter((m) => m.to === 'call-me@example.org')).toHaveLength(0);
    expect(texts().filter((t) => t.to === '+8613700002222')).toHaveLength(0);
  });
});
