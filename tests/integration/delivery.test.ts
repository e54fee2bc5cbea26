import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pWaitFor from 'p-wait-for';
import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { openDatabase, type RawDatabase } from '../harness/database';
import { addDays, zonedDateOf } from '../../plugins/booking/server/src/core/time/zoned';
import { at, createRoom, dayAhead, outbox, reservation, TZ } from '../harness/fixtures';
import { createStaffAccount, type StaffAccount } from '../harness/front-desk';

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

  /** The front desk reads the log and rings the call list; staff see only the bookings their role covers. */
  describe('staff read the delivery log and ring the call list', () => {
    let desk: StaffAccount;
    let editor: StaffAccount;
    let teacher: StaffAccount;
    const today = zonedDateOf(new Date(), TZ);
    const bodyErrors = (res: { body: any }) => (res.body.error?.details?.errors ?? []).map((e: { path: string }) => e.path);
    const idTo = async (recipient: string) => Number((await db.query('SELECT id FROM booking_messages WHERE recipient = ? ORDER BY id DESC', [recipient]))[0].id);
    const callsOf = async (account: StaffAccount, date?: string) => {
      const res = await account.request('GET', `/booking/calls${date ? `?date=${date}` : ''}`);
      expect(res.status).toBe(200);
      return res.body.data as { date: string; people: Array<{ name: string; phone: string | null; calls: Array<{ id: number; state: string; summary: string; about: { kind: string; id: string }; handledBy: string | null; note: string | null }> }> };
    };

    /** Residents are told after the booking commits, a moment after the answer: wait for the call to be written. */
    const callWritten = (name: string) => pWaitFor(async () => (await db.query('SELECT 1 FROM booking_messages WHERE name = ? AND channel = ?', [name, 'call'])).length > 0, { timeout: 10_000 });

    beforeAll(async () => {
      const admin = await asAdmin(cms);
      const role = await admin.request('POST', '/admin/roles', { name: 'Delivery teachers', description: 'activities only' });
      const granted = await admin.request('PUT', `/admin/roles/${role.body.data.id}/permissions`, {
        permissions: [{ action: 'plugin::booking.activities.manage', subject: null, properties: {}, conditions: [] }],
      });
      expect(granted.status).toBe(200);
      desk = await createStaffAccount(cms, { email: 'delivery-desk@linli.test' });
      editor = await createStaffAccount(cms, { email: 'delivery-editor@linli.test', roleCode: 'strapi-editor' });
      teacher = await createStaffAccount(cms, { email: 'delivery-teacher@linli.test', roleCode: role.body.data.code });
    });

    it('shows a reservation’s messages with the address masked, the provider’s answer and the centre’s time', async () => {
      const reference = await book('log@example.org', '19:00');
      await pWaitFor(async () => (await messageTo('log@example.org'))?.state === 'sent', { timeout: 15_000 });
      const res = await desk.request('GET', `/booking/messages?about=reservation:${reference}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(1);
      expect(res.body.data[0]).toMatchObject({ kind: 'reservation.confirmed', channel: 'email', recipient: 'l***@example.org', state: 'sent', attempts: 1, about: { kind: 'reservation', id: reference } });
      expect(res.body.data[0].lastAnswer).toEqual(expect.any(String));
      expect(res.body.data[0].sentAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      expect(JSON.stringify(res.body)).not.toContain('log@example.org');

      const bad = await desk.request('GET', '/booking/messages?about=booking:LL-AAAAA');
      expect(bad.status).toBe(400);
      expect(bodyErrors(bad)).toEqual(['about']);
      const badState = await desk.request('GET', '/booking/messages?state=failed,lost&from=2026-13-01');
      expect(badState.status).toBe(400);
      expect(bodyErrors(badState).sort()).toEqual(['from', 'state']);
    });

    it('lists failures first; a failed mail sent again goes out once, and only a failed one can be', async () => {
      breakMail();
      await book('failing@example.org', '16:00');
      await pWaitFor(async () => (await messageTo('failing@example.org'))?.state === 'failed', { timeout: 40_000 });
      const id = await idTo('failing@example.org');

      const failures = await desk.request('GET', `/booking/messages?state=failed,retrying&from=${today}&to=${today}`);
      expect(failures.status).toBe(200);
      expect(failures.body.data.map((m: { state: string }) => m.state).every((s: string) => s === 'failed' || s === 'retrying')).toBe(true);
      expect(failures.body.data.find((m: { id: number }) => m.id === id)).toMatchObject({ recipient: 'f***@example.org', state: 'failed', attempts: 4 });
      // Everything, failures first.
      const all = await desk.request('GET', '/booking/messages');
      expect(all.body.data[0].state).toBe('failed');
      expect(all.body.data.some((m: { state: string }) => m.state === 'sent')).toBe(true);

      mendMail();
      const retried = await desk.request('POST', `/booking/messages/${id}/retry`);
      expect(retried.status).toBe(200);
      expect(retried.body.data).toMatchObject({ id, handledBy: '小 李' });
      await pWaitFor(async () => (await messageTo('failing@example.org'))?.state === 'sent', { timeout: 15_000 });
      expect(outbox(mailDir).filter((m) => m.to === 'failing@example.org')).toHaveLength(1);

      const again = await desk.request('POST', `/booking/messages/${id}/retry`);
      expect(again.status).toBe(409);
      expect((await desk.request('POST', '/booking/messages/999999/retry')).status).toBe(404);
      const badId = await desk.request('POST', '/booking/messages/abc/retry');
      expect(badId.status).toBe(400);
      expect(bodyErrors(badId)).toEqual(['id']);
    });

    it('puts whoever gave only a phone on the call list until someone rings them, and ticks each call once', async () => {
      const reference = await book(null, '20:00', { contactName: '赵大爷', phone: '13700001111' });
      await callWritten('赵大爷');
      const yesterday = await callsOf(desk, addDays(today, -1));
      expect(yesterday.people.find((p) => p.name === '赵大爷')).toBeUndefined();
      const list = await callsOf(desk);
      expect(list.date).toBe(today);
      const zhao = list.people.find((p) => p.name === '赵大爷')!;
      expect(zhao.phone).toMatch(/13700001111$/);
      expect(zhao.calls).toEqual([expect.objectContaining({ state: 'queued', about: { kind: 'reservation', id: reference }, summary: expect.stringContaining(reference) })]);
      const callId = zhao.calls[0].id;
      // Not rung today: still on tomorrow's list.
      expect((await callsOf(desk, addDays(today, 1))).people.some((p) => p.name === '赵大爷')).toBe(true);

      const badOutcome = await desk.request('POST', `/booking/calls/${callId}`, { data: { outcome: 'maybe' } });
      expect(badOutcome.status).toBe(400);
      expect(bodyErrors(badOutcome)).toEqual(['outcome']);
      const ticked = await desk.request('POST', `/booking/calls/${callId}`, { data: { outcome: 'reached', note: '已告知，会准时到' } });
      expect(ticked.status).toBe(200);
      expect(ticked.body.data).toMatchObject({ id: callId, state: 'sent', handledBy: '小 李', note: '已告知，会准时到' });
      expect((await callsOf(desk)).people.find((p) => p.name === '赵大爷')!.calls[0]).toMatchObject({ state: 'sent', handledBy: '小 李' });
      expect((await callsOf(desk, addDays(today, 1))).people.some((p) => p.name === '赵大爷')).toBe(false);

      const twice = await desk.request('POST', `/booking/calls/${callId}`, { data: { outcome: 'not_reached' } });
      expect(twice.status).toBe(409);
      expect((await db.query('SELECT state FROM booking_messages WHERE id = ?', [callId]))[0].state).toBe('sent');
      // A mail is not a call.
      expect((await desk.request('POST', `/booking/calls/${await idTo('log@example.org')}`, { data: { outcome: 'reached' } })).status).toBe(404);
      const badDate = await desk.request('GET', '/booking/calls?date=30.11.2026');
      expect(badDate.status).toBe(400);
      expect(bodyErrors(badDate)).toEqual(['date']);
    });

    it('keeps staff to the bookings their role covers', async () => {
      const reference = await book(null, '18:00', { contactName: '钱奶奶', phone: '13700004444' });
      await callWritten('钱奶奶');
      const callId = (await callsOf(desk)).people.find((p) => p.name === '钱奶奶')!.calls[0].id;

      expect((await editor.request('GET', '/booking/messages?state=failed')).status).toBe(403);
      expect((await editor.request('GET', '/booking/calls')).status).toBe(403);
      expect((await editor.request('POST', `/booking/calls/${callId}`, { data: { outcome: 'reached' } })).status).toBe(403);

      // Activities staff see enrolments' messages, not reservations'.
      expect((await teacher.request('GET', `/booking/messages?about=reservation:${reference}`)).status).toBe(403);
      expect((await teacher.request('GET', '/booking/messages?about=enrolment:abcdefghij1234567890')).status).toBe(200);
      expect((await teacher.request('GET', '/booking/messages')).body.data).toEqual([]);
      expect((await callsOf(teacher)).people.some((p) => p.name === '钱奶奶')).toBe(false);
      expect((await teacher.request('POST', `/booking/calls/${callId}`, { data: { outcome: 'reached' } })).status).toBe(403);
      expect((await teacher.request('POST', `/booking/messages/${await idTo('log@example.org')}/retry`)).status).toBe(403);
      expect((await db.query('SELECT state FROM booking_messages WHERE id = ?', [callId]))[0].state).toBe('queued');
    });
  });
});
