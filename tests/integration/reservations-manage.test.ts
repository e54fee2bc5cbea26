import { randomBytes } from 'node:crypto';
import { addDays, zonedDateOf } from '../../plugins/booking/server/src/core/time/zoned';
import { hashToken } from '../../plugins/booking/server/src/core/reservations/reference';
import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { openDatabase } from '../harness/database';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { at, cantComeLink, CONSENT, createActivity, createRoom, dayAhead, issueCantComeCode, mailAfter, manageLink, outbox, reservation, TZ, waitForMail, weekly, type Admin } from '../harness/fixtures';

const RESERVATIONS = '/api/booking/reservations';

describe('managing a reservation by its link, and a resident’s own list', () => {
  let cms: TestCms;
  let admin: Admin;

  beforeAll(async () => {
    // Many requests from one address: the booking routes' rate limit is not what is tested here.
    cms = await startTestCms({ env: { BOOKING_RATE_LIMIT_MAX: '10000' } });
    admin = await asAdmin(cms);
    for (const slug of ['manage-view', 'manage-free', 'manage-series', 'manage-past', 'manage-tokens', 'manage-mail', 'manage-mine', 'manage-secret', 'manage-old', 'manage-cant-come', 'manage-find']) {
      await createRoom(admin, { slug, requiresApproval: false, bufferMinutes: 0 });
    }
  });
  afterAll(async () => {
    await cms?.stop();
  });
  const byLink = (token: string) => manageLink(cms, 'reservations', token);

  const book = async (overrides: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await cms.request('POST', RESERVATIONS, { data: reservation(overrides) }, headers);
    if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data as { reference: string; status: string; manageToken: string; occurrences: Array<{ start: string; end: string; status: string }> };
  };
  const bookAs = (overrides: Record<string, unknown>) => cms.request('POST', RESERVATIONS, { data: reservation(overrides) });

  it('shows the requester their reservation by the link, without anything secret', async () => {
    const date = dayAhead(2);
    const made = await book({ room: 'manage-view', start: at(date, '19:00'), end: at(date, '20:30'), email: 'view@example.org', organization: '书法社' });
    expect(made.status).toBe('confirmed');
    expect(made.manageToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const res = await byLink(made.manageToken).show();
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      reference: made.reference,
      status: 'confirmed',
      room: { slug: 'manage-view' },
      purpose: '合唱排练 Choir rehearsal',
      organization: '书法社',
      contactName: '李秀英',
      email: 'view@example.org',
      attendees: 12,
      rejectionReason: null,
      occurrences: [{ start: at(date, '19:00'), end: at(date, '20:30'), status: 'confirmed' }],
    });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(made.manageToken);
    expect(text).not.toMatch(/manageTokenHash|[0-9a-f]{64}/);
  });

  it('cancelling frees the time, so someone else can then book it', async () => {
    const date = dayAhead(3);
    const slot = { room: 'manage-free', start: at(date, '10:00'), end: at(date, '12:00') };
    const made = await book({ ...slot, email: 'first@example.org' });

    const clash = await bookAs({ ...slot, email: 'second@example.org', contactName: '王建国' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.name).toBe('ConflictError');

    const cancelled = await byLink(made.manageToken).cancel();
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data).toMatchObject({ reference: made.reference, status: 'cancelled', occurrences: [{ status: 'cancelled' }] });

    const view = await byLink(made.manageToken).show();
    expect(view.body.data.status).toBe('cancelled');
    expect(view.body.data.occurrences).toEqual([{ start: slot.start, end: slot.end, status: 'cancelled' }]);

    const second = await bookAs({ ...slot, email: 'second@example.org', contactName: '王建国' });
    expect(second.status).toBe(201);
    expect(second.body.data.status).toBe('confirmed');

    // Nothing left to cancel: the same link cannot cancel again (nor the newcomer's booking).
    const again = await byLink(made.manageToken).cancel();
    expect(again.status).toBe(400);
    const againByDate = await byLink(made.manageToken).cancel({ start: slot.start });
    expect(againByDate.status).toBe(400);
    expect(againByDate.body.error.details.errors).toEqual([expect.objectContaining({ path: 'start' })]);
    const newcomer = await byLink(second.body.data.manageToken).show();
    expect(newcomer.body.data.status).toBe('confirmed');
  });

  it('cancels one date of a weekly series and keeps the others', async () => {
    const weeks = [dayAhead(4, 1), dayAhead(4, 2), dayAhead(4, 3)];
    const made = await book({
      room: 'manage-series',
      start: at(weeks[0], '18:00'),
      end: at(weeks[0], '19:00'),
      email: 'series@example.org',
      repeat: { frequency: 'weekly', until: weeks[2] },
    });
    expect(made.occurrences.map((o) => o.start)).toEqual(weeks.map((d) => at(d, '18:00')));

    // The date is matched by its instant, whatever offset the client writes it in.
    const middleUtc = new Date(at(weeks[1], '18:00')).toISOString();
    const res = await byLink(made.manageToken).cancel({ start: middleUtc });
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('confirmed');
    expect(res.body.data.occurrences).toEqual([
      { start: at(weeks[0], '18:00'), end: at(weeks[0], '19:00'), status: 'confirmed' },
      { start: at(weeks[1], '18:00'), end: at(weeks[1], '19:00'), status: 'cancelled' },
      { start: at(weeks[2], '18:00'), end: at(weeks[2], '19:00'), status: 'confirmed' },
    ]);

    // Only the cancelled week is free for someone else.
    const other = { email: 'other@example.org', contactName: '张伟' };
    for (const [i, date] of weeks.entries()) {
      const attempt = await bookAs({ ...other, room: 'manage-series', start: at(date, '18:00'), end: at(date, '19:00') });
      expect([i, attempt.status]).toEqual([i, i === 1 ? 201 : 409]);
    }

    const twice = await byLink(made.manageToken).cancel({ start: at(weeks[1], '18:00') });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details.errors).toEqual([expect.objectContaining({ path: 'start' })]);

    const noSuchDate = await byLink(made.manageToken).cancel({ start: at(weeks[0], '18:30') });
    expect(noSuchDate.status).toBe(400);
    expect(noSuchDate.body.error.details.errors).toEqual([expect.objectContaining({ path: 'start' })]);

    const notADate = await byLink(made.manageToken).cancel({ start: 'next tuesday' });
    expect(notADate.status).toBe(400);
    expect(notADate.body.error.details.errors).toEqual([expect.objectContaining({ path: 'start' })]);

    const view = await byLink(made.manageToken).show();
    expect(view.body.data.occurrences.map((o: any) => o.status)).toEqual(['confirmed', 'cancelled', 'confirmed']);

    // The mail names the cancelled date and says the others are still booked.
    const mail = await waitForMail(cms.mailDir, (m) => m.to === 'series@example.org' && m.subject.includes('预约日期已取消'));
    expect(mail.subject).toContain(made.reference);
    const [, m1, d1] = weeks[1].split('-').map(Number);
    const [, m2, d2] = weeks[2].split('-').map(Number);
    const [cancelledPart, stillPart] = mail.text.split('其余日期照常保留');
    expect(cancelledPart).toContain(`${m1}月${d1}日`);
    expect(stillPart).toContain(`${m2}月${d2}日`);
    expect(stillPart).not.toContain(`${m1}月${d1}日`);
  });

  it('does not cancel a date that has passed; cancelling "everything" leaves past dates alone', async () => {
    const today = zonedDateOf(new Date(), TZ);
    const past = addDays(today, -6);
    // Staff may enter a booking in the past with a written reason (to record what happened); residents cannot.
    const entered = await admin.request('POST', '/booking/reservations', {
      data: reservation({
        overrideReason: '补登记：书画社每周一上午',
        room: 'manage-past',
        start: at(past, '09:00'),
        end: at(past, '10:00'),
        email: 'past@example.org',
        repeat: { frequency: 'weekly', until: addDays(today, 8) },
      }),
    });
    expect(entered.status).toBe(201);
    const { manageToken, occurrences } = entered.body.data;
    expect(occurrences.map((o: any) => o.start)).toEqual([at(past, '09:00'), at(addDays(past, 7), '09:00'), at(addDays(past, 14), '09:00')]);

    const pastDate = await byLink(manageToken).cancel({ start: at(past, '09:00') });
    expect(pastDate.status).toBe(400);
    expect(pastDate.body.error.details.errors).toEqual([expect.objectContaining({ path: 'start' })]);

    const all = await byLink(manageToken).cancel();
    expect(all.status).toBe(200);
    expect(all.body.data.occurrences.map((o: any) => o.status)).toEqual(['confirmed', 'cancelled', 'cancelled']);

    const view = await byLink(manageToken).show();
    expect(view.body.data.occurrences.map((o: any) => o.status)).toEqual(['confirmed', 'cancelled', 'cancelled']);

    const mail = await waitForMail(cms.mailDir, (m) => m.to === 'past@example.org' && m.subject.includes('取消'));
    for (const d of [addDays(past, 7), addDays(past, 14)]) {
      const [, m, day] = d.split('-').map(Number);
      expect(mail.text.split('其余日期')[0]).toContain(`${m}月${day}日`);
    }

    // Only the past date is left: nothing more can be cancelled.
    const nothingLeft = await byLink(manageToken).cancel();
    expect(nothingLeft.status).toBe(400);
  });

  it('answers 404 for a link that belongs to nothing and 400 for one that cannot be a link', async () => {
    const unknown = randomBytes(32).toString('base64url');
    const missing = await byLink(unknown).show();
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    const missingCancel = await byLink(unknown).cancel();
    expect(missingCancel.status).toBe(404);

    for (const bad of ['short', 'has.dots.in.it-and-is-long-enough-though', `${'x'.repeat(101)}`]) {
      const res = await byLink(bad).show();
      expect([bad, res.status]).toEqual([bad, 400]);
      expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: 'x-manage-token' })]);
      expect(JSON.stringify(res.body)).not.toContain(bad);
    }
    const badCancel = await byLink('short').cancel();
    expect(badCancel.status).toBe(400);
    expect(badCancel.body.error.details.errors).toEqual([expect.objectContaining({ path: 'x-manage-token' })]);
    const noLink = await cms.get(`${RESERVATIONS}/manage`);
    expect(noLink.status).toBe(400);
    expect(noLink.body.error.details.errors).toEqual([{ path: 'x-manage-token', message: 'is required' }]);

    // A real booking's token, slightly changed, opens nothing.
    const date = dayAhead(5);
    const made = await book({ room: 'manage-tokens', start: at(date, '14:00'), end: at(date, '15:00'), email: 'tokens@example.org' });
    const altered = made.manageToken.slice(0, -1) + (made.manageToken.endsWith('A') ? 'B' : 'A');
    expect((await byLink(altered).show()).status).toBe(404);
    expect((await byLink(made.manageToken).show()).status).toBe(200);
    // The old routes with the token in the path, which every access log prints, are gone.
    expect((await cms.get(`${RESERVATIONS}/manage/${made.manageToken}`)).status).toBe(404);
    expect([404, 405]).toContain((await cms.request('POST', `${RESERVATIONS}/manage/${made.manageToken}/cancel`)).status);
    expect((await byLink(made.manageToken).show()).body.data.status).toBe('confirmed');
  });

  it('keeps the link’s token out of the CMS log and out of the database, where only its hash is', async () => {
    const date = dayAhead(6, 2);
    const slot = { room: 'manage-secret', start: at(date, '10:00'), end: at(date, '11:00'), email: 'secret@example.org' };
    const key = { 'idempotency-key': `secret-${randomBytes(6).toString('hex')}` };
    const made = await book(slot, key);
    // A replay still hands the client its link: the stored answer is sealed, not stripped.
    expect(await book(slot, key)).toEqual(made);
    expect((await byLink(made.manageToken).show()).status).toBe(200);
    expect((await byLink(made.manageToken).cancel()).status).toBe(200);
    await waitForMail(cms.mailDir, (m) => m.to === 'secret@example.org' && m.subject.includes('预约已取消'));

    // The http log prints every request, the cancel included, and none holds the token.
    const logged = () => cms.output().includes('/api/booking/reservations/manage/cancel');
    for (let waited = 0; waited < 10_000 && !logged(); waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(logged()).toBe(true);
    expect(cms.output().split('\n').filter((line) => line.includes(made.manageToken))).toEqual([]);

    const db = await openDatabase(cms.database);
    try {
      const dump = await db.allText();
      expect(dump).toContain(hashToken(made.manageToken));
      expect(dump.split('\n').filter((text) => text.includes(made.manageToken))).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('forgets an Idempotency-Key after a day: the answer is purged and the key counts as new', async () => {
    const date = dayAhead(6, 3);
    const slot = (time: string, end: string) => ({ room: 'manage-secret', start: at(date, time), end: at(date, end), email: 'day-old@example.org' });
    const key = `day-old-${randomBytes(6).toString('hex')}`;
    const otherKey = `day-old-other-${randomBytes(6).toString('hex')}`;
    const first = await book(slot('09:00', '10:00'), { 'idempotency-key': key });
    await book(slot('13:00', '14:00'), { 'idempotency-key': otherKey });
    // Within the day the key belongs to its first request.
    const reused = await cms.request('POST', RESERVATIONS, { data: reservation(slot('11:00', '12:00')) }, { 'idempotency-key': key });
    expect(reused.status).toBe(400);
    expect(reused.body.error.details.errors).toEqual([expect.objectContaining({ path: 'Idempotency-Key' })]);

    const db = await openDatabase(cms.database);
    try {
      // A day and an hour pass for both stored answers.
      const back = cms.database.kind === 'postgres' ? `created_at - interval '25 hours'` : `created_at - ${25 * 3600 * 1000}`;
      await db.query(`UPDATE booking_idempotency_keys SET created_at = ${back} WHERE key IN (?, ?)`, [key, otherKey]);
      const fresh = await book(slot('11:00', '12:00'), { 'idempotency-key': key });
      expect(fresh.reference).not.toBe(first.reference);
      // The new answer took the key's place, and the other day-old answer was purged with it.
      const rows = await db.query('SELECT key FROM booking_idempotency_keys WHERE key IN (?, ?)', [key, otherKey]);
      expect(rows.map((r) => r.key)).toEqual([key]);
    } finally {
      await db.close();
    }
  });

  it('a link stops opening its booking 30 days (manageLinkDays) after the last date', async () => {
    const today = zonedDateOf(new Date(), TZ);
    const enter = async (date: string, email: string) => {
      const res = await admin.request('POST', '/booking/reservations', {
        data: reservation({ overrideReason: '补登记：上月的读书会', room: 'manage-old', start: at(date, '09:00'), end: at(date, '10:00'), email }),
      });
      expect(res.status).toBe(201);
      return byLink(res.body.data.manageToken);
    };
    const old = await enter(addDays(today, -32), 'old-link@example.org');
    const recent = await enter(addDays(today, -28), 'recent-link@example.org');

    const shown = await old.show();
    expect(shown.status).toBe(404);
    expect(shown.body.error).toMatchObject({ name: 'NotFoundError', details: { code: 'link_expired', days: 30 } });
    expect(shown.body.error.message).toContain('expired');
    expect((await old.cancel()).status).toBe(404);
    expect((await recent.show()).status).toBe(200);
  });

  it('sends a cancellation mail in the requester’s language', async () => {
    const date = dayAhead(6);
    const zh = await book({ room: 'manage-mail', start: at(date, '09:00'), end: at(date, '10:00'), email: 'mail-zh@example.org' });
    const en = await book({ room: 'manage-mail', start: at(date, '11:00'), end: at(date, '12:00'), email: 'mail-en@example.org', language: 'en', contactName: 'Anna Smith' });
    await waitForMail(cms.mailDir, (m) => m.to === 'mail-en@example.org' && m.subject.includes('Booking confirmed'));

    expect((await byLink(zh.manageToken).cancel()).status).toBe(200);
    expect((await byLink(en.manageToken).cancel()).status).toBe(200);

    const zhMail = await waitForMail(cms.mailDir, (m) => m.to === 'mail-zh@example.org' && m.subject.includes('预约已取消'));
    expect(zhMail.subject).toContain(zh.reference);
    expect(zhMail.text).toContain('您的场地预约已经取消');
    expect(zhMail.text).toContain('09:00–10:00');

    const enMail = await waitForMail(cms.mailDir, (m) => m.to === 'mail-en@example.org' && m.subject.includes('Booking cancelled'));
    expect(enMail.subject).toContain(en.reference);
    expect(enMail.text).toContain('Dear Anna Smith');
    expect(enMail.text).toContain('Your booking has been cancelled');
    expect(enMail.text).toContain('11:00–12:00');
    expect(enMail.html).toContain(en.reference);

    // One cancellation, one mail each.
    expect(outbox(cms.mailDir).filter((m) => m.to === 'mail-zh@example.org' && m.subject.includes('预约已取消'))).toHaveLength(1);
  });

  it('two cancellations at once: one is done (and mailed), the other is told there is nothing left', async () => {
    const date = dayAhead(5, 2);
    const made = await book({ room: 'manage-tokens', start: at(date, '16:00'), end: at(date, '17:00'), email: 'double-cancel@example.org' });
    let later = made;
    const answers = await Promise.all([1, 2, 3].map(() => byLink(made.manageToken).cancel()));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400]);
    await waitForMail(cms.mailDir, (m) => m.to === 'double-cancel@example.org' && m.subject.includes('预约已取消'));
    const cancelled = await mailAfter(cms.mailDir, (m) => m.to === 'double-cancel@example.org' && m.subject.includes('预约已取消'), {
      send: async () => (later = await book({ room: 'manage-tokens', start: at(date, '18:00'), end: at(date, '19:00'), email: 'double-cancel@example.org' })),
      arrived: (m) => m.to === 'double-cancel@example.org' && m.subject.includes(later.reference),
    });
    expect(cancelled).toHaveLength(1);
  });

  describe('"我去不了 / I can\'t come" from a reminder', () => {
    const datesOf = async (reference: string): Promise<string[]> => {
      const db = await openDatabase(cms.database);
      try {
        return (await db.query('SELECT document_id FROM booking_reservations WHERE reference = ? ORDER BY series_index', [reference])).map((r) => String(r.document_id));
      } finally {
        await db.close();
      }
    };

    it('cancels that one date of a series, frees the room, and says so again on a second tap', async () => {
      const weeks = [dayAhead(6, 1), dayAhead(6, 2), dayAhead(6, 3)];
      const made = await book({ room: 'manage-cant-come', start: at(weeks[0], '09:00'), end: at(weeks[0], '10:00'), email: 'cant-come@example.org', repeat: { frequency: 'weekly', until: weeks[2] } });
      const [, middle] = await datesOf(made.reference);
      const code = await issueCantComeCode(cms, { reservationId: middle }, at(weeks[1], '09:00'));
      const link = cantComeLink(cms, code);
      const room = (await cms.get('/api/booking/rooms/manage-cant-come')).body.data;

      const described = await link.show();
      expect(described.status).toBe(200);
      expect(described.body.data).toEqual({
        about: 'reservation',
        effect: 'cancel-date',
        what: room.name,
        start: at(weeks[1], '09:00'),
        end: at(weeks[1], '10:00'),
        name: '李**',
        language: 'zh-CN',
        state: 'open',
      });
      // Opening the link (as a text-message app does to preview it) changes nothing.
      await link.show();
      expect((await byLink(made.manageToken).show()).body.data.occurrences.map((o: { status: string }) => o.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);

      const tapped = await link.use();
      expect(tapped.status).toBe(200);
      expect(tapped.body.data).toMatchObject({ about: 'reservation', state: 'cancelled', already: false, start: at(weeks[1], '09:00') });
      expect((await byLink(made.manageToken).show()).body.data.occurrences.map((o: { status: string }) => o.status)).toEqual(['confirmed', 'cancelled', 'confirmed']);
      await waitForMail(cms.mailDir, (m) => m.to === 'cant-come@example.org' && m.subject.includes('预约日期已取消'));
      // The hour is free for someone else; the other weeks are not.
      expect((await bookAs({ room: 'manage-cant-come', start: at(weeks[1], '09:00'), end: at(weeks[1], '10:00'), email: 'next@example.org' })).status).toBe(201);
      expect((await bookAs({ room: 'manage-cant-come', start: at(weeks[2], '09:00'), end: at(weeks[2], '10:00'), email: 'next@example.org' })).status).toBe(409);

      const again = await link.use();
      expect(again.status).toBe(200);
      expect(again.body.data).toMatchObject({ state: 'cancelled', already: true });
      expect((await link.show()).body.data.state).toBe('cancelled');
    });

    it('answers an unknown code and one whose date has begun with a 404 and a code, a missing one with a 400', async () => {
      const unknown = await cantComeLink(cms, 'ABCDEFGHJK').use();
      expect([unknown.status, unknown.body.error.details.code]).toEqual([404, 'unknown_link']);
      expect((await cantComeLink(cms, 'ABCDEFGHJK').show()).status).toBe(404);

      const date = dayAhead(2, 7);
      const made = await book({ room: 'manage-cant-come', start: at(date, '09:00'), end: at(date, '10:00') });
      const [only] = await datesOf(made.reference);
      const past = await issueCantComeCode(cms, { reservationId: only }, new Date(Date.now() - 60_000).toISOString());
      const expired = await cantComeLink(cms, past).use();
      expect([expired.status, expired.body.error.details.code]).toEqual([404, 'link_expired']);
      expect((await byLink(made.manageToken).show()).body.data.status).toBe('confirmed');

      const missing = await cms.request('POST', '/api/booking/cant-come');
      expect(missing.status).toBe(400);
      expect(missing.body.error.details.errors).toEqual([expect.objectContaining({ path: 'x-cant-come-code' })]);
    });
  });

  describe('GET /api/booking/me/reservations', () => {
    const password = 'Residents-Pass-42';
    const me = (auth: Record<string, string>) => cms.request('GET', '/api/booking/me/reservations', undefined, auth);
    const register = async (username: string) => {
      const email = `${username}@example.org`;
      const res = await cms.request('POST', '/api/auth/local/register', { username, email, password });
      if (res.status !== 200 || !res.body.jwt) throw new Error(`register ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return { email, auth: { authorization: `Bearer ${res.body.jwt}` } };
    };

    it('lists what the resident booked signed in, and nothing of anyone else’s', async () => {
      const date = dayAhead(7);
      const wang = await register('wang');
      const zhao = await register('zhao');

      // Signed in, giving only a phone number.
      const signedIn = await book({ room: 'manage-mine', start: at(date, '08:00'), end: at(date, '09:00'), email: null, phone: '13900000001' }, wang.auth);
      // Someone else's: anonymous with another e-mail, and zhao's own.
      const stranger = await book({ room: 'manage-mine', start: at(date, '12:00'), end: at(date, '13:00'), email: 'stranger@example.org' });
      const zhaos = await book({ room: 'manage-mine', start: at(date, '14:00'), end: at(date, '15:00'), email: 'zhao.other@example.org' }, zhao.auth);

      const mine = await me(wang.auth);
      expect(mine.status).toBe(200);
      expect(mine.body.data).toEqual([
        expect.objectContaining({
          reference: signedIn.reference,
          status: 'confirmed',
          room: expect.objectContaining({ slug: 'manage-mine' }),
          phone: '13900000001',
          occurrences: [{ start: at(date, '08:00'), end: at(date, '09:00'), status: 'confirmed' }],
        }),
      ]);
      expect(JSON.stringify(mine.body)).not.toContain(signedIn.manageToken);

      const theirs = await me(zhao.auth);
      expect(theirs.status).toBe(200);
      expect(theirs.body.data.map((r: any) => r.reference)).toEqual([zhaos.reference]);
      expect(JSON.stringify(theirs.body)).not.toContain(stranger.reference);

      // Cancelling shows up in the list.
      expect((await byLink(signedIn.manageToken).cancel()).status).toBe(200);
      expect((await me(wang.auth)).body.data.map((r: any) => r.status)).toEqual(['cancelled']);
    });

    it('does not hand out bookings made with an e-mail address to whoever registers it without proving it is theirs', async () => {
      const date = dayAhead(7, 2);
      // Someone books anonymously; then another person registers that address (nothing checks it by default).
      const victims = await book({ room: 'manage-mine', start: at(date, '10:00'), end: at(date, '11:00'), email: 'chen@example.org', phone: '13911112222' });
      const impostor = await register('chen');
      const seen = await me(impostor.auth);
      expect(seen.status).toBe(200);
      expect(seen.body.data.map((r: any) => r.reference)).not.toContain(victims.reference);
      expect(JSON.stringify(seen.body)).not.toContain('13911112222');
    });

    it('lists bookings made with the e-mail address once the resident has confirmed it', async () => {
      const date = dayAhead(7, 3);
      // The centre turns on e-mail confirmation in the users & permissions settings.
      const current = await admin.request('GET', '/users-permissions/advanced');
      expect(current.status).toBe(200);
      const updated = await admin.request('PUT', '/users-permissions/advanced', {
        ...current.body.settings,
        email_confirmation: true,
        email_confirmation_redirection: 'http://site.test/account/confirmed',
      });
      expect(updated.status).toBe(200);

      const anonymous = await book({ room: 'manage-mine', start: at(date, '10:00'), end: at(date, '11:00'), email: 'Liu.Yang@example.org' });
      const someoneElse = await book({ room: 'manage-mine', start: at(date, '12:00'), end: at(date, '13:00'), email: 'not-liu@example.org' });

      const registered = await cms.request('POST', '/api/auth/local/register', { username: 'liuyang', email: 'liu.yang@example.org', password });
      expect(registered.status).toBe(200);
      expect(registered.body.jwt).toBeUndefined(); // not until the address is confirmed
      const login = () => cms.request('POST', '/api/auth/local', { identifier: 'liu.yang@example.org', password });
      expect((await login()).status).toBe(400);

      const mail = await waitForMail(cms.mailDir, (m) => m.to === 'liu.yang@example.org' && /confirmation=/.test(m.text ?? m.html));
      const code = /confirmation=([0-9a-f]+)/.exec(mail.text ?? mail.html)![1];
      const confirmed = await fetch(`${cms.url}/api/auth/email-confirmation?confirmation=${code}`, { redirect: 'manual' });
      expect(confirmed.status).toBe(302);

      const signedIn = await login();
      expect(signedIn.status).toBe(200);
      const auth = { authorization: `Bearer ${signedIn.body.jwt}` };
      const mine = await me(auth);
      expect(mine.status).toBe(200);
      expect(mine.body.data.map((r: any) => r.reference)).toEqual([anonymous.reference]);
      expect(mine.body.data[0]).toMatchObject({ email: 'Liu.Yang@example.org', occurrences: [{ start: at(date, '10:00'), status: 'confirmed' }] });
      expect(JSON.stringify(mine.body)).not.toContain(someoneElse.reference);
    });

    it('refuses anonymous visitors and bad tokens', async () => {
      const anonymous = await cms.get('/api/booking/me/reservations');
      expect([401, 403]).toContain(anonymous.status);
      expect(anonymous.body.data ?? null).toBeNull();

      const forged = await cms.request('GET', '/api/booking/me/reservations', undefined, { authorization: 'Bearer not.a.jwt' });
      expect([401, 403]).toContain(forged.status);
    });
  });

  describe('find my booking: the manage links again, by the channel given, never on the page', () => {
    const FIND = '/api/booking/find-my-bookings';
    const find = (data: Record<string, unknown>) => cms.request('POST', FIND, { data });
    const texts = () => readdirSync(cms.smsDir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(path.join(cms.smsDir, f), 'utf8')) as { to: string; kind: string; text: string });
    const tokenIn = (text: string, what: 'token' | 'enrolment') => decodeURIComponent(new RegExp(`#${what}=([A-Za-z0-9_%-]+)`).exec(text)?.[1] ?? '');

    it('answers a known and an unknown contact byte for byte the same, and mails the known one live links to what is still to come', async () => {
      const date = dayAhead(4);
      const made = await book({ room: 'manage-find', start: at(date, '09:00'), end: at(date, '10:00'), email: 'finder@example.org', phone: null });
      const { documentId: courseId } = await createActivity(admin, 'course', { slug: 'find-calligraphy', title: '书法班', schedule: weekly(['fri'], dayAhead(5), dayAhead(5, 3), '15:00', 60) });
      expect(courseId).toBeTruthy();
      const enrolled = await cms.request('POST', '/api/booking/enrolments', { data: { ...CONSENT, course: 'find-calligraphy', name: '赵敏', email: 'FINDER@example.org', people: 1 } });
      expect(enrolled.status).toBe(201);
      expect(enrolled.body.data.notifiedBy).toBe('email');
      const oldEnrolmentToken: string = enrolled.body.data.manageToken;

      const unknown = await find({ email: 'nobody-here@example.org', language: 'zh-CN' });
      const known = await find({ email: 'Finder@Example.org', language: 'zh-CN' });
      expect(unknown.status).toBe(202);
      expect(known.status).toBe(202);
      expect(JSON.stringify(known.body)).toBe(JSON.stringify(unknown.body));
      expect(known.headers.get('content-length')).toBe(unknown.headers.get('content-length'));
      expect(JSON.stringify(known.body)).not.toMatch(/token|enrolment=|LL-/);

      const mail = await waitForMail(cms.mailDir, (m) => m.to === 'Finder@Example.org');
      expect(mail.text).toContain(made.reference);
      expect(mail.text).toContain('书法班');
      const reservationToken = tokenIn(mail.text, 'token');
      const enrolmentToken = tokenIn(mail.text, 'enrolment');
      expect((await byLink(reservationToken).show()).body.data).toMatchObject({ reference: made.reference });
      expect((await manageLink(cms, 'enrolments', enrolmentToken).show()).body.data).toMatchObject({ name: '赵敏' });
      // The links given at booking still open what they opened: a lookup adds a link, it breaks none.
      expect((await byLink(made.manageToken).show()).body.data).toMatchObject({ reference: made.reference });
      expect((await manageLink(cms, 'enrolments', oldEnrolmentToken).show()).body.data).toMatchObject({ name: '赵敏' });
      expect(mail.text).not.toMatch(/失效/);
      expect(outbox(cms.mailDir).filter((m) => m.to === 'nobody-here@example.org')).toHaveLength(0);
    });

    it('never breaks the link given at booking: a second lookup replaces only the link the first one sent', async () => {
      const weeks = [dayAhead(3, 1), dayAhead(3, 2)];
      const made = await book({ room: 'manage-find', start: at(weeks[0], '14:00'), end: at(weeks[0], '15:00'), email: 'keeper@example.org', phone: null, repeat: { frequency: 'weekly', until: weeks[1] } });
      await createActivity(admin, 'course', { slug: 'find-keep', title: '太极班', schedule: weekly(['thu'], dayAhead(5), dayAhead(5, 2), '10:00', 60) });
      const enrolled = await cms.request('POST', '/api/booking/enrolments', { data: { ...CONSENT, course: 'find-keep', name: '钱芳', email: 'keeper@example.org', people: 1 } });
      expect(enrolled.status).toBe(201);
      const original = { reservation: byLink(made.manageToken), enrolment: manageLink(cms, 'enrolments', enrolled.body.data.manageToken as string) };

      // Each lookup types the address its own way, so each one's mail is told apart.
      const lookUp = async (email: string) => {
        expect((await find({ email, language: 'zh-CN' })).status).toBe(202);
        const mail = await waitForMail(cms.mailDir, (m) => m.to === email && /预约和报名/.test(m.subject));
        return { reservation: tokenIn(mail.text, 'token'), enrolment: tokenIn(mail.text, 'enrolment') };
      };
      const first = await lookUp('keeper@example.org');
      expect((await byLink(first.reservation).show()).body.data).toMatchObject({ reference: made.reference });
      expect((await manageLink(cms, 'enrolments', first.enrolment).show()).body.data).toMatchObject({ name: '钱芳' });
      expect((await original.reservation.show()).body.data).toMatchObject({ reference: made.reference });
      expect((await original.enrolment.show()).body.data).toMatchObject({ name: '钱芳' });

      const second = await lookUp('Keeper@Example.org');
      expect(second.reservation).not.toBe(first.reservation);
      expect((await byLink(first.reservation).show()).status).toBe(404);
      expect((await manageLink(cms, 'enrolments', first.enrolment).show()).status).toBe(404);
      expect((await byLink(second.reservation).show()).body.data).toMatchObject({ reference: made.reference });
      expect((await original.reservation.show()).body.data).toMatchObject({ reference: made.reference });
      expect((await original.enrolment.show()).body.data).toMatchObject({ name: '钱芳' });

      // Both links cancel: the found one a date, the original the rest, and each sees the other's change.
      expect((await byLink(second.reservation).cancel({ start: at(weeks[0], '14:00') })).status).toBe(200);
      const rest = await original.reservation.cancel();
      expect(rest.status).toBe(200);
      expect(rest.body.data.occurrences.map((o: { status: string }) => o.status)).toEqual(['cancelled', 'cancelled']);
      expect((await manageLink(cms, 'enrolments', second.enrolment).cancel()).status).toBe(200);
      expect((await original.enrolment.show()).body.data).toMatchObject({ status: 'cancelled' });
      expect((await original.enrolment.cancel()).status).toBe(400);
    });

    it('texts each booking’s link to a phone given without an e-mail, and not what is cancelled', async () => {
      const date = dayAhead(5);
      const made = await book({ room: 'manage-find', start: at(date, '09:00'), end: at(date, '10:00'), email: null, phone: '139 0000 2468', notifyBy: 'call' });
      const gone = await book({ room: 'manage-find', start: at(date, '11:00'), end: at(date, '12:00'), email: null, phone: '13900002468', notifyBy: 'call' });
      expect((await byLink(gone.manageToken).cancel()).status).toBe(200);
      // The booking's answer said who would tell them: the centre, by phone.
      expect((made as unknown as { notifiedBy: string }).notifiedBy).toBe('call');

      expect((await find({ phone: '+86 139-0000-2468', language: 'en' })).status).toBe(202);
      const sms = await (async () => {
        for (let i = 0; i < 100; i += 1) {
          const found = texts().filter((t) => t.to === '+8613900002468' && t.kind === 'bookings.found');
          if (found.length > 0) return found;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error(`no text message; have ${JSON.stringify(texts().map((t) => [t.to, t.kind]))}`);
      })();
      expect(sms).toHaveLength(1);
      expect(sms[0].text).toContain('http://site.test/en/manage/#token=');
      expect((await byLink(tokenIn(sms[0].text, 'token')).show()).body.data).toMatchObject({ reference: made.reference, status: 'confirmed' });
    });

    it('sends one contact’s links at most three times an hour, with the same answer every time', async () => {
      const date = dayAhead(6);
      await book({ room: 'manage-find', start: at(date, '09:00'), end: at(date, '10:00'), email: 'often@example.org', phone: null });
      const answers = [];
      for (let i = 0; i < 5; i += 1) answers.push(await find({ email: 'often@example.org' }));
      expect(new Set(answers.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).size).toBe(1);
      const later = await book({ room: 'manage-find', start: at(date, '11:00'), end: at(date, '12:00'), email: 'often-later@example.org', phone: null });
      const sent = await mailAfter(cms.mailDir, (m) => m.to === 'often@example.org' && /预约和报名/.test(m.subject), {
        send: () => find({ email: 'often-later@example.org' }),
        arrived: (m) => m.to === 'often-later@example.org' && m.text.includes(later.reference) && /预约和报名/.test(m.subject),
      });
      expect(sent).toHaveLength(3);
    });

    it('refuses a malformed phone or e-mail with a 400 naming the field, and asks for one of them', async () => {
      const field = async (data: Record<string, unknown>) => {
        const res = await find(data);
        expect(res.status).toBe(400);
        return (res.body.error.details.errors as Array<{ path: string }>).map((e) => e.path);
      };
      expect(await field({ phone: 'call me' })).toEqual(['phone']);
      expect(await field({ email: 'not-an-address' })).toEqual(['email']);
      expect(await field({})).toEqual(['phone']);
      expect(await field({ phone: '13900002468', email: 'a@example.org' })).toEqual(['email']);
    });
  });
});
