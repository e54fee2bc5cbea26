import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import fc from 'fast-check';
import { CONSENT, at, createClosure, createRoom, dayAhead, manageLink, reservation, waitForMail, type Admin } from '../harness/fixtures';
import { openDatabase } from '../harness/database';
import { awkwardText, bodyAround, envelopeAround, expectHandled, headerValue, publicPosts, RUNS, send } from '../harness/public-input';

const post = (cms: TestCms, data: unknown, headers: Record<string, string> = {}) => cms.request('POST', '/api/booking/reservations', { data }, headers);

/** The paths and messages of a 400, for assertions that read like the form's error list. */
const errorsOf = (res: { status: number; body: any }) => {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
  return res.body.error.details.errors as Array<{ path: string; message: string }>;
};

describe('POST /api/booking/reservations', () => {
  let cms: TestCms;
  let admin: Admin;
  let hallId: string;

  beforeAll(async () => {
    cms = await startTestCms();
    admin = await asAdmin(cms);
    hallId = await createRoom(admin, { slug: 'test-room', capacity: 30, requiresApproval: false, bufferMinutes: 30, maxMinutes: 180 });
    await createRoom(admin, { slug: 'needs-approval', requiresApproval: true });
    await createRoom(admin, { slug: 'not-bookable', bookable: false });
    await createRoom(admin, { slug: 'quota-room', requiresApproval: false, weeklyQuotaHours: 2, maxMinutes: 240 });
    await createRoom(admin, { slug: 'series-room', requiresApproval: false });
    await createRoom(admin, { slug: 'long-minimum', requiresApproval: false, minMinutes: 60 });
    // Two weeks' notice: every day of next week is too soon.
    await createRoom(admin, { slug: 'long-notice', requiresApproval: false, minNoticeMinutes: 14 * 24 * 60 });
    await createClosure(admin, { reason: '元旦假期', start: at(dayAhead(5, 2), '00:00'), end: at(dayAhead(6, 2), '00:00'), roomIds: [hallId] });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('books a free slot at once where the room needs no approval, and mails the requester', async () => {
    const res = await post(cms, reservation({ start: at(dayAhead(1), '09:00'), end: at(dayAhead(1), '10:30') }));
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      status: 'confirmed',
      room: { slug: 'test-room' },
      occurrences: [{ start: at(dayAhead(1), '09:00'), end: at(dayAhead(1), '10:30'), status: 'confirmed' }],
      skipped: [],
    });
    expect(res.body.data.reference).toMatch(/^LL-[A-Z0-9]{5}$/);
    expect(res.body.data.manageToken.length).toBeGreaterThanOrEqual(22);
    const mail = await waitForMail(cms.mailDir, (m) => m.subject.includes(res.body.data.reference));
    expect(mail.to).toBe('li.xiuying@example.org');
  });

  it('is stored as Strapi stores an entry: a document id, published, linked to the room’s two versions, and read back with its room', async () => {
    const res = await post(cms, reservation({ start: at(dayAhead(2, 3), '14:00'), end: at(dayAhead(2, 3), '15:00'), email: 'stored@example.org' }));
    expect(res.status).toBe(201);
    const { reference, manageToken } = res.body.data;
    const db = await openDatabase(cms.database);
    try {
      const [row] = await db.query('SELECT document_id, created_at, updated_at, published_at, locale FROM booking_reservations WHERE reference = ?', [reference]);
      // Strapi's document ids: cuid2, 24 lower-case letters and digits starting with a letter.
      expect(row.document_id).toMatch(/^[a-z][a-z0-9]{23}$/);
      expect(row.locale).toBeNull();
      const time = (v: unknown) => new Date(v as string | number | Date).getTime();
      expect(time(row.published_at)).toBe(time(row.created_at));
      expect(time(row.updated_at)).toBe(time(row.created_at));
      expect(Math.abs(time(row.created_at) - Date.now())).toBeLessThan(60_000);
      const links = await db.query(
        `SELECT rm.document_id, rm.locale, rm.published_at IS NOT NULL AS published FROM booking_reservations_room_lnk l
           JOIN booking_rooms rm ON rm.id = l.room_id JOIN booking_reservations r ON r.id = l.reservation_id
          WHERE r.reference = ? ORDER BY l.id`,
        [reference]
      );
      expect(links.map((l: any) => ({ ...l, published: Boolean(l.published) }))).toEqual([
        { document_id: hallId, locale: 'zh-CN', published: false },
        { document_id: hallId, locale: 'zh-CN', published: true },
      ]);
    } finally {
      await db.close();
    }
    // The manage page's answer is read through the Document Service, with the room populated.
    const shown = await manageLink(cms, 'reservations', manageToken).show();
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.body)).toContain('"slug":"test-room"');
  });

  it('leaves a request pending where the room needs approval', async () => {
    const res = await post(cms, reservation({ room: 'needs-approval' }));
    expect(res.status).toBe(201);
    expect(res.body.data.status).toBe('pending');
  });

  it('accepts any offset and answers in the centre zone', async () => {
    const date = dayAhead(1, 3);
    const res = await post(cms, reservation({ start: `${date}T01:00:00Z`, end: `${date}T02:00:00Z` }));
    expect(res.status).toBe(201);
    expect(res.body.data.occurrences[0]).toMatchObject({ start: at(date, '09:00'), end: at(date, '10:00') });
  });

  it('refuses a time already held, buffers included, with the clashing times', async () => {
    const date = dayAhead(3);
    expect((await post(cms, reservation({ start: at(date, '14:00'), end: at(date, '15:00') }))).status).toBe(201);
    // 15:00 + the room's 30-minute buffer: 15:15 is too close.
    const tooClose = await post(cms, reservation({ start: at(date, '15:00'), end: at(date, '16:00') }));
    expect(tooClose.status).toBe(409);
    expect(tooClose.body).toMatchObject({ data: null, error: { status: 409, name: 'ConflictError', details: { conflicts: [{ start: at(date, '15:00'), end: at(date, '16:00') }] } } });
    expect((await post(cms, reservation({ start: at(date, '15:30'), end: at(date, '16:30') }))).status).toBe(201);
  });

  describe('every broken rule is a 400 naming the field, and books nothing', () => {
    // The code is what the HTTP shell passes on from core/rules for a form to translate; a request
    // the schema refuses before any rule is checked has none.
    const cases: Array<[string, Record<string, unknown>, string, RegExp, string | undefined]> = [
      ['an unknown room', { room: 'no-such-room' }, 'room', /no room/, undefined],
      ['a room that cannot be booked', { room: 'not-bookable' }, 'room', /cannot be booked/, undefined],
      ['a missing purpose', { purpose: undefined }, 'purpose', /required/, undefined],
      ['a malformed start', { start: 'next tuesday' }, 'start', /ISO 8601/, undefined],
      ['a time without an offset', { start: `${dayAhead(2)}T19:00:00` }, 'start', /offset/, undefined],
      ['no way to reach the contact', { phone: null, email: null }, 'phone', /phone number or an e-mail/, undefined],
      ['a malformed e-mail', { email: 'li at example' }, 'email', /e-mail/, undefined],
      ['attendees that are not a number', { attendees: 'twelve' }, 'attendees', /number/, undefined],
      ['an end not after the start', { start: at(dayAhead(2), '19:00'), end: at(dayAhead(2), '18:00') }, 'end', /after/, 'end_not_after_start'],
      ['a zero-length request', { start: at(dayAhead(2), '19:00'), end: at(dayAhead(2), '19:00') }, 'end', /after/, 'end_not_after_start'],
      ['a start off the slot grid', { start: at(dayAhead(2), '19:10'), end: at(dayAhead(2), '20:00') }, 'start', /30/, 'not_on_slot_grid'],
      ['a request shorter than the minimum', { room: 'long-minimum', start: at(dayAhead(2), '19:00'), end: at(dayAhead(2), '19:30') }, 'end', /at least 60 minutes/, 'too_short'],
      ['a request longer than the maximum', { start: at(dayAhead(2), '09:00'), end: at(dayAhead(2), '13:00') }, 'end', /180/, 'too_long'],
      ['a time outside opening hours', { start: at(dayAhead(2), '21:30'), end: at(dayAhead(2), '22:30') }, 'start', /opening hours/, 'outside_opening_hours'],
      ['a time in a closure', { start: at(dayAhead(5, 2), '10:00'), end: at(dayAhead(5, 2), '11:00') }, 'start', /closed|closure/i, 'in_closure'],
      ['a time in the past', { start: at(dayAhead(1, -1), '10:00'), end: at(dayAhead(1, -1), '11:00') }, 'start', /past/, 'in_the_past'],
      ['a time within the minimum notice', { room: 'long-notice', start: at(dayAhead(2), '10:00'), end: at(dayAhead(2), '11:00') }, 'start', /at least 20160 minutes from now/, 'under_minimum_notice'],
      ['a time too far ahead', { start: at(dayAhead(1, 20), '10:00'), end: at(dayAhead(1, 20), '11:00') }, 'start', /90 days/, 'too_far_ahead'],
      ['more people than the room holds', { attendees: 31 }, 'attendees', /30/, 'over_capacity'],
      ['a series longer than 52 weeks', { repeat: { frequency: 'weekly', until: dayAhead(1, 60) } }, 'repeat.until', /52/, 'series_too_long'],
      ['a series ending before it starts', { repeat: { frequency: 'weekly', until: dayAhead(1, -1) } }, 'repeat.until', /before/, undefined],
      ['a repeat other than weekly', { repeat: { frequency: 'daily', until: dayAhead(1, 2) } }, 'repeat.frequency', /weekly/, undefined],
      ['a NUL in the name, which the database cannot store', { contactName: '李\u0000秀英' }, 'contactName', /NUL character/, undefined],
      ['a lone surrogate in the organisation', { organization: '红歌\ud83d协会' }, 'organization', /lone UTF-16 surrogate/, undefined],
      ['a control character in the purpose', { purpose: '排练\u001b[31m' }, 'purpose', /control characters/, undefined],
      ['a line break in the name', { contactName: '李秀英\n王建国' }, 'contactName', /line breaks/, undefined],
      ['a NUL in the phone', { phone: '138\u000000138000' }, 'phone', /NUL character/, undefined],
      ['a control character in the e-mail', { email: 'li\u0085@example.org' }, 'email', /control characters/, undefined],
      ['mail chosen without an e-mail address', { notifyBy: 'email', email: null }, 'notifyBy', /give an e-mail address/, 'notify_needs_email'],
      ['text messages chosen without a phone number', { notifyBy: 'sms', phone: null }, 'notifyBy', /give a mobile number/, 'notify_needs_mobile'],
      ['text messages chosen with a fixed-line number', { notifyBy: 'sms', phone: '010-6552 9988' }, 'notifyBy', /not a mobile number/, 'notify_not_mobile'],
      ['a call chosen without a phone number', { notifyBy: 'call', phone: null }, 'notifyBy', /give a phone number/, 'notify_needs_phone'],
      ['a channel other than email, sms or call', { notifyBy: 'wechat' }, 'notifyBy', /email, sms or call/, undefined],
    ];

    /** The day a request asked for (its start's, else its end's), as the centre writes it. */
    const dayAsked = (data: { start: unknown; end: unknown }) => {
      const written = [data.start, data.end].find((t) => typeof t === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(t)) as string;
      return written.slice(0, 10);
    };
    /** What a refused request must leave as it was: every room's day it asked for, and the count of bookings. */
    const bookingsAround = async (day: string) => {
      const rooms = await cms.get(`/api/booking/availability?from=${day}&to=${day}`);
      const list = await admin.request('GET', '/booking/reservations?pageSize=1');
      expect(rooms.status).toBe(200);
      expect(list.status).toBe(200);
      return { rooms: rooms.body, total: list.body.meta.pagination.total };
    };

    it.each(cases)('%s', async (_label, overrides, path, message, code) => {
      const data = reservation(overrides);
      const day = dayAsked(data);
      const before = await bookingsAround(day);
      const errors = errorsOf(await post(cms, data));
      expect(errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message), ...(code ? { code } : {}) })])
      );
      expect(await bookingsAround(day)).toEqual(before);
    });

    it('lists every broken rule at once', async () => {
      const errors = errorsOf(await post(cms, reservation({ start: at(dayAhead(2), '21:10'), end: at(dayAhead(2), '23:00'), attendees: 99 })));
      expect(errors.map((e) => e.path).sort()).toEqual(expect.arrayContaining(['attendees', 'start']));
      expect(errors.length).toBeGreaterThanOrEqual(3);
    });

    it('names the rule each refusal broke, for a form to say in the person’s language', async () => {
      const errors = errorsOf(await post(cms, reservation({ start: at(dayAhead(2), '21:30'), end: at(dayAhead(2), '22:30'), attendees: 31 })));
      expect(errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'start', code: 'outside_opening_hours' }),
          expect.objectContaining({ path: 'attendees', code: 'over_capacity' }),
        ])
      );
    });

    it('refuses a body that is not { data: { … } }', async () => {
      const res = await cms.request('POST', '/api/booking/reservations', reservation());
      expect(errorsOf(res)).toEqual([expect.objectContaining({ path: 'data' })]);
    });

    it("refuses going over the contact's weekly quota in a room", async () => {
      const monday = dayAhead(1, 2);
      const first = await post(cms, reservation({ room: 'quota-room', start: at(monday, '09:00'), end: at(monday, '10:30') }));
      expect(first.status).toBe(201);
      const second = await post(cms, reservation({ room: 'quota-room', start: at(monday, '14:00'), end: at(monday, '15:00') }));
      expect(errorsOf(second)).toEqual([expect.objectContaining({ path: 'start', code: 'over_weekly_quota', message: expect.stringMatching(/2 hours|quota/i) })]);
      // Someone else may still book.
      const other = await post(cms, reservation({ room: 'quota-room', start: at(monday, '14:00'), end: at(monday, '15:00'), phone: '13911112222', email: 'other@example.org' }));
      expect(other.status).toBe(201);
    });
  });

  describe('a weekly series', () => {
    const seriesStart = dayAhead(4, 1);
    const series = (overrides: Record<string, unknown> = {}) =>
      reservation({ room: 'series-room', start: at(seriesStart, '19:00'), end: at(seriesStart, '20:30'), repeat: { frequency: 'weekly', until: dayAhead(4, 5) }, ...overrides });

    it('is all or nothing when one week clashes, then books the free weeks with skipConflicts', async () => {
      const week3 = dayAhead(4, 3);
      const blocker = await post(cms, reservation({ room: 'series-room', start: at(week3, '20:00'), end: at(week3, '21:00'), email: 'dance@example.org' }));
      expect(blocker.status).toBe(201);

      const refused = await post(cms, series());
      expect(refused.status).toBe(409);
      expect(refused.body.error.details.conflicts).toEqual([{ start: at(week3, '19:00'), end: at(week3, '20:30') }]);
      // Nothing of the series was booked: week 1 is still free.
      const week1 = await cms.get(`/api/booking/rooms/series-room/availability?from=${seriesStart}&to=${seriesStart}`);
      expect(week1.body.data.days[0].busy).toEqual([]);

      const booked = await post(cms, series({ skipConflicts: true }));
      expect(booked.status).toBe(201);
      expect(booked.body.data.occurrences.map((o: any) => o.start)).toEqual([1, 2, 4, 5].map((w) => at(dayAhead(4, w), '19:00')));
      expect(booked.body.data.skipped).toEqual([{ start: at(week3, '19:00'), end: at(week3, '20:30'), reason: 'taken' }]);
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the first answer and books once', async () => {
      const data = reservation({ start: at(dayAhead(2, 2), '10:00'), end: at(dayAhead(2, 2), '11:00') });
      const key = { 'Idempotency-Key': 'retry-test-0001' };
      const first = await post(cms, data, key);
      const again = await post(cms, data, key);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      // Without the key the same request is a clash: only one booking exists.
      expect((await post(cms, data)).status).toBe(409);
    });

    it('refuses the same key with a different request', async () => {
      const key = { 'Idempotency-Key': 'retry-test-0002' };
      expect((await post(cms, reservation({ start: at(dayAhead(2, 3), '10:00'), end: at(dayAhead(2, 3), '11:00') }), key)).status).toBe(201);
      const other = await post(cms, reservation({ start: at(dayAhead(2, 3), '14:00'), end: at(dayAhead(2, 3), '15:00') }), key);
      expect(errorsOf(other)).toEqual([expect.objectContaining({ path: 'Idempotency-Key' })]);
    });

    it('books once when a double click sends both at the same moment', async () => {
      const data = reservation({ start: at(dayAhead(2, 4), '10:00'), end: at(dayAhead(2, 4), '11:00') });
      const key = { 'Idempotency-Key': 'double-click-0003' };
      const [a, b] = await Promise.all([post(cms, data, key), post(cms, data, key)]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.data.reference).toBe(b.body.data.reference);
    });
  });

  describe('how the requester chose to be told (notifyBy)', () => {
    const date = dayAhead(4, 6);
    /** What the requester's link and the staff's list show of a new request's channel. */
    const shownChoice = async (overrides: Record<string, unknown>, hour: string) => {
      const made = await post(cms, reservation({ start: at(date, `${hour}:00`), end: at(date, `${hour}:30`), ...overrides }));
      expect(made.status).toBe(201);
      const mine = await manageLink(cms, 'reservations', made.body.data.manageToken).show();
      expect(mine.status).toBe(200);
      const staff = await admin.request('GET', `/booking/reservations?from=${date}&to=${date}&pageSize=100`);
      const row = staff.body.data.find((r: { reference: string }) => r.reference === made.body.data.reference);
      return { requester: mine.body.data.notifyBy, staff: row.notifyBy, phone: mine.body.data.phone };
    };

    it('is stored and shown back, to the requester and to staff', async () => {
      expect(await shownChoice({ notifyBy: 'sms', phone: '138 0013 8000', email: null }, '09')).toEqual({ requester: 'sms', staff: 'sms', phone: '138 0013 8000' });
      expect(await shownChoice({ notifyBy: 'call', phone: '010-6552 9988' }, '10')).toMatchObject({ requester: 'call', staff: 'call' });
      expect(await shownChoice({ notifyBy: 'email', phone: null }, '11')).toMatchObject({ requester: 'email', staff: 'email' });
    });

    it('defaults as before the choice existed: mail when an address was given, else a call', async () => {
      expect(await shownChoice({}, '12')).toMatchObject({ requester: 'email', staff: 'email' });
      expect(await shownChoice({ email: null }, '13')).toMatchObject({ requester: 'call', staff: 'call' });
      expect(await shownChoice({ notifyBy: null, email: '' }, '14')).toMatchObject({ requester: 'call', staff: 'call' });
    });
  });

  it('shows no one’s name, phone, e-mail or organisation in any public answer', async () => {
    const date = dayAhead(4, 4);
    const secret = { contactName: '隐私测试张三', phone: '13700001111', email: 'private.person@example.org', organization: '秘密协会' };
    expect((await post(cms, reservation({ start: at(date, '10:00'), end: at(date, '11:00'), ...secret }))).status).toBe(201);
    const answers = await Promise.all([
      cms.get(`/api/booking/rooms/test-room/availability?from=${date}&to=${date}`),
      cms.get(`/api/booking/availability?from=${date}&to=${date}`),
      cms.get('/api/booking/rooms'),
      cms.get('/api/booking/rooms/test-room'),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const text = JSON.stringify(answer.body);
      for (const value of Object.values(secret)) expect(text).not.toContain(value);
    }
    expect(JSON.stringify(answers[0].body)).toContain('"kind":"reservation"');
  });

  describe('consent to the privacy notice', () => {
    const consentOf = async (email: string) => {
      const db = await openDatabase(cms.database);
      try {
        return await db.query('SELECT consent_version, consent_by, consent_at FROM booking_reservations WHERE email = ?', [email]);
      } finally {
        await db.close();
      }
    };
    const slot = (hour: string, email: string) => reservation({ start: at(dayAhead(3, 5), `${hour}:00`), end: at(dayAhead(3, 5), `${hour}:30`), email });

    it('is required: without it the request is refused naming consentVersion, and nothing is kept', async () => {
      const { consentVersion: _left, ...unticked } = slot('09', 'no-consent@example.org');
      expect(errorsOf(await post(cms, unticked))).toEqual([expect.objectContaining({ path: 'consentVersion', message: expect.stringMatching(/privacy notice/) })]);
      expect(await consentOf('no-consent@example.org')).toEqual([]);
      expect(errorsOf(await post(cms, { ...unticked, consentVersion: '000000000000' }))).toEqual([expect.objectContaining({ path: 'consentVersion', code: 'consent_outdated' })]);
    });

    it('each reservation keeps the version it agreed to; a new text in Site settings is a new version, and the old one is refused', async () => {
      const shown = await cms.get('/api/booking/privacy-notice?locale=zh-CN');
      expect(shown.body.data).toMatchObject({ version: CONSENT.consentVersion, text: expect.stringContaining('12个月') });
      expect((await post(cms, slot('10', 'consent-zh@example.org'))).status).toBe(201);
      expect(await consentOf('consent-zh@example.org')).toEqual([expect.objectContaining({ consent_version: CONSENT.consentVersion, consent_by: 'person' })]);

      const before = (await cms.get('/api/booking/privacy-notice?locale=en')).body.data.version;
      const written = 'We keep your name and phone for this booking only, for 12 months after it. Ask the front desk to delete them.';
      const saved = await admin.request('PUT', '/content-manager/single-types/api::site-setting.site-setting?locale=en', { centreName: 'Linli Centre', privacyNotice: written });
      expect(saved.status).toBe(200);
      const after = (await cms.get('/api/booking/privacy-notice?locale=en')).body.data;
      expect(after.text).toBe(written);
      expect(after.version).not.toBe(before);
      expect(errorsOf(await post(cms, { ...slot('11', 'consent-old@example.org'), language: 'en', consentVersion: before }))).toEqual([expect.objectContaining({ path: 'consentVersion', code: 'consent_outdated' })]);
      expect((await post(cms, { ...slot('11', 'consent-en@example.org'), language: 'en', consentVersion: after.version })).status).toBe(201);
      expect(await consentOf('consent-en@example.org')).toEqual([expect.objectContaining({ consent_version: after.version })]);
      // The words agreed to stay findable by version after Site settings move on.
      const db = await openDatabase(cms.database);
      try {
        expect(await db.query('SELECT language, text FROM booking_privacy_notices WHERE version = ?', [after.version])).toEqual([{ language: 'en', text: written }]);
      } finally {
        await db.close();
      }
    });

    it('staff booking for a caller confirm the caller agreed; the reservation records it was staff', async () => {
      const { consentConfirmed: _left, ...unconfirmed } = slot('12', 'staff-consent@example.org');
      const refused = await admin.request('POST', '/booking/reservations', { data: unconfirmed });
      expect(errorsOf(refused)).toEqual([expect.objectContaining({ path: 'consentConfirmed' })]);
      expect(await consentOf('staff-consent@example.org')).toEqual([]);
      expect((await admin.request('POST', '/booking/reservations', { data: slot('12', 'staff-consent@example.org') })).status).toBe(201);
      expect(await consentOf('staff-consent@example.org')).toEqual([expect.objectContaining({ consent_version: CONSENT.consentVersion, consent_by: 'staff' })]);
    });
  });

  describe('no body anyone may send gets a 5xx', () => {
    const date = dayAhead(3, 3);
    /** A request that passes every rule, at one of many slots so that some generated bodies book. */
    const validAt = (slot: number) => {
      const day = dayAhead(1 + (slot % 7), 2 + (Math.floor(slot / 7) % 6));
      const hour = String(9 + (Math.floor(slot / 42) % 8)).padStart(2, '0');
      // The public form sends no staff confirmation: only the fields it takes are fuzzed.
      const { consentConfirmed: _staffOnly, ...body } = reservation({ room: 'fuzz-room', start: at(day, `${hour}:00`), end: at(day, `${hour}:30`), repeat: slot % 5 === 0 ? { frequency: 'weekly', until: dayAhead(7, 8) } : null });
      return body;
    };
    const tokens: string[] = [];

    beforeAll(async () => {
      await createRoom(admin, { slug: 'fuzz-room', requiresApproval: false, bufferMinutes: 0 });
      // Links that work, so some cancels reach the database: a series (cancelled a week at a time) and a single booking.
      const series = reservation({ room: 'fuzz-room', start: at(date, '18:00'), end: at(date, '19:00'), repeat: { frequency: 'weekly', until: dayAhead(3, 6) } });
      for (const data of [series, reservation({ room: 'fuzz-room', start: at(date, '19:00'), end: at(date, '20:00') })]) {
        const made = await post(cms, data);
        expect(made.status).toBe(201);
        tokens.push(made.body.data.manageToken);
      }
    });

    it('POST /reservations', async () => {
      const fields = Object.keys(validAt(0));
      const body = fc.nat(42 * 8 - 1).chain((slot) => bodyAround(validAt(slot)));
      await fc.assert(
        fc.asyncProperty(envelopeAround(body), async (sent) => expectHandled(await send(cms, publicPosts.reservations, sent), sent, fields)),
        { numRuns: RUNS }
      );
    });

    it('POST /reservations/manage/cancel, by a working link or any other', async () => {
      const token = fc.oneof(fc.constantFrom(...tokens), headerValue(awkwardText));
      const occurrence = fc.nat(3).chain((week) => bodyAround({ start: at(dayAhead(3, 3 + week), '18:00') }));
      await fc.assert(
        fc.asyncProperty(token, envelopeAround(occurrence), async (t, generated) => {
          const { path, headers, sent } = publicPosts.cancelBy('reservations', t, generated);
          expect((await send(cms, path, sent, headers)).status).toBeLessThan(500);
        }),
        { numRuns: RUNS }
      );
    });

    it.each([
      '/api/booking/rooms/%00',
      '/api/booking/rooms/fuzz-room%00/availability?from=2026-12-01&to=2026-12-01',
      '/api/booking/rooms/%ED%A0%80',
      '/api/booking/rooms/%',
      `/api/booking/rooms/fuzz-room/availability?from=${date}%00&to=${date}`,
      `/api/booking/availability?from=${date}&to=%ED%A0%80`,
      `/api/booking/availability?from=${date}&to=${date}&capacity=1e400`,
      '/api/booking/rooms?locale=zh%00',
      '/api/booking/courses/%00',
      '/api/booking/events/%C0%80',
      '/api/booking/timetable?week=2026-W99',
      '/api/booking/timetable?from=%00&to=2026-12-01',
      '/api/booking/calendar/rooms/fuzz-room%00.ics',
      '/api/booking/calendar/courses/%25.ics',
      '/api/booking/reservations/manage/%00',
      '/api/booking/enrolments/manage/%ED%A0%80',
    ])('GET %s is a 4xx', async (url) => {
      const res = await cms.get(url);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    });
  });
});
