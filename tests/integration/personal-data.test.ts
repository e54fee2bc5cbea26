import { readFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { addMonths } from 'date-fns';
import { addDays, isoWeekdayOf, zonedDateOf, type IsoDate } from '../../plugins/booking/server/src/core/time/zoned';
import { personKeyOfRow, personKeys } from '../../plugins/booking/server/src/utils/person-key';
import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { openDatabase, type RawDatabase } from '../harness/database';
import { CONSENT, at, createActivity, createRoom, dayAhead, manageLink, reservation, TZ, weekly, type Admin } from '../harness/fixtures';
import { createStaffAccount, type StaffAccount } from '../harness/front-desk';

const WEEKDAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const weekdayOf = (date: IsoDate) => WEEKDAY[isoWeekdayOf(date) - 1];

/**
 * Retention, a person's data on request, and masked phones. The CMS runs on a clock a year and
 * twenty days on (BOOKING_TEST_NOW), so with the default twelve months everything whose last date
 * is before about twenty days from today is due, and what comes later is not. A CMS of its own:
 * no other file may run on a moved clock.
 */
describe('personal data: retention, requests, masking', () => {
  const today = zonedDateOf(new Date(), TZ);
  const yesterday = addDays(today, -1);
  // Known keys, so the test can tell which person a kept person key stands for.
  const appKeys = [randomBytes(16).toString('base64'), randomBytes(16).toString('base64')];
  const keyFor = personKeys({ config: { get: () => appKeys } } as never);
  let cms: TestCms;
  let admin: Admin;
  let db: RawDatabase;
  let desk: StaffAccount;

  const WANG = { name: '王秀兰', phone: '13900000101', email: 'wang.xiulan@example.org' };
  const CHEN = { name: '陈建国', phone: '13900000102' };
  const GUARDIAN = { name: '周敏', phone: '13900000103' };
  const COLLECTOR_PHONE = '13900000199';
  const LI = { contactName: '李秀英', phone: '13800001111', email: 'li.privacy@example.org' };
  const ZHANG = { contactName: '张建华', phone: '13800002222', email: 'zhang.privacy@example.org' };

  const enrol = async (course: string, person: Record<string, unknown>) => {
    const res = await cms.request('POST', '/api/booking/enrolments', { data: { ...CONSENT, course, ...person } });
    if (res.status !== 201) throw new Error(`enrol: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data as { manageToken: string };
  };
  const sessionOn = async (slug: string, date: IsoDate) => {
    const res = await cms.get(`/api/booking/timetable?from=${date}&to=${date}`);
    const s = (res.body.data as any[]).find((x) => x.activity.slug === slug);
    if (!s) throw new Error(`no session of ${slug} on ${date}`);
    return s as { id: string };
  };
  const enrolmentRows = () => db.query('SELECT document_id, name, phone, email, note, person_key FROM booking_enrolments ORDER BY id');
  const reservationRows = () => db.query('SELECT reference, contact_name, phone, email, organization, purpose, person_key FROM booking_reservations ORDER BY id');
  /** Unique people as reports count them: the kept key, else the key of the contact. */
  const uniquePeople = async () => {
    const rows = [...(await enrolmentRows()), ...(await reservationRows())] as Array<{ phone: string | null; email: string | null; person_key: string | null }>;
    return new Set(rows.map((r) => personKeyOfRow(keyFor, { phone: r.phone, email: r.email, personKey: r.person_key }))).size;
  };
  /** The service report (统计报表) of the same days: every figure, the sentences and the sessions. */
  const serviceReport = async () => {
    const res = await admin.request('GET', `/booking/reports/service?from=${addDays(today, -60)}&to=${addDays(today, 60)}`);
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const report = async () => {
    const res = await admin.request('GET', `/booking/reports/attendance?from=${addDays(today, -60)}&to=${addDays(today, 60)}`);
    expect(res.status).toBe(200);
    return res.body.data;
  };

  beforeAll(async () => {
    const clock = addDays(zonedDateOf(addMonths(new Date(), 12), TZ), 20);
    cms = await startTestCms({ env: { APP_KEYS: appKeys.join(','), BOOKING_TEST_NOW: `${clock}T12:00:00+08:00` } });
    admin = await asAdmin(cms);
    db = await openDatabase(cms.database);
    desk = await createStaffAccount(cms, { email: 'desk.privacy@linli.test' });
    const hall = await createRoom(admin, { slug: 'privacy-hall', name: '多功能厅', capacity: 80, requiresApproval: false, maxAdvanceDays: 90 });
    const late = { enrolmentClosesAt: `${addDays(today, 40)}T00:00:00+08:00` };
    // Ends within a week: due. Starts three weeks ago, so yesterday's session can be marked.
    const old = await createActivity(admin, 'course', { slug: 'old-class', title: '旧书法班', capacity: 20, roomId: hall, ...late, schedule: weekly([weekdayOf(yesterday)], addDays(yesterday, -21), addDays(yesterday, 7), '09:00', 60) });
    expect(old.published.status).toBe(200);
    // A children's class ending as the old one: the guardian's, the child's and the collector's details are due too.
    const kids = await createActivity(admin, 'course', { slug: 'old-kids', title: '旧四点半课堂', capacity: 20, roomId: hall, forChildren: true, ...late, schedule: weekly([weekdayOf(yesterday)], addDays(yesterday, -21), addDays(yesterday, 7), '16:30', 60) });
    expect(kids.published.status).toBe(200);
    // Goes on for six weeks: not due.
    const current = await createActivity(admin, 'course', { slug: 'new-class', title: '新书法班', capacity: 20, roomId: hall, ...late, schedule: weekly([weekdayOf(yesterday)], yesterday, addDays(yesterday, 42), '14:00', 60) });
    expect(current.published.status).toBe(200);
  });
  afterAll(async () => {
    await db?.close();
    await cms?.stop();
  });

  describe('retention', () => {
    it('anonymises exactly what is due, keeps each person key, and leaves the reports the same', async () => {
      await enrol('old-class', { ...WANG, note: '孩子：三年级' });
      await enrol('old-class', CHEN);
      await enrol('old-kids', { ...GUARDIAN, guardianConsent: true, childName: '朵朵', childGrade: '2', collectors: [{ name: '外婆', phone: COLLECTOR_PHONE }] });
      await enrol('new-class', WANG);
      const roster = (await admin.request('GET', `/booking/sessions/${(await sessionOn('old-class', yesterday)).id}/enrolments`)).body.data;
      const [wang, chen] = roster.confirmed;
      const marked = await admin.request('POST', `/booking/sessions/${(await sessionOn('old-class', yesterday)).id}/attendance`, {
        data: { present: [{ enrolment: wang.enrolment }, { enrolment: chen.enrolment, people: 2 }], walkIns: 1 },
      });
      expect(marked.status).toBe(200);
      const soon = await cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'privacy-hall', start: at(dayAhead(2), '19:00'), end: at(dayAhead(2), '20:00'), ...LI }) });
      expect(soon.status).toBe(201);
      const later = await cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'privacy-hall', start: at(dayAhead(2, 6), '19:00'), end: at(dayAhead(2, 6), '20:00'), ...ZHANG }) });
      expect(later.status).toBe(201);

      // A link sent by "find my booking" (找回我的预约) is erased with the rest. It is set here by hand:
      // a lookup only sends links to what is still to come, and this CMS's clock has passed these.
      const foundHashes = { reservation: randomBytes(32).toString('hex'), enrolment: randomBytes(32).toString('hex') };
      await db.query('UPDATE booking_reservations SET found_token_hash = ? WHERE reference = ?', [foundHashes.reservation, soon.body.data.reference]);
      await db.query('UPDATE booking_enrolments SET found_token_hash = ? WHERE phone = ?', [foundHashes.enrolment, CHEN.phone]);

      const peopleBefore = await uniquePeople();
      expect(peopleBefore).toBe(5);
      const reportBefore = await report();
      const serviceBefore = await serviceReport();
      expect(serviceBefore.current.people.unique).toBeGreaterThan(0);
      expect(reportBefore.totals.personVisits).toBe(4);

      const preview = await admin.request('GET', '/booking/retention');
      expect(preview.status).toBe(200);
      expect(preview.body.data).toMatchObject({ reservations: 1, references: 1, enrolments: 3 });
      const run = await admin.request('POST', '/booking/retention/run');
      expect(run.status).toBe(200);
      expect(run.body.data).toMatchObject({ reservations: 1, references: 1, enrolments: 3 });

      const enrolments = await enrolmentRows();
      const anonymised = enrolments.filter((e) => e.name === '（已匿名）');
      expect(anonymised).toHaveLength(3);
      for (const e of anonymised) expect(e).toMatchObject({ phone: null, email: null, note: null });
      expect(anonymised.map((e) => e.person_key).sort()).toEqual([keyFor(WANG), keyFor(CHEN), keyFor(GUARDIAN)].sort());
      const child = await db.query("SELECT child_name, child_grade, collectors FROM booking_enrolments WHERE person_key = ?", [keyFor(GUARDIAN)]);
      expect(child).toEqual([{ child_name: null, child_grade: null, collectors: null }]);
      // Wang's enrolment in the class still running is kept as it was.
      expect(enrolments.filter((e) => e.name === WANG.name)).toEqual([expect.objectContaining({ phone: WANG.phone, email: WANG.email, person_key: null })]);
      const reservations = await reservationRows();
      expect(reservations.find((r) => r.reference === soon.body.data.reference)).toMatchObject({ contact_name: '（已匿名）', phone: null, email: null, organization: null, person_key: keyFor(LI) });
      expect(reservations.find((r) => r.reference === later.body.data.reference)).toMatchObject({ contact_name: ZHANG.contactName, phone: ZHANG.phone, email: ZHANG.email });
      // The messages about what was due keep that they went, not to whom or what they said.
      const messages = await db.query('SELECT about_id, recipient, name, content FROM booking_messages WHERE about_id = ?', [soon.body.data.reference]);
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) expect(m).toMatchObject({ recipient: null, name: '（已匿名）', content: 'erased' });
      const text = await db.allText();
      for (const gone of [CHEN.phone, LI.phone, LI.email, GUARDIAN.phone, COLLECTOR_PHONE, '朵朵', foundHashes.reservation, foundHashes.enrolment]) expect(text).not.toContain(gone);
      expect(text).toContain(ZHANG.phone);

      expect(await uniquePeople()).toBe(peopleBefore);
      expect(await report()).toEqual(reportBefore);
      expect(await serviceReport()).toEqual(serviceBefore);
      // Nothing is due twice.
      expect((await admin.request('POST', '/booking/retention/run')).body.data).toMatchObject({ reservations: 0, enrolments: 0 });
      // Each run by hand is in the audit trail, under the staff member who ran it.
      const runs = (await admin.request('GET', '/booking/audit?action=retention.run')).body.data.filter((e: any) => e.actor);
      expect(runs.map((e: any) => [e.actor?.email, e.details.enrolments])).toEqual([
        ['staff@linli.test', 0],
        ['staff@linli.test', 3],
      ]);
    });
  });

  describe('a person’s data on request', () => {
    const MA = { name: '马桂芳', phone: '13900000201', email: 'ma.guifang@example.org' };

    it('finds a person by phone however typed, exports it all, refuses to erase what was not seen or is still to come, then erases it', async () => {
      await enrol('new-class', { ...MA, note: '腿脚不便' });
      const booked = await cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'privacy-hall', start: at(dayAhead(3), '19:00'), end: at(dayAhead(3), '20:00'), contactName: MA.name, phone: '139-0000-0201', email: null }) });
      expect(booked.status).toBe(201);

      const found = await admin.request('GET', `/booking/personal-data?phone=${encodeURIComponent('+86 139 0000 0201')}`);
      expect(found.status).toBe(200);
      expect(found.body.data.enrolments).toEqual([expect.objectContaining({ name: MA.name, phone: MA.phone, note: '腿脚不便', activityTitle: '新书法班' })]);
      expect(found.body.data.reservations).toEqual([expect.objectContaining({ reference: booked.body.data.reference, phone: '139-0000-0201' })]);
      expect(found.body.data.messages.length).toBeGreaterThan(0);
      expect(found.body.data.upcoming).toHaveLength(2);
      const enrolmentId: string = found.body.data.enrolments[0].documentId;

      const file = await fetch(`${cms.url}/booking/personal-data?phone=13900000201&format=file`, { headers: { authorization: `Bearer ${admin.token}` } });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="personal-data-\d{4}-\d{2}-\d{2}\.json"$/);
      const exported = JSON.parse(await file.text());
      const exports = (await admin.request('GET', '/booking/audit?action=person.export')).body.data;
      expect(exports).toHaveLength(1);
      expect(JSON.stringify(exports)).not.toContain('0201');
      expect(exported.enrolments[0]).toMatchObject({ name: MA.name, email: MA.email, note: '腿脚不便' });
      expect(exported.messages[0].content).not.toBeNull();

      // Still to come: staff cancel first, so the person is told and the place freed.
      const early = await admin.request('POST', '/booking/personal-data/erase', { data: { phone: MA.phone, confirmation: found.body.data.confirmation } });
      expect(early.status).toBe(409);
      expect(early.body.error.details.code).toBe('upcoming_bookings');
      expect((await admin.request('POST', `/booking/enrolments/${enrolmentId}/cancel`)).status).toBe(200);
      expect((await manageLink(cms, 'reservations', booked.body.data.manageToken).cancel()).status).toBe(200);

      const missing = await admin.request('POST', '/booking/personal-data/erase', { data: { phone: MA.phone } });
      expect(missing.status).toBe(400);
      expect(missing.body.error.details.errors).toEqual([expect.objectContaining({ path: 'confirmation' })]);
      const nobody = await admin.request('POST', '/booking/personal-data/erase', { data: { confirmation: found.body.data.confirmation } });
      expect(nobody.status).toBe(400);
      expect(nobody.body.error.details.errors).toEqual([expect.objectContaining({ path: 'phone' })]);

      // An enrolment made after the search (by e-mail alone) is not erased unseen.
      const since = await enrol('old-class', { name: MA.name, email: MA.email });
      expect((await manageLink(cms, 'enrolments', since.manageToken).cancel()).status).toBe(200);
      const stale = await admin.request('POST', '/booking/personal-data/erase', { data: { phone: MA.phone, email: MA.email, confirmation: found.body.data.confirmation } });
      expect(stale.status).toBe(409);
      expect(stale.body.error.details.code).toBe('records_changed');
      const searched = (await admin.request('GET', `/booking/personal-data?phone=${MA.phone}&email=${MA.email}`)).body.data;
      expect(searched.enrolments).toHaveLength(2);
      expect(searched.upcoming).toEqual([]);

      const erased = await admin.request('POST', '/booking/personal-data/erase', { data: { phone: MA.phone, email: MA.email, confirmation: searched.confirmation } });
      expect(erased.status).toBe(200);
      expect(erased.body.data).toMatchObject({ reservations: 1, references: 1, enrolments: 2 });

      // One entry per erasure (the refused ones leave none), naming no phone or e-mail.
      const erasures = (await admin.request('GET', '/booking/audit?action=person.erase')).body.data;
      expect(erasures).toEqual([expect.objectContaining({ subject: { kind: 'person-request', id: expect.any(String) }, details: expect.objectContaining({ enrolments: 2 }) })]);
      expect(JSON.stringify(erasures)).not.toMatch(/0201|ma\.guifang/);
      const after = (await admin.request('GET', `/booking/personal-data?phone=${MA.phone}&email=${MA.email}`)).body.data;
      expect([after.reservations, after.enrolments, after.messages]).toEqual([[], [], []]);
      // No personal field left behind: every text the database holds, and on SQLite the file's bytes.
      const text = await db.allText();
      for (const gone of [MA.phone, '139-0000-0201', MA.email, '腿脚不便']) expect(text).not.toContain(gone);
      if (cms.database.kind === 'sqlite') {
        const file = cms.database.env.DATABASE_FILENAME;
        const bytes = Buffer.concat([readFileSync(file), ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : [])]);
        for (const gone of [MA.phone, MA.email]) expect(bytes.includes(Buffer.from(gone))).toBe(false);
      }
      // The rows stay for the counts, under the person's key.
      const rows = await db.query('SELECT person_key FROM booking_enrolments WHERE document_id = ?', [enrolmentId]);
      expect(rows).toEqual([{ person_key: keyFor(MA) }]);
    });

    it('is only for staff holding "Personal data requests"', async () => {
      expect((await desk.request('GET', `/booking/personal-data?phone=${WANG.phone}`)).status).toBe(403);
      expect((await desk.request('POST', '/booking/personal-data/erase', { data: { phone: WANG.phone, confirmation: '0123456789abcdef' } })).status).toBe(403);
      expect((await desk.request('POST', '/booking/retention/run')).status).toBe(403);
    });

    it.each([
      ['no phone and no e-mail', '', 'phone'],
      ['a phone with letters', 'phone=call-me', 'phone'],
      ['a broken e-mail', 'email=wang%40', 'email'],
      ['an unknown format', 'phone=13900000101&format=xlsx', 'format'],
    ])('refuses %s, naming the field', async (_label, query, field) => {
      const res = await admin.request('GET', `/booking/personal-data?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: field })]);
    });
  });

  describe('masked phones', () => {
    it('shows a roster’s phones masked to a role without "See full contact details", in full to one with it, in JSON and CSV', async () => {
      const session = await sessionOn('new-class', addDays(yesterday, 7));
      const masked = await desk.request('GET', `/booking/sessions/${session.id}/enrolments`);
      expect(masked.status).toBe(200);
      const wangMasked = masked.body.data.confirmed.find((p: any) => p.name === WANG.name);
      expect(wangMasked.phone).toBe('139****0101');
      const full = await admin.request('GET', `/booking/sessions/${session.id}/enrolments`);
      expect(full.body.data.confirmed.find((p: any) => p.name === WANG.name).phone).toBe(WANG.phone);
      const csv = await desk.request('GET', `/booking/sessions/${session.id}/enrolments?format=csv`);
      expect(csv.status).toBe(200);
      expect(String(csv.body)).toContain('139****0101');
      expect(String(csv.body)).not.toContain(WANG.phone);
    });
  });
});
