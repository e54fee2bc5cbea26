import { asAdmin } from '../harness/admin';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import pWaitFor from 'p-wait-for';
import { startTestCms, testDatabaseKind, type TestCms } from '../harness/cms';
import { openDatabase } from '../harness/database';
import { CONSENT, at, createActivity, createRoom, dayAhead, LONG_HOURS, mailAfter, manageLink, outbox, reservation, TZ, updateActivity, waitForMail, weekly, type ActivityFixture, type Admin } from '../harness/fixtures';
import { addDays, isoWeekdayOf, zonedDateOf, type IsoDate } from '../../plugins/booking/server/src/core/time/zoned';

const WEEKDAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const weekdayOf = (date: IsoDate) => WEEKDAY[isoWeekdayOf(date) - 1];
/** Every seventh day from `first` to `last`. */
const everyWeek = (first: IsoDate, last: IsoDate) => {
  const dates: IsoDate[] = [];
  for (let d = first; d <= last; d = addDays(d, 7)) dates.push(d);
  return dates;
};

/** A minimal RFC 4180 reader, independent of the code under test. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
};

describe('staff side of courses and events', () => {
  let cms: TestCms;
  let admin: Admin;
  const ids: Record<string, string> = {};
  const today = zonedDateOf(new Date(), TZ);
  const yesterday = addDays(today, -1);
  const from = addDays(yesterday, -63);
  const to = addDays(yesterday, 14);

  /** An admin request whose answer is read as bytes (fetch's text() would drop the byte order mark). */
  const download = async (path: string) => {
    const res = await fetch(cms.url + path, { headers: { authorization: `Bearer ${admin.token}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
  };
  const enrol = (data: Record<string, unknown>) => cms.request('POST', '/api/booking/enrolments', { data: { ...CONSENT, ...data } });
  /** Sessions of an activity between two dates, as the public timetable lists them (past ones too). */
  const sessionsOf = async (slug: string, first: IsoDate, last: IsoDate) => {
    const res = await cms.get(`/api/booking/timetable?from=${first}&to=${last}`);
    expect(res.status).toBe(200);
    return (res.body.data as any[]).filter((s) => s.activity.slug === slug);
  };
  const sessionOn = async (slug: string, date: IsoDate) => {
    const [s] = await sessionsOf(slug, date, date);
    if (!s) throw new Error(`no session of ${slug} on ${date}`);
    return s;
  };
  const category = async (slug: string, name: string) => {
    const res = await admin.request('POST', '/content-manager/collection-types/plugin::booking.category?locale=zh-CN', { slug, name });
    if (res.status !== 201) throw new Error(`category ${slug}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.documentId as string;
  };
  const withCategory = (fixture: ActivityFixture, categoryId?: string) =>
    ({ ...fixture, ...(categoryId ? { category: { connect: [{ documentId: categoryId, locale: 'zh-CN' }] } } : {}) }) as ActivityFixture;

  // Each test makes the data it reads, so any of them runs alone with -t; where an earlier test in
  // the file made the same people already, enrolling them again leaves them as they are.
  const enrolled = async (data: Record<string, unknown>) => {
    const res = await enrol(data);
    const again = res.status === 400 && res.body.error.details.errors.some((e: any) => e.code === 'already_enrolled');
    if (res.status !== 201 && !again) throw new Error(`enrol: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const CALLIGRAPHY_CLASS = [
    { name: '王秀兰', phone: '13900000001', email: 'wang@example.org', note: '孩子：三年级, 2班' },
    { name: '陈建国', phone: '13900000002', note: '=HYPERLINK("http://evil.example")' },
    { name: 'Lucy Smith', email: 'lucy@example.org', language: 'en' },
  ];
  /** Yesterday's calligraphy: Wang and Chen (with a grandchild) came, three walked in: six person-visits. */
  const calligraphyMarkedYesterday = async () => {
    for (const person of CALLIGRAPHY_CLASS) await enrolled({ course: 'calligraphy', ...person });
    const s = await sessionOn('calligraphy', yesterday);
    const [wang, chen] = (await admin.request('GET', `/booking/sessions/${s.id}/enrolments`)).body.data.confirmed;
    const marked = await admin.request('POST', `/booking/sessions/${s.id}/attendance`, { data: { present: [{ enrolment: wang.enrolment }, { enrolment: chen.enrolment, people: 2 }], walkIns: 3 } });
    expect(marked.status).toBe(200);
    return s;
  };
  /** 孙小明家长, enrolled in the homework club. */
  const homeworkChild = async (session: { id: string }) => {
    await enrolled({ course: 'homework-club', name: '孙小明家长', phone: '13900000021' });
    const roster = (await admin.request('GET', `/booking/sessions/${session.id}/enrolments`)).body.data;
    return roster.confirmed.find((p: any) => p.name === '孙小明家长');
  };

  beforeAll(async () => {
    cms = await startTestCms();
    admin = await asAdmin(cms);
    ids.hall = await createRoom(admin, { slug: 'hall', name: '多功能厅', capacity: 80, requiresApproval: false });
    ids.reading = await createRoom(admin, { slug: 'reading', name: '阅览室', capacity: 30, requiresApproval: false });
    const culture = await category('culture', '文化艺术');
    const afterSchool = await category('after-school', '四点半课堂');
    // A term already under way: weekly on yesterday's weekday, from ten weeks ago to two weeks ahead.
    const late = { enrolmentClosesAt: `${dayAhead(1, 3)}T00:00:00+08:00` };
    const calligraphy = await createActivity(
      admin,
      'course',
      withCategory({ slug: 'calligraphy', title: '书法班', capacity: 2, roomId: ids.hall, ...late, schedule: weekly([weekdayOf(yesterday)], addDays(yesterday, -70), addDays(yesterday, 14), '19:00', 90) }, culture)
    );
    expect(calligraphy.published.status).toBe(200);
    const homework = await createActivity(
      admin,
      'course',
      withCategory({ slug: 'homework-club', title: '四点半课堂', capacity: 40, roomId: ids.reading, ...late, schedule: weekly([weekdayOf(yesterday)], from, addDays(yesterday, 7), '16:30', 90) }, afterSchool)
    );
    expect(homework.published.status).toBe(200);
    const festivalDay = addDays(yesterday, -20);
    const festival = await createActivity(admin, 'event', { slug: 'festival', title: '邻里节', capacity: 200, roomId: ids.hall, schedule: weekly([weekdayOf(festivalDay)], festivalDay, festivalDay, '10:00', 240) });
    expect(festival.published.status).toBe(200);
    // Still to come: chess on Thursdays, in the hall.
    const chess = await createActivity(admin, 'course', { slug: 'chess', title: '象棋班', roomId: ids.hall, schedule: weekly(['thu'], dayAhead(4, 1), dayAhead(4, 3), '14:00', 60) });
    expect(chess.published.status).toBe(200);
    ids.chess = chess.documentId;
  });
  afterAll(async () => {
    await cms?.stop();
  });

  describe('the roster of a session', () => {
    it('lists the activity, time and room, the confirmed in order, then the waiting list, as JSON and as a printable CSV', async () => {
      const s = await sessionOn('calligraphy', yesterday);
      const answers = [];
      for (const person of CALLIGRAPHY_CLASS) answers.push(await enrol({ course: 'calligraphy', ...person }));
      expect(answers.map((r) => r.body.data.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);

      const res = await admin.request('GET', `/booking/sessions/${s.id}/enrolments`);
      expect(res.status).toBe(200);
      const roster = res.body.data;
      expect(roster.activity).toMatchObject({ kind: 'course', slug: 'calligraphy', title: '书法班' });
      expect(roster.session).toMatchObject({ id: s.id, start: at(yesterday, '19:00'), end: at(yesterday, '20:30'), status: 'scheduled', room: { slug: 'hall', name: '多功能厅' } });
      expect(roster.confirmed.map((p: any) => [p.name, p.phone, p.email, p.people, p.note, p.present])).toEqual([
        ['王秀兰', '13900000001', 'wang@example.org', 1, '孩子：三年级, 2班', false],
        ['陈建国', '13900000002', null, 1, '=HYPERLINK("http://evil.example")', false],
      ]);
      expect(roster.waitlist).toEqual([expect.objectContaining({ name: 'Lucy Smith', email: 'lucy@example.org', status: 'waitlisted', position: 1 })]);
      expect(roster.attendance).toMatchObject({ marked: false, personVisits: 0 });
      // The public never sees these details.
      expect(JSON.stringify((await cms.get('/api/booking/courses/calligraphy')).body)).not.toContain('13900000001');

      const csv = await download(`/booking/sessions/${s.id}/enrolments?format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="roster-calligraphy-${yesterday}.csv"`);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(csv.text);
      expect(rows.slice(0, 3).map((r) => r.slice(0, 2))).toEqual([
        ['活动 Activity', '书法班'],
        ['时间 Time', `${yesterday} 19:00–20:30`],
        ['地点 Room', '多功能厅'],
      ]);
      const header = rows.findIndex((r) => r[0] === '序号 No.');
      expect(rows[header]).toEqual(['序号 No.', '状态 Status', '姓名 Name', '电话 Phone', '邮箱 E-mail', '人数 People', '备注 Note', '到场 Present']);
      const people = rows.slice(header + 1);
      expect(people.map((r) => r.slice(0, 7))).toEqual([
        ['1', '正式 confirmed', '王秀兰', '13900000001', 'wang@example.org', '1', '孩子：三年级, 2班'],
        // A cell a spreadsheet would run as a formula is written as text.
        ['2', '正式 confirmed', '陈建国', '13900000002', '', '1', `'=HYPERLINK("http://evil.example")`],
        ['3', '候补 waiting 1', 'Lucy Smith', '', 'lucy@example.org', '1', ''],
      ]);
    });

    it('of a drop-in session lists that session’s enrolments only', async () => {
      await createActivity(admin, 'course', { slug: 'yoga', enrolmentMode: 'session', roomId: ids.reading, schedule: weekly(['sat'], dayAhead(6, 1), dayAhead(6, 2), '09:00', 60) });
      const [first, second] = await sessionsOf('yoga', dayAhead(6, 1), dayAhead(6, 2));
      expect((await enrol({ session: first.id, name: '刘阿姨', phone: '13900000011' })).status).toBe(201);
      expect((await enrol({ session: second.id, name: '赵大爷', phone: '13900000012' })).status).toBe(201);
      const roster = (await admin.request('GET', `/booking/sessions/${first.id}/enrolments`)).body.data;
      expect(roster.confirmed.map((p: any) => p.name)).toEqual(['刘阿姨']);
      expect(roster.waitlist).toEqual([]);
    });

    it('answers 404 for a session that does not exist', async () => {
      expect((await admin.request('GET', '/booking/sessions/abcdefghijklmnopqrstuvwx/enrolments')).status).toBe(404);
    });
  });

  describe('attendance', () => {
    it('records who came and walk-ins, replacing earlier marks', async () => {
      for (const person of CALLIGRAPHY_CLASS) await enrolled({ course: 'calligraphy', ...person });
      const s = await sessionOn('calligraphy', yesterday);
      const roster = (await admin.request('GET', `/booking/sessions/${s.id}/enrolments`)).body.data;
      const [wang, chen] = roster.confirmed;
      const first = await admin.request('POST', `/booking/sessions/${s.id}/attendance`, { data: { present: [{ enrolment: wang.enrolment }], walkIns: 1 } });
      expect(first.status).toBe(200);
      expect(first.body.data.attendance).toMatchObject({ marked: true, present: 1, walkIns: 1, personVisits: 2 });

      // Staff correct the sheet: Chen came with a grandchild, three walked in.
      const second = await admin.request('POST', `/booking/sessions/${s.id}/attendance`, { data: { present: [{ enrolment: wang.enrolment }, { enrolment: chen.enrolment, people: 2 }], walkIns: 3 } });
      expect(second.status).toBe(200);
      const after = (await admin.request('GET', `/booking/sessions/${s.id}/enrolments`)).body.data;
      expect(after.confirmed.map((p: any) => [p.name, p.present, p.presentPeople])).toEqual([
        ['王秀兰', true, 1],
        ['陈建国', true, 2],
      ]);
      expect(after.waitlist.map((p: any) => p.present)).toEqual([false]);
      expect(after.attendance).toEqual({ marked: true, present: 3, walkIns: 3, personVisits: 6 });
      const rows = parseCsv((await download(`/booking/sessions/${s.id}/enrolments?format=csv`)).text);
      expect(rows.filter((r) => ['王秀兰', '陈建国', 'Lucy Smith'].includes(r[2])).map((r) => r[7])).toEqual(['1', '2', '']);
      expect(rows.find((r) => r[0] === '合计人次 Person-visits')?.[7]).toBe('6');
    });

    it('refuses an enrolment that is not on the session’s roster, and a session still to come', async () => {
      const s = await calligraphyMarkedYesterday();
      const stranger = await homeworkChild(await sessionOn('homework-club', yesterday));
      expect(stranger.name).toBe('孙小明家长');
      const wrong = await admin.request('POST', `/booking/sessions/${s.id}/attendance`, { data: { present: [{ enrolment: stranger.enrolment }] } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.details.errors).toEqual([expect.objectContaining({ path: 'present.0.enrolment', message: expect.stringMatching(/not on this session/) })]);
      // Nothing was replaced.
      expect((await admin.request('GET', `/booking/sessions/${s.id}/enrolments`)).body.data.attendance.personVisits).toBe(6);

      const invalid = await admin.request('POST', `/booking/sessions/${s.id}/attendance`, { data: { present: [{ enrolment: 'abcdefghijklmnop', people: 0 }], walkIns: -1 } });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.details.errors.map((e: any) => e.path).sort()).toEqual(['present.0.people', 'walkIns']);

      const future = await sessionOn('calligraphy', addDays(yesterday, 7));
      const early = await admin.request('POST', `/booking/sessions/${future.id}/attendance`, { data: { present: [], walkIns: 2 } });
      expect(early.status).toBe(400);
      expect(early.body.error.details.errors).toEqual([expect.objectContaining({ path: 'session' })]);
    });
  });

  describe('a day’s sessions for the front desk', () => {
    it('lists the sessions starting that day in the centre’s zone, with room, enrolled count and whether attendance was marked', async () => {
      await calligraphyMarkedYesterday();
      await homeworkChild(await sessionOn('homework-club', yesterday));
      const res = await admin.request('GET', `/booking/sessions?date=${yesterday}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ date: yesterday, today, timezone: TZ });
      expect(res.body.data.sessions.map((s: any) => [s.activity.slug, s.activity.title, s.start, s.end, s.room?.name, s.status, s.enrolled, s.attendance])).toEqual([
        ['homework-club', '四点半课堂', at(yesterday, '16:30'), at(yesterday, '18:00'), '阅览室', 'scheduled', { enrolments: 1, people: 1 }, { marked: false, present: 0, walkIns: 0, personVisits: 0 }],
        // Lucy waits for a place: the waiting list is not counted as enrolled.
        ['calligraphy', '书法班', at(yesterday, '19:00'), at(yesterday, '20:30'), '多功能厅', 'scheduled', { enrolments: 2, people: 2 }, { marked: true, present: 3, walkIns: 3, personVisits: 6 }],
      ]);
      // Each line opens that session's roster.
      const [homework] = res.body.data.sessions;
      expect((await admin.request('GET', `/booking/sessions/${homework.id}/enrolments`)).body.data.activity.slug).toBe('homework-club');
    });

    it('is the centre’s today without a date', async () => {
      const res = await admin.request('GET', '/booking/sessions');
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ date: today, today, timezone: TZ });
      for (const s of res.body.data.sessions) expect(zonedDateOf(new Date(s.start), TZ)).toBe(today);
    });

    it('shows a session where nobody came as marked once staff saved it', async () => {
      const day = addDays(yesterday, -28);
      const s = await sessionOn('homework-club', day);
      const saved = await admin.request('POST', `/booking/sessions/${s.id}/attendance`, { data: { present: [], walkIns: 0 } });
      expect(saved.status).toBe(200);
      expect(saved.body.data.attendance).toEqual({ marked: true, present: 0, walkIns: 0, personVisits: 0 });
      const listed = (await admin.request('GET', `/booking/sessions?date=${day}`)).body.data.sessions.find((x: any) => x.id === s.id);
      expect(listed.attendance).toEqual({ marked: true, present: 0, walkIns: 0, personVisits: 0 });
    });

    it('answers 400 naming the date when it is not a day written YYYY-MM-DD', async () => {
      for (const date of ['2026-02-30', 'tomorrow', '']) {
        const res = await admin.request('GET', `/booking/sessions?date=${date}`);
        expect(res.status).toBe(400);
        expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: 'date', message: expect.stringMatching(/YYYY-MM-DD/) })]);
      }
    });
  });

  describe('the content manager', () => {
    const cm = (type: string) => `/content-manager/collection-types/plugin::booking.${type}`;
    const NAMES_WHERE = /Room requests, or the course or event/;
    /** The rows as the content manager shows them, so "unchanged" includes updatedAt. */
    const rowsOf = async (type: string, filter: string) => {
      const res = await admin.request('GET', `${cm(type)}?page=1&pageSize=100&${filter}`);
      expect(res.status).toBe(200);
      return res.body.results as Array<Record<string, unknown> & { documentId: string }>;
    };

    it('shows sessions (enrolments and attendance are hidden) but refuses to create, change or delete any of them, one by one or in bulk', async () => {
      // Its own activities, outside the attendance report's dates and clear of the other tests' sessions.
      const day = addDays(from, -3);
      const past = await createActivity(admin, 'event', { slug: 'cm-past', roomId: ids.reading, schedule: weekly([weekdayOf(day)], day, day, '10:00', 60) });
      expect(past.published.status).toBe(200);
      const session = await sessionOn('cm-past', day);
      expect((await admin.request('POST', `/booking/sessions/${session.id}/attendance`, { data: { present: [], walkIns: 2 } })).status).toBe(200);
      const future = await createActivity(admin, 'course', { slug: 'cm-future', roomId: ids.reading, schedule: weekly(['sat'], dayAhead(6, 5), dayAhead(6, 5), '10:00', 60) });
      expect(future.published.status).toBe(200);
      expect((await enrol({ course: 'cm-future', name: '吴家长', phone: '13900000041' })).status).toBe(201);

      const filters = { session: `filters[documentId][$eq]=${session.id}`, enrolment: `filters[phone][$eq]=13900000041`, attendance: `filters[sessionId][$eq]=${session.id}` };
      const before = { session: await rowsOf('session', filters.session), enrolment: await rowsOf('enrolment', filters.enrolment), attendance: await rowsOf('attendance', filters.attendance) };
      expect([before.session.length, before.enrolment.length, before.attendance.length > 0]).toEqual([1, 1, true]);
      const bodies = {
        session: { activityKind: 'course', activityId: before.session[0].activityId, startsAt: at(day, '08:00'), endsAt: at(day, '09:00') },
        enrolment: { activityKind: 'course', activityId: before.enrolment[0].activityId, name: '插队的人', phone: '13900000042', people: 1 },
        attendance: { sessionId: session.id, people: 30 },
      };
      const answers: string[] = [];
      for (const type of ['session', 'enrolment', 'attendance'] as const) {
        const { documentId } = before[type][0];
        const documentIds = before[type].map((r) => r.documentId);
        for (const [action, res] of [
          ['create', await admin.request('POST', cm(type), bodies[type])],
          ['update', await admin.request('PUT', `${cm(type)}/${documentId}`, { ...bodies[type], note: '改了' })],
          ['delete', await admin.request('DELETE', `${cm(type)}/${documentId}`)],
          ['clone', await admin.request('POST', `${cm(type)}/clone/${documentId}`, bodies[type])],
          ['bulkDelete', await admin.request('POST', `${cm(type)}/actions/bulkDelete`, { documentIds })],
        ] as const) {
          answers.push(`${type} ${action} ${res.status} ${NAMES_WHERE.test(res.body?.error?.message ?? '')}`);
        }
        // These types have no draft and publish, so the admin panel offers no publishing. Sent by hand,
        // Strapi's content manager itself fails (a 500: documents(uid).publish is not a function)
        // before the plugin's guard is reached; what matters here is that it is refused and changes nothing.
        const bulkPublish = await admin.request('POST', `${cm(type)}/actions/bulkPublish`, { documentIds });
        answers.push(`${type} bulkPublish refused ${bulkPublish.status >= 400}`);
      }
      // Sessions reach the plugin's guard, which names where to make the change; enrolments and
      // attendance, hidden from the content manager, are refused by Strapi's permissions before it.
      expect(answers).toEqual(
        ['session', 'enrolment', 'attendance'].flatMap((type) => [
          ...['create', 'update', 'delete', 'clone', 'bulkDelete'].map((action) => (type === 'session' ? `${type} ${action} 400 true` : `${type} ${action} 403 false`)),
          `${type} bulkPublish refused true`,
        ])
      );

      // Nothing changed, down to the last-modified time, and nothing was added.
      expect(await rowsOf('session', filters.session)).toEqual(before.session);
      expect(await rowsOf('enrolment', filters.enrolment)).toEqual(before.enrolment);
      expect(await rowsOf('attendance', filters.attendance)).toEqual(before.attendance);
      expect(await rowsOf('enrolment', 'filters[phone][$eq]=13900000042')).toEqual([]);
      expect(await rowsOf('session', `filters[activityId][$eq]=${before.session[0].activityId}&filters[startsAt][$eq]=${new Date(at(day, '08:00')).toISOString()}`)).toEqual([]);
      const roster = (await admin.request('GET', `/booking/sessions/${session.id}/enrolments`)).body.data;
      expect(roster.session).toMatchObject({ status: 'scheduled', start: session.start });
      expect(roster.attendance).toEqual({ marked: true, present: 0, walkIns: 2, personVisits: 2 });
      expect((await sessionsOf('cm-future', dayAhead(6, 5), dayAhead(6, 5)))[0].placesLeft).toBe(9);
    });
  });

  describe('the attendance report', () => {
    it('counts sessions held and person-visits by category, room and month, the same in JSON and CSV', async () => {
      // Marks: yesterday's calligraphy (6), homework a week ago (1 enrolled + 4 walk-ins), the festival (30 walk-ins).
      await calligraphyMarkedYesterday();
      const homework = await sessionOn('homework-club', addDays(yesterday, -7));
      const child = await homeworkChild(homework);
      expect(child.name).toBe('孙小明家长');
      expect((await admin.request('POST', `/booking/sessions/${homework.id}/attendance`, { data: { present: [{ enrolment: child.enrolment }], walkIns: 4 } })).status).toBe(200);
      const festival = await sessionOn('festival', addDays(yesterday, -20));
      expect((await admin.request('POST', `/booking/sessions/${festival.id}/attendance`, { data: { present: [], walkIns: 30 } })).status).toBe(200);
      // A session marked and then called off does not count.
      const rained = await sessionOn('calligraphy', addDays(yesterday, -14));
      expect((await admin.request('POST', `/booking/sessions/${rained.id}/attendance`, { data: { present: [], walkIns: 100 } })).status).toBe(200);
      expect((await admin.request('POST', `/booking/sessions/${rained.id}/cancel`, { data: { reason: '暴雨停课' } })).status).toBe(200);

      // Expected from the schedules alone: weekly on yesterday's weekday; the first calligraphy date is before `from`.
      const calligraphyHeld = everyWeek(from, yesterday).filter((d) => d !== addDays(yesterday, -14));
      const homeworkHeld = everyWeek(from, yesterday);
      const festivalHeld = [addDays(yesterday, -20)];
      const months = [...new Set(Array.from({ length: 78 }, (_, i) => addDays(from, i).slice(0, 7)))];
      expect(addDays(from, 77)).toBe(to);
      const marked = [
        { date: yesterday, visits: 6 },
        { date: addDays(yesterday, -7), visits: 5 },
        { date: addDays(yesterday, -20), visits: 30 },
      ];
      const byMonth = months.map((month) => ({
        month,
        sessions: [...calligraphyHeld, ...homeworkHeld, ...festivalHeld].filter((d) => d.startsWith(month)).length,
        personVisits: marked.filter((m) => m.date.startsWith(month)).reduce((n, m) => n + m.visits, 0),
      }));

      const res = await admin.request('GET', `/booking/reports/attendance?from=${from}&to=${to}`);
      expect(res.status).toBe(200);
      const report = res.body.data;
      expect(report.from).toBe(from);
      expect(report.to).toBe(to);
      expect(report.totals).toMatchObject({ sessions: 9 + 10 + 1, personVisits: 41 });
      expect(calligraphyHeld).toHaveLength(9);
      expect(report.byCategory).toEqual(
        expect.arrayContaining([
          { slug: 'culture', name: '文化艺术', sessions: 9, personVisits: 6 },
          { slug: 'after-school', name: '四点半课堂', sessions: 10, personVisits: 5 },
          { slug: null, name: null, sessions: 1, personVisits: 30 },
        ])
      );
      expect(report.byCategory).toHaveLength(3);
      expect(report.byRoom).toEqual([
        { slug: 'hall', name: '多功能厅', sessions: 10, personVisits: 36 },
        { slug: 'reading', name: '阅览室', sessions: 10, personVisits: 5 },
      ]);
      expect(report.byMonth).toEqual(byMonth);

      const csv = await download(`/booking/reports/attendance?from=${from}&to=${to}&format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="attendance-${from}-${to}.csv"`);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(csv.text);
      const section = (name: string) => rows.filter((r) => r[0] === name).map((r) => [r[1], r[2], Number(r[3]), Number(r[4])]);
      expect(section('合计 Total')).toEqual([[`${from}/${to}`, `${from} – ${to}`, report.totals.sessions, report.totals.personVisits]]);
      expect(section('类别 Category')).toEqual(report.byCategory.map((c: any) => [c.slug ?? '', c.name ?? '（未分类）uncategorised', c.sessions, c.personVisits]));
      expect(section('功能室 Room')).toEqual(report.byRoom.map((c: any) => [c.slug, c.name, c.sessions, c.personVisits]));
      expect(section('月份 Month')).toEqual(report.byMonth.map((m: any) => [m.month, m.month, m.sessions, m.personVisits]));
      expect(rows).toHaveLength(1 + 1 + 3 + 2 + months.length);

      // A narrower range: yesterday alone.
      const oneDay = (await admin.request('GET', `/booking/reports/attendance?from=${yesterday}&to=${yesterday}`)).body.data;
      expect(oneDay.totals).toMatchObject({ sessions: 2, personVisits: 6 });
    });

    it.each([
      ['no from', `to=${dayAhead(1)}`, 'from'],
      ['a date that does not exist', `from=2026-02-30&to=2026-03-01`, 'from'],
      ['to before from', `from=2026-03-10&to=2026-03-01`, 'to'],
      ['more than a year', `from=2025-01-01&to=2026-03-01`, 'to'],
      ['an unknown format', `from=2026-03-01&to=2026-03-02&format=xlsx`, 'format'],
    ])('refuses %s, naming the field', async (_label, query, path) => {
      const res = await admin.request('GET', `/booking/reports/attendance?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path })]);
    });
  });

  describe('the service report', () => {
    // A known month half a year back (M), the month before it (P), and a studio used only here.
    const monthStart = (d: IsoDate) => `${d.slice(0, 7)}-01`;
    const monthEnd = (first: IsoDate) => addDays(monthStart(addDays(first, 31)), -1);
    const M = { from: monthStart(addDays(today, -190)), to: '' };
    M.to = monthEnd(M.from);
    const P = { from: monthStart(addDays(M.from, -1)), to: addDays(M.from, -1) };
    const inM = (day: number) => `${M.from.slice(0, 8)}${String(day).padStart(2, '0')}`;
    const tuesdays = Array.from({ length: 31 }, (_, i) => addDays(M.from, i)).filter((d) => d <= M.to && weekdayOf(d) === 'tue');
    const T = tuesdays.length;
    // Bookings are made this many days ahead and then made old by as much: whole weeks keep weekday and hour.
    const SHIFT_DAYS = 7 * 40;
    const A = { name: '赵阿姨', phone: '13900000901' };
    const B = { name: '钱先生', phone: '13900000902' };
    const C = { name: 'Clara Lee', email: 'clara@example.org', language: 'en' };
    let report: any;

    beforeAll(async () => {
      ids.studio = await createRoom(admin, { slug: 'studio', name: '活动室', capacity: 40, requiresApproval: false, maxAdvanceDays: 365, minNoticeMinutes: 0, openingHours: LONG_HOURS });
      const talks = await category('talks', '知识讲座');
      const culture = (await admin.request('GET', '/content-manager/collection-types/plugin::booking.category?filters[slug][$eq]=culture&locale=zh-CN')).body.results[0].documentId;
      // The dance class met on M's Tuesdays (the second one called off); one more date far ahead keeps it open to enrol.
      const ahead = dayAhead(2, 8);
      const skipped = everyWeek(addDays(tuesdays[T - 1], 7), addDays(ahead, -7));
      const dance = await createActivity(
        admin,
        'course',
        withCategory(
          { slug: 'report-dance', title: '排舞班', audience: '成人', capacity: 30, maxPeoplePerEnrolment: 3, roomId: ids.studio, enrolmentClosesAt: `${ahead}T00:00:00+08:00`, schedule: weekly(['tue'], M.from, ahead, '19:00', 90, { exceptions: skipped }) },
          culture
        )
      );
      expect(dance.published.status).toBe(200);
      const talk = await createActivity(admin, 'event', withCategory({ slug: 'report-talk', title: '防诈骗讲座', audience: '长者', capacity: 100, roomId: ids.hall, schedule: weekly([weekdayOf(inM(15))], inM(15), inM(15), '10:00', 120) }, talks));
      expect(talk.published.status).toBe(200);
      const before = await createActivity(admin, 'event', withCategory({ slug: 'report-before', title: '健康讲座', capacity: 100, roomId: ids.hall, schedule: weekly([weekdayOf(inM(1))], addDays(M.from, -7), addDays(M.from, -7), '10:00', 60) }, talks));
      expect(before.published.status).toBe(200);

      for (const person of [A, { ...B, people: 2 }, C]) await enrolled({ course: 'report-dance', ...person });
      const db = await openDatabase(cms.database);
      const asStored = (iso: string) => (cms.database.kind === 'postgres' ? iso : Date.parse(iso));
      const back = (column: string, days: number) => (cms.database.kind === 'postgres' ? `${column} - interval '${days} days'` : `${column} - ${days * 86_400_000}`);
      try {
        // They enrolled before the term began.
        await db.query('UPDATE booking_enrolments SET created_at = ? WHERE activity_id = ?', [asStored(`${P.from}T09:00:00+08:00`), dance.documentId]);

        const session = async (slug: string, date: IsoDate) => {
          const [s] = (await cms.get(`/api/booking/timetable?from=${date}&to=${date}`)).body.data.filter((x: any) => x.activity.slug === slug);
          return s;
        };
        const roster = async (s: any) => {
          const { confirmed } = (await admin.request('GET', `/booking/sessions/${s.id}/enrolments`)).body.data;
          return Object.fromEntries(confirmed.map((p: any) => [p.name, p.enrolment]));
        };
        const mark = async (s: any, present: unknown[], walkIns: number) =>
          expect((await admin.request('POST', `/booking/sessions/${s.id}/attendance`, { data: { present, walkIns } })).status).toBe(200);
        // First Tuesday: A and B (two people) came, three walked in; C did not come.
        const first = await session('report-dance', tuesdays[0]);
        const people = await roster(first);
        await mark(first, [{ enrolment: people[A.name] }, { enrolment: people[B.name], people: 2 }], 3);
        expect((await admin.request('POST', `/booking/sessions/${(await session('report-dance', tuesdays[1])).id}/cancel`, { data: { reason: '停电' } })).status).toBe(200);
        // Third Tuesday: A came with one walk-in; B and C did not. The Tuesdays after were not marked.
        await mark(await session('report-dance', tuesdays[2]), [{ enrolment: people[A.name] }], 1);
        await mark(await session('report-talk', inM(15)), [], 20);
        await mark(await session('report-before', addDays(M.from, -7)), [], 10);

        // Studio bookings, made ahead and then made old: two by the square-dance group (A's phone once
        // in P, so A is not new in M), one by the choir, one cancelled two hours before, one three days before.
        const booked: Record<string, { reference: string; manageToken: string }> = {};
        const book = async (key: string, date: IsoDate, start: string, end: string, who: Record<string, unknown>) => {
          const future = addDays(date, SHIFT_DAYS);
          const res = await cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'studio', start: at(future, start), end: at(future, end), email: null, ...who }) });
          expect([res.status, res.body.data?.status]).toEqual([201, 'confirmed']);
          booked[key] = res.body.data;
        };
        const dancers = { organization: '广场舞协会', contactName: '孙大妈', phone: '13900000911', attendees: 12 };
        await book('p', addDays(M.from, -3), '09:00', '10:00', { ...dancers, phone: A.phone, contactName: A.name, attendees: 4 });
        await book('r1', inM(10), '14:00', '16:00', dancers);
        await book('r2', inM(17), '14:00', '17:00', { ...dancers, attendees: 8 });
        await book('r3', inM(20), '09:00', '10:00', { organization: '红歌协会', contactName: '李秀英', phone: '13900000912', attendees: 5 });
        await book('late', inM(24), '14:00', '15:00', { organization: '戏迷协会', contactName: '周先生', phone: '13900000913' });
        await book('early', inM(25), '14:00', '15:00', { organization: '戏迷协会', contactName: '周先生', phone: '13900000913' });
        for (const key of ['late', 'early']) expect((await manageLink(cms, 'reservations', booked[key].manageToken).cancel()).status).toBe(200);
        for (const { reference } of Object.values(booked)) {
          const [row] = await db.query('SELECT document_id FROM booking_reservations WHERE reference = ?', [reference]);
          await db.query(`UPDATE booking_reservations SET starts_at = ${back('starts_at', SHIFT_DAYS)}, ends_at = ${back('ends_at', SHIFT_DAYS)} WHERE reference = ?`, [reference]);
          await db.query(`UPDATE booking_holds SET starts_at = ${back('starts_at', SHIFT_DAYS)}, ends_at = ${back('ends_at', SHIFT_DAYS)}, blocked_until = ${back('blocked_until', SHIFT_DAYS)} WHERE source_id = ?`, [row.document_id]);
        }
        const hoursBefore = (hours: number) => (cms.database.kind === 'postgres' ? `starts_at - interval '${hours} hours'` : `starts_at - ${hours * 3_600_000}`);
        await db.query(`UPDATE booking_reservations SET updated_at = ${hoursBefore(2)} WHERE reference = ?`, [booked.late.reference]);
        await db.query(`UPDATE booking_reservations SET updated_at = ${hoursBefore(72)} WHERE reference = ?`, [booked.early.reference]);
      } finally {
        await db.close();
      }
      const res = await admin.request('GET', `/booking/reports/service?from=${M.from}&to=${M.to}`);
      expect(res.status).toBe(200);
      report = res.body.data;
    });

    it('names the periods it compares', () => {
      const lastYear = { from: `${Number(M.from.slice(0, 4)) - 1}${M.from.slice(4)}`, to: monthEnd(`${Number(M.from.slice(0, 4)) - 1}${M.from.slice(4)}`) };
      expect({ period: report.period, previous: report.previous, lastYear: report.lastYear }).toEqual({ period: M, previous: P, lastYear });
    });

    it('counts activities held and cancelled, by category, room, audience and month', () => {
      const a = report.current.activities;
      expect([a.held, a.cancelled]).toEqual([T - 1 + 1, 1]);
      expect(a.byCategory).toEqual([
        { slug: 'culture', name: '文化艺术', nameEn: null, held: T - 1, visits: 8 },
        { slug: 'talks', name: '知识讲座', nameEn: null, held: 1, visits: 20 },
      ]);
      expect(a.byRoom).toEqual(expect.arrayContaining([{ slug: 'studio', name: '活动室', held: T - 1, visits: 8 }, { slug: 'hall', name: '多功能厅', held: 1, visits: 20 }]));
      expect(a.byRoom).toHaveLength(2);
      expect(a.byAudience).toEqual([{ audience: '成人', held: T - 1, visits: 8 }, { audience: '长者', held: 1, visits: 20 }]);
    });

    it('counts person-visits as present plus walk-ins, and shows sessions not marked apart with their enrolments', () => {
      expect(report.current.visits).toEqual({ total: 28, present: 4, walkIns: 24, sessionsUnmarked: T - 3, enrolledInUnmarked: 4 * (T - 3), byMonth: [{ month: M.from.slice(0, 7), visits: 28, held: T }] });
    });

    it('counts room use, people, no-shows and late cancellations', () => {
      const studio = report.current.rooms.find((r: any) => r.slug === 'studio');
      const openHours = 14 * (Number(M.to.slice(8)));
      expect(studio).toEqual({ slug: 'studio', name: '活动室', hoursBooked: 6, hoursUsed: 6, hoursActivities: 1.5 * (T - 1), openHours, occupancy: Math.round(((6 + 1.5 * (T - 1)) / openHours) * 1000) / 1000, groups: 2, attendeesDeclared: 25 });
      // A and B came to the class, the dancers' and the choir's contacts booked; A was served in P already.
      expect(report.current.people).toEqual({ unique: 4, new: 3 });
      // C at the first Tuesday, B and C at the third; rooms carry no no-show mark.
      expect([report.current.noShows, report.current.noShowsCountRooms]).toEqual([3, false]);
      expect(report.current.lateCancellations).toBe(1);
      expect(report.previousFigures).toMatchObject({ activities: { held: 1 }, visits: { total: 10 }, people: { unique: 1, new: 1 } });
      expect(report.lastYearFigures).toMatchObject({ activities: { held: 0, cancelled: 0 }, visits: { total: 0 }, people: { unique: 0, new: 0 }, noShows: 0 });
    });

    it('writes the sentences for the monthly report, with the growth on the month before', () => {
      const unmarked = T - 3;
      expect(report.sentences.zh).toBe(`本月共开展活动${T}场，其中文化艺术${T - 1}场、知识讲座1场，服务居民28人次，较上月增长180%。另有${unmarked}场活动未登记签到（报名${4 * unmarked}人次，未计入）。`);
      expect(report.sentences.en).toBe(
        `This month the centre held ${T} activities, including ${T - 1} 文化艺术, 1 知识讲座, serving 28 person-visits, up 180% on last month. Attendance was not marked at ${unmarked} ${unmarked === 1 ? 'session' : 'sessions'} (${4 * unmarked} enrolled, not counted).`
      );
    });

    it('lists the sessions for the table', () => {
      expect(report.sessions.map((s: any) => [s.date, s.start, s.end, s.activity, s.status, s.enrolled, s.present, s.walkIns])).toEqual(
        [...tuesdays.map((d) => ({ d, slug: 'dance' })), { d: inM(15), slug: 'talk' }]
          .sort((x, y) => x.d.localeCompare(y.d))
          .map(({ d, slug }) =>
            slug === 'talk'
              ? [d, '10:00', '12:00', '防诈骗讲座', 'held', 0, 0, 20]
              : d === tuesdays[0]
                ? [d, '19:00', '20:30', '排舞班', 'held', 4, 3, 3]
                : d === tuesdays[1]
                  ? [d, '19:00', '20:30', '排舞班', 'cancelled', 4, null, null]
                  : d === tuesdays[2]
                    ? [d, '19:00', '20:30', '排舞班', 'held', 4, 1, 1]
                    : [d, '19:00', '20:30', '排舞班', 'held', 4, null, null]
          )
      );
    });

    it('downloads the workbook, which reads back with the same figures, and the sessions as CSV', async () => {
      const xlsx = await download(`/booking/reports/service.xlsx?from=${M.from}&to=${M.to}`);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-disposition')).toBe(`attachment; filename="service-report-${M.from}-${M.to}.xlsx"`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['概要 Summary', '活动 Sessions', '分类 Categories', '房间 Rooms', '月份 Months']);
      const rows = (name: string) => (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
      const summary = Object.fromEntries(rows('概要 Summary').map((r) => [r[0], r.slice(1)]));
      expect(summary['开展活动（场） Sessions held']).toEqual([T, 1, 0]);
      expect(summary['服务人次 Person-visits']).toEqual([28, 10, 0]);
      expect(summary['报告文字 Report text']).toEqual([report.sentences.zh]);
      expect(rows('分类 Categories').slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([['文化艺术', T - 1, 8], ['知识讲座', 1, 20]]);
      expect(rows('活动 Sessions')).toHaveLength(1 + T + 1);
      expect(rows('月份 Months').slice(1)).toEqual([[M.from.slice(0, 7), T, 28]]);
      expect(rows('房间 Rooms').find((r) => r[0] === '活动室')?.slice(1, 3)).toEqual([6, 6]);

      const csv = await download(`/booking/reports/service.csv?from=${M.from}&to=${M.to}`);
      expect(csv.status).toBe(200);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = parseCsv(csv.text);
      expect(lines[0][0]).toBe('日期 Date');
      expect(lines.slice(1).map((l) => [l[0], l[3], l[10], l[11]])).toEqual(report.sessions.map((s: any) => [s.date, s.activity, s.present === null ? '' : String(s.present), s.walkIns === null ? '' : String(s.walkIns)]));
    });

    it.each([
      ['no from', `to=${M.to}`, 'from'],
      ['a date that does not exist', 'from=2026-02-30&to=2026-03-01', 'from'],
      ['to before from', 'from=2026-03-10&to=2026-03-01', 'to'],
      ['more than three years', 'from=2022-01-01&to=2025-01-02', 'to'],
    ])('refuses %s, naming the field', async (_label, query, path) => {
      for (const route of ['service', 'service.xlsx', 'service.csv']) {
        const res = await admin.request('GET', `/booking/reports/${route}?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path })]);
      }
    });
  });

  describe('cancelling and moving a session', () => {
    let sessions: any[];
    beforeAll(async () => {
      expect((await enrol({ course: 'chess', name: '周老师', phone: '13900000031', email: 'zhou@example.org' })).status).toBe(201);
      expect((await enrol({ course: 'chess', name: 'Tom Brown', email: 'tom@example.org', language: 'en' })).status).toBe(201);
      sessions = await sessionsOf('chess', dayAhead(4, 1), dayAhead(4, 3));
      expect(sessions.map((s) => s.start)).toEqual([1, 2, 3].map((w) => at(dayAhead(4, w), '14:00')));
    });

    it('cancelling frees the room, shows the session cancelled, and mails everyone enrolled in their language', async () => {
      const thursday = dayAhead(4, 1);
      const booking = reservation({ room: 'hall', start: at(thursday, '14:00'), end: at(thursday, '15:00') });
      expect((await cms.request('POST', '/api/booking/reservations', { data: { ...CONSENT, ...booking } })).status).toBe(409);

      const res = await admin.request('POST', `/booking/sessions/${sessions[0].id}/cancel`, { data: { reason: '场地检修 maintenance' } });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ session: { id: sessions[0].id, status: 'cancelled', note: '场地检修 maintenance' }, notified: 2 });

      const course = (await cms.get('/api/booking/courses/chess')).body.data;
      expect(course.sessions.map((s: any) => [s.start, s.status])).toEqual([
        [at(thursday, '14:00'), 'cancelled'],
        [at(dayAhead(4, 2), '14:00'), 'scheduled'],
        [at(dayAhead(4, 3), '14:00'), 'scheduled'],
      ]);
      expect((await sessionOn('chess', thursday)).status).toBe('cancelled');
      expect((await cms.get(`/api/booking/rooms/hall/availability?from=${thursday}&to=${thursday}`)).body.data.days[0].busy).toEqual([]);
      expect((await cms.request('POST', '/api/booking/reservations', { data: { ...CONSENT, ...booking } })).status).toBe(201);

      const zh = await waitForMail(cms.mailDir, (m) => m.to === 'zhou@example.org' && m.subject.startsWith('停课通知'));
      expect(zh.subject).toContain('停课通知：象棋班');
      expect(zh.text).toContain('场地检修 maintenance');
      const en = await waitForMail(cms.mailDir, (m) => m.to === 'tom@example.org' && m.subject.startsWith('Cancelled'));
      expect(en.subject).toMatch(/^Cancelled: 象棋班/);
      expect(en.text).toContain('14:00–15:00');

      const again = await admin.request('POST', `/booking/sessions/${sessions[0].id}/cancel`, { data: { reason: 'twice' } });
      expect(again.status).toBe(400);
      expect((await admin.request('POST', `/booking/sessions/${sessions[0].id}/move`, { data: { start: at(dayAhead(5, 1), '10:00') } })).status).toBe(400);
      const noReason = await admin.request('POST', `/booking/sessions/${sessions[1].id}/cancel`, { data: {} });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.details.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
    });

    it('moving onto a reservation or another session is a 409 and changes nothing', async () => {
      const friday = dayAhead(5, 2);
      expect((await cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'hall', start: at(friday, '14:00'), end: at(friday, '15:00') }) })).status).toBe(201);

      const onReservation = await admin.request('POST', `/booking/sessions/${sessions[1].id}/move`, { data: { start: at(friday, '14:30') } });
      expect(onReservation.status).toBe(409);
      expect(onReservation.body.error).toMatchObject({ name: 'ConflictError', details: { conflicts: [{ start: at(friday, '14:30'), end: at(friday, '15:30') }], with: [expect.objectContaining({ kind: 'reservation' })] } });

      // Homework club holds the reading room next week at 16:30.
      const nextWeek = addDays(yesterday, 7);
      const onSession = await admin.request('POST', `/booking/sessions/${sessions[1].id}/move`, { data: { start: at(nextWeek, '16:00'), end: at(nextWeek, '17:00'), room: 'reading' } });
      expect(onSession.status).toBe(409);
      expect(onSession.body.error.details.with).toEqual([expect.objectContaining({ kind: 'course', start: at(nextWeek, '16:30') })]);

      const course = (await cms.get('/api/booking/courses/chess')).body.data;
      expect(course.sessions.find((s: any) => s.id === sessions[1].id)).toMatchObject({ start: at(dayAhead(4, 2), '14:00'), end: at(dayAhead(4, 2), '15:00'), status: 'scheduled', movedToRoom: null });
      expect((await cms.get(`/api/booking/rooms/hall/availability?from=${dayAhead(4, 2)}&to=${dayAhead(4, 2)}`)).body.data.days[0].busy).toEqual([
        { start: at(dayAhead(4, 2), '14:00'), end: at(dayAhead(4, 2), '15:00'), kind: 'course' },
      ]);
      // A later mail to both people enrolled (a room booking each) arrives after any change mail could have.
      for (const [i, email] of ['zhou@example.org', 'tom@example.org'].entries()) {
        const later = await cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'hall', start: at(friday, `1${7 + i}:00`), end: at(friday, `1${7 + i}:30`), email }) });
        expect(later.status).toBe(201);
        await waitForMail(cms.mailDir, (m) => m.to === email && m.subject.includes(later.body.data.reference));
      }
      expect(outbox(cms.mailDir).filter((m) => /调课|Changed/.test(m.subject))).toEqual([]);

      const invalid = await admin.request('POST', `/booking/sessions/${sessions[1].id}/move`, { data: { start: at(friday, '10:00'), end: at(friday, '09:00'), room: 'no-such-room' } });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.details.errors.map((e: any) => e.path).sort()).toEqual(['end', 'room']);
      expect((await admin.request('POST', `/booking/sessions/${sessions[1].id}/move`, { data: {} })).status).toBe(400);
    });

    it('moving to a free time or room takes the new place, frees the old one, tells everyone, and survives a re-publish', async () => {
      // A chess class of its own (Thursdays 15:00 in weeks 3 to 5), one date called off, so this test runs alone too.
      const go = await createActivity(admin, 'course', { slug: 'go', title: '围棋班', roomId: ids.hall, schedule: weekly(['thu'], dayAhead(4, 3), dayAhead(4, 5), '15:00', 60) });
      expect(go.published.status).toBe(200);
      for (const person of [{ name: '周老师', phone: '13900000031', email: 'zhou@example.org' }, { name: 'Tom Brown', email: 'tom@example.org', language: 'en' }]) {
        expect((await enrol({ course: 'go', ...person })).status).toBe(201);
      }
      const own = await sessionsOf('go', dayAhead(4, 3), dayAhead(4, 5));
      expect((await admin.request('POST', `/booking/sessions/${own[0].id}/cancel`, { data: { reason: '场地检修' } })).status).toBe(200);
      const thursday = dayAhead(4, 4);
      const friday = dayAhead(5, 4);
      expect((await cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'hall', start: at(friday, '14:00'), end: at(friday, '15:00') }) })).status).toBe(201);

      const moved = await admin.request('POST', `/booking/sessions/${own[1].id}/move`, { data: { start: at(friday, '10:00'), reason: '周四停电 power cut' } });
      expect(moved.status).toBe(200);
      expect(moved.body.data).toMatchObject({ session: { start: at(friday, '10:00'), end: at(friday, '11:00'), scheduled: { start: at(thursday, '15:00') } }, notified: 2 });

      const busy = async (room: string, date: IsoDate) => (await cms.get(`/api/booking/rooms/${room}/availability?from=${date}&to=${date}`)).body.data.days[0].busy;
      expect(await busy('hall', friday)).toEqual([
        { start: at(friday, '10:00'), end: at(friday, '11:00'), kind: 'course' },
        { start: at(friday, '14:00'), end: at(friday, '15:00'), kind: 'reservation' },
      ]);
      expect(await busy('hall', thursday)).toEqual([]);
      const course = (await cms.get('/api/booking/courses/go')).body.data;
      expect(course.sessions.find((s: any) => s.id === own[1].id)).toMatchObject({ start: at(friday, '10:00'), status: 'scheduled' });
      const mail = await waitForMail(cms.mailDir, (m) => m.to === 'tom@example.org' && m.subject.startsWith('Changed') && m.subject.includes('围棋班'));
      expect(mail.text).toMatch(/Was: .*15:00–16:00/);
      expect(mail.text).toMatch(/Now: .*10:00–11:00/);
      expect((await waitForMail(cms.mailDir, (m) => m.to === 'zhou@example.org' && m.subject.startsWith('调课通知') && m.subject.includes('围棋班'))).text).toContain('周四停电 power cut');

      // The last week moves to the reading room at the same time.
      const third = dayAhead(4, 5);
      const roomMove = await admin.request('POST', `/booking/sessions/${own[2].id}/move`, { data: { room: 'reading' } });
      expect(roomMove.status).toBe(200);
      expect(roomMove.body.data.session).toMatchObject({ start: at(third, '15:00'), room: { slug: 'reading' }, roomOverride: true });
      expect(await busy('reading', third)).toEqual([{ start: at(third, '15:00'), end: at(third, '16:00'), kind: 'course' }]);
      expect(await busy('hall', third)).toEqual([]);
      expect((await sessionOn('go', third)).movedToRoom).toEqual({ slug: 'reading', name: '阅览室' });

      // The editor changes the course's title and publishes again: staff's changes stay.
      expect((await updateActivity(admin, 'course', go.documentId, { title: '围棋班（初级）' })).status).toBe(200);
      const after = (await cms.get('/api/booking/courses/go')).body.data;
      expect(after.sessions.map((s: any) => [s.id, s.start, s.status])).toEqual([
        [own[0].id, at(dayAhead(4, 3), '15:00'), 'cancelled'],
        [own[1].id, at(friday, '10:00'), 'scheduled'],
        [own[2].id, at(third, '15:00'), 'scheduled'],
      ]);
      expect(await busy('reading', third)).toEqual([{ start: at(third, '15:00'), end: at(third, '16:00'), kind: 'course' }]);
      expect(await busy('hall', third)).toEqual([]);
      expect(await busy('hall', thursday)).toEqual([]);
      expect((await busy('hall', friday)).map((b: any) => b.kind)).toEqual(['course', 'reservation']);
    });

    // PostgreSQL only: the test holds a lock through its own connection to order the two requests exactly.
    (testDatabaseKind() === 'postgres' ? it : it.skip)('an enrolment that waited while staff cancelled the session is refused, not confirmed on a cancelled session', async () => {
      const { documentId } = await createActivity(admin, 'course', { slug: 'race-tai-chi', title: '太极', enrolmentMode: 'session', capacity: 5, roomId: ids.reading, schedule: weekly(['sun'], dayAhead(7, 2), dayAhead(7, 2), '07:00', 60) });
      const [session] = await sessionsOf('race-tai-chi', dayAhead(7, 2), dayAhead(7, 2));
      const db = new Client({ connectionString: cms.database.env.DATABASE_URL });
      await db.connect();
      try {
        // Hold the session's places, as a slower enrolment would: the next enrolment reads the session as scheduled and waits here.
        await db.query('BEGIN');
        const target = `course:${documentId}:${session.id}`;
        await db.query('INSERT INTO booking_capacity_locks (target) VALUES ($1) ON CONFLICT DO NOTHING', [target]);
        await db.query('SELECT target FROM booking_capacity_locks WHERE target = $1 FOR UPDATE', [target]);
        const waiting = enrol({ session: session.id, name: '吴阿姨', phone: '13900000051' });
        await pWaitFor(async () => (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n > 0);
        // Meanwhile staff call the session off, and that commits first.
        expect((await admin.request('POST', `/booking/sessions/${session.id}/cancel`, { data: { reason: '雨天 rain' } })).status).toBe(200);
        await db.query('ROLLBACK');
        const res = await waiting;
        expect(res.status).toBe(409);
        expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: 'session', code: 'session_cancelled' })]);
      } finally {
        await db.end();
      }
      const roster = (await admin.request('GET', `/booking/sessions/${session.id}/enrolments`)).body.data;
      expect(roster.session.status).toBe('cancelled');
      expect(roster.confirmed).toEqual([]);
    });
  });

  describe('the activities desk', () => {
    // Its own room, clear of the other tests' sessions: a course of two places on Wednesdays, a drop-in yoga class, an event.
    const desk: Record<string, string> = {};
    const wednesdays = [1, 2, 3].map((w) => dayAhead(3, w));
    const detail = async () => {
      const res = await admin.request('GET', `/booking/activities/course/${desk.course}`);
      expect(res.status).toBe(200);
      return res.body.data;
    };
    const names = (people: any[]) => people.map((p) => [p.name, p.position]);
    const atDesk = (data: Record<string, unknown>) => admin.request('POST', '/booking/enrolments', { data: { ...CONSENT, kind: 'course', activity: desk.course, ...data } });
    /** Enrolled once: a test run alone makes the people an earlier test would have. */
    const deskEnrolled = async (people: Array<Record<string, unknown>>) => {
      const have = (await detail()).lists[0];
      for (const person of people) {
        if ([...have.confirmed, ...have.waitlist].some((p: any) => p.name === person.name)) continue;
        const res = await atDesk(person);
        if (res.status !== 201) throw new Error(`desk enrol: ${res.status} ${JSON.stringify(res.body)}`);
      }
    };
    const PEOPLE = [
      { name: '钱奶奶', phone: '13900000051', email: 'qian@example.org' },
      { name: '孙爷爷', phone: '13900000052' },
      { name: 'Anna Lee', phone: '13900000053', email: 'anna@example.org', language: 'en' },
      { name: '李阿姨', phone: '13900000054', people: 1, note: '带孙女' },
    ];

    beforeAll(async () => {
      ids.desk = await createRoom(admin, { slug: 'desk-room', name: '党员教育室', requiresApproval: false });
      const course = await createActivity(admin, 'course', { slug: 'smartphone', title: '智能手机班', capacity: 2, roomId: ids.desk, schedule: weekly(['wed'], wednesdays[0], wednesdays[2], '09:30', 90) });
      expect(course.published.status).toBe(200);
      desk.course = course.documentId;
      const event = await createActivity(admin, 'event', { slug: 'health-talk', title: '健康讲座', capacity: 50, roomId: ids.desk, schedule: weekly(['fri'], dayAhead(5, 6), dayAhead(5, 6), '10:00', 60) });
      expect(event.published.status).toBe(200);
      desk.event = event.documentId;
      const yoga = await createActivity(admin, 'course', { slug: 'desk-yoga', title: '瑜伽', enrolmentMode: 'session', capacity: 1, roomId: ids.desk, schedule: weekly(['tue'], dayAhead(2, 2), dayAhead(2, 3), '18:00', 60) });
      expect(yoga.published.status).toBe(200);
      desk.yoga = yoga.documentId;
    });

    it('lists courses and events with a session to come first, soonest first, and finds one by a word of its title', async () => {
      const all = await admin.request('GET', '/booking/activities');
      expect(all.status).toBe(200);
      const listed = all.body.data as any[];
      const starts = listed.filter((a) => a.nextSession).map((a) => a.nextSession.start);
      expect(starts).toEqual([...starts].sort());
      // The festival is over: it comes after every activity with a session to come.
      expect(listed.findIndex((a) => a.slug === 'festival')).toBeGreaterThan(listed.findIndex((a) => a.slug === 'smartphone'));
      expect(listed.find((a) => a.slug === 'festival')).toMatchObject({ kind: 'event', nextSession: null, upcomingSessions: 0 });
      expect(listed.find((a) => a.slug === 'smartphone')).toMatchObject({
        kind: 'course',
        id: desk.course,
        title: '智能手机班',
        room: { slug: 'desk-room', name: '党员教育室' },
        capacity: 2,
        enrolmentMode: 'term',
        nextSession: { start: at(wednesdays[0], '09:30'), end: at(wednesdays[0], '11:00') },
        upcomingSessions: 3,
      });

      const found = await admin.request('GET', `/booking/activities?q=${encodeURIComponent('手机')}`);
      expect(found.body.data.map((a: any) => a.slug)).toEqual(['smartphone']);
      const events = await admin.request('GET', '/booking/activities?type=event');
      expect(new Set(events.body.data.map((a: any) => a.kind))).toEqual(new Set(['event']));
      expect(events.body.data.map((a: any) => a.slug)).toEqual(expect.arrayContaining(['health-talk', 'festival']));
      expect((await admin.request('GET', '/booking/activities?type=class')).body.error.details.errors).toEqual([expect.objectContaining({ path: 'type' })]);
    });

    it('shows an activity’s sessions from today on, places taken and left, the centre’s zone and the rooms to move to', async () => {
      const d = await detail();
      expect(d.timezone).toBe(TZ);
      expect(d.activity).toMatchObject({ id: desk.course, title: '智能手机班', capacity: 2, maxPeoplePerEnrolment: 1 });
      expect(d.sessions.map((s: any) => [s.start, s.status, s.room.slug])).toEqual(wednesdays.map((w) => [at(w, '09:30'), 'scheduled', 'desk-room']));
      expect(d.rooms).toEqual(expect.arrayContaining([{ slug: 'desk-room', name: '党员教育室' }, { slug: 'hall', name: '多功能厅' }]));
      expect(d.lists).toHaveLength(1);
      expect(d.lists[0].session).toBeNull();
      expect((await admin.request('GET', `/booking/activities/event/${desk.course}`)).status).toBe(404);
      expect((await admin.request('GET', `/booking/activities/course/not-an-id`)).body.error.details.errors).toEqual([expect.objectContaining({ path: 'documentId' })]);
    });

    it('enrols at the desk: confirmed while places last, then the waiting list in order; the usual mail when there is an e-mail', async () => {
      const answers = [];
      for (const person of PEOPLE) answers.push(await atDesk(person));
      expect(answers[0].body.data).not.toHaveProperty('manageToken');
      expect(answers.map((r) => [r.status, r.body.data.status, r.body.data.position])).toEqual([
        [201, 'confirmed', null],
        [201, 'confirmed', null],
        [201, 'waitlisted', 1],
        [201, 'waitlisted', 2],
      ]);
      const d = await detail();
      expect(names(d.lists[0].confirmed)).toEqual([['钱奶奶', null], ['孙爷爷', null]]);
      expect(names(d.lists[0].waitlist)).toEqual([['Anna Lee', 1], ['李阿姨', 2]]);
      expect(d.lists[0].waitlist[1]).toMatchObject({ phone: '13900000054', email: null, note: '带孙女' });
      expect(d.sessions.map((s: any) => [s.placesTaken, s.placesLeft, s.waiting])).toEqual(wednesdays.map(() => [2, 0, 2]));
      expect(d.activity).toMatchObject({ placesLeft: 0, waiting: 2 });

      expect((await waitForMail(cms.mailDir, (m) => m.to === 'qian@example.org')).subject).toBe('报名成功：智能手机班');
      expect((await waitForMail(cms.mailDir, (m) => m.to === 'anna@example.org')).subject).toBe('On the waiting list: 智能手机班');

      // The same phone, typed another way, is the same person.
      const twice = await atDesk({ name: '钱奶奶', phone: '+86 139-0000-0051' });
      expect(twice.status).toBe(400);
      expect(twice.body.error.details.errors).toEqual([expect.objectContaining({ path: 'phone', code: 'already_enrolled' })]);
      expect((await detail()).lists).toEqual(d.lists);
    });

    it('cancelling on someone’s behalf frees the place for the next in line, who is told', async () => {
      await deskEnrolled(PEOPLE);
      const first = (await detail()).lists[0].confirmed.find((p: any) => p.name === '钱奶奶');
      const res = await admin.request('POST', `/booking/enrolments/${first.enrolment}/cancel`);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ id: first.enrolment, status: 'cancelled', name: '钱奶奶', promotedCount: 1, promoted: [{ name: 'Anna Lee' }] });
      const d = await detail();
      expect(names(d.lists[0].confirmed)).toEqual([['孙爷爷', null], ['Anna Lee', null]]);
      expect(names(d.lists[0].waitlist)).toEqual([['李阿姨', 1]]);
      expect(d.sessions[0]).toMatchObject({ placesTaken: 2, placesLeft: 0, waiting: 1 });
      const told = await waitForMail(cms.mailDir, (m) => m.to === 'anna@example.org' && m.subject.startsWith('You have a place'));
      expect(told.subject).toBe('You have a place: 智能手机班');

      const again = await admin.request('POST', `/booking/enrolments/${first.enrolment}/cancel`);
      expect(again.status).toBe(400);
      expect(again.body.error.details.errors).toEqual([expect.objectContaining({ path: 'enrolment', code: 'already_cancelled' })]);
      expect((await admin.request('POST', '/booking/enrolments/abcdefghijklmnopqrstuvwx/cancel')).status).toBe(404);
      expect((await admin.request('POST', '/booking/enrolments/x/cancel')).body.error.details.errors).toEqual([expect.objectContaining({ path: 'id' })]);
    });

    it.each([
      ['no name', { name: '  ', phone: '13900000061' }, ['name']],
      ['no phone (an e-mail alone is not enough at the desk)', { name: '周阿姨', email: 'zhou.ayi@example.org' }, ['phone']],
      ['a phone of letters', { name: '周阿姨', phone: 'call me' }, ['phone']],
      ['a phone too short', { name: '周阿姨', phone: '139' }, ['phone']],
      ['a bad e-mail and no one', { name: '周阿姨', phone: '13900000061', email: 'zhou@', people: 0 }, ['email', 'people']],
      ['a group larger than one enrolment may bring', { name: '周阿姨', phone: '13900000061', people: 2 }, ['people']],
      ['an activity that is not there', { name: '周阿姨', phone: '13900000061', activity: 'abcdefghijklmnopqrstuvwx' }, ['activity']],
      ['no kind', { name: '周阿姨', phone: '13900000061', kind: undefined }, ['kind']],
    ])('refuses %s with a 400 naming the field, and enrols nobody', async (_label, data, paths) => {
      const before = (await detail()).lists;
      const res = await atDesk(data);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e: any) => e.path).sort()).toEqual(paths);
      expect((await detail()).lists).toEqual(before);
    });

    it('enrols in one session of a drop-in class, which has places of its own', async () => {
      const yoga = (await admin.request('GET', `/booking/activities/course/${desk.yoga}`)).body.data;
      expect(yoga.lists.map((l: any) => l.session)).toEqual(yoga.sessions.map((s: any) => s.id));
      const [first, second] = yoga.sessions;
      const data = { kind: 'course', activity: desk.yoga, name: '冯老师', phone: '13900000071' };
      const noSession = await admin.request('POST', '/booking/enrolments', { data: { ...CONSENT, ...data } });
      expect(noSession.body.error.details.errors).toEqual([expect.objectContaining({ path: 'session', code: 'session_required' })]);
      const otherCourse = await admin.request('POST', '/booking/enrolments', { data: { ...CONSENT, ...data, activity: desk.course, session: first.id } });
      expect(otherCourse.body.error.details.errors).toEqual([expect.objectContaining({ path: 'session' })]);
      expect((await admin.request('POST', '/booking/enrolments', { data: { ...CONSENT, ...data, session: first.id } })).body.data).toMatchObject({ status: 'confirmed', placesLeft: 0 });
      const after = (await admin.request('GET', `/booking/activities/course/${desk.yoga}`)).body.data;
      expect(after.sessions.map((s: any) => [s.id, s.placesTaken, s.placesLeft])).toEqual([[first.id, 1, 0], [second.id, 0, 1]]);
      expect(after.lists.map((l: any) => l.confirmed.map((p: any) => p.name))).toEqual([['冯老师'], []]);
    });
  });

  describe('withdrawing a course or event', () => {
    // Its own room, clear of the other tests' sessions.
    const saturdays = [1, 2].map((w) => dayAhead(6, w));
    const action = (kind: 'course' | 'event', id: string, what: 'publish' | 'unpublish') =>
      admin.request('POST', `/content-manager/collection-types/plugin::booking.${kind}/${id}/actions/${what}?locale=zh-CN`, {});
    const about = (title: string) => outbox(cms.mailDir).filter((m) => m.subject.includes(title));

    beforeAll(async () => {
      ids.withdraw = await createRoom(admin, { slug: 'withdraw-room', name: '妇女之家', requiresApproval: false });
    });

    it('unpublishing a course cancels the confirmed and the waiting, tells each once in their language, and a re-publish enrols nobody again', async () => {
      const course = await createActivity(admin, 'course', { slug: 'pottery', title: '陶艺班', capacity: 1, roomId: ids.withdraw, schedule: weekly(['sat'], saturdays[0], saturdays[1], '09:00', 90) });
      expect(course.published.status).toBe(200);
      const zhou = await enrol({ course: 'pottery', name: '周阿姨', phone: '13900000081', email: 'zhou.pottery@example.org' });
      const ben = await enrol({ course: 'pottery', name: 'Ben Wu', phone: '13900000082', email: 'ben.pottery@example.org', language: 'en' });
      expect([zhou.body.data.status, ben.body.data.status]).toEqual(['confirmed', 'waitlisted']);

      expect((await action('course', course.documentId, 'unpublish')).status).toBe(200);
      const zh = await waitForMail(cms.mailDir, (m) => m.to === 'zhou.pottery@example.org' && m.subject === '活动取消通知：陶艺班');
      expect(zh.text).toContain('周阿姨，您好');
      expect(zh.text).toMatch(/陶艺班（.+起）已取消/);
      expect(zh.text).toContain('您的报名也随之取消');
      const en = await waitForMail(cms.mailDir, (m) => m.to === 'ben.pottery@example.org' && m.subject === 'Withdrawn: 陶艺班');
      expect(en.text).toContain('Your place on the waiting list is cancelled');
      expect((await manageLink(cms, 'enrolments', zhou.body.data.manageToken).show()).body.data).toMatchObject({ status: 'cancelled', position: null });
      expect((await manageLink(cms, 'enrolments', ben.body.data.manageToken).show()).body.data).toMatchObject({ status: 'cancelled', position: null });

      // The desk still shows the (now draft) course: its sessions cancelled, nobody enrolled.
      const desk = await admin.request('GET', `/booking/activities/course/${course.documentId}`);
      expect(desk.status).toBe(200);
      expect(desk.body.data.sessions.map((s: any) => s.status)).toEqual(['cancelled', 'cancelled']);
      expect(desk.body.data.lists.flatMap((l: any) => [...l.confirmed, ...l.waitlist])).toEqual([]);

      // Published again: the enrolments stay cancelled, and nobody is told anything more.
      expect((await action('course', course.documentId, 'publish')).status).toBe(200);
      const again = (await admin.request('GET', `/booking/activities/course/${course.documentId}`)).body.data;
      expect(again.lists.flatMap((l: any) => [...l.confirmed, ...l.waitlist])).toEqual([]);
      expect((await manageLink(cms, 'enrolments', zhou.body.data.manageToken).show()).body.data.status).toBe('cancelled');
      const mails = await mailAfter(cms.mailDir, (m) => m.subject.includes('陶艺班'), {
        // Any later mail will do: re-publishing keeps the withdrawn sessions cancelled (as after staff cancel one), so not this course's.
        send: () => enrol({ course: 'chess', name: '冯阿姨', phone: '13900000083', email: 'feng.pottery@example.org' }),
        arrived: (m) => m.to === 'feng.pottery@example.org',
      });
      expect(mails.map((m) => [m.to, m.subject]).sort()).toEqual([
        ['ben.pottery@example.org', 'On the waiting list: 陶艺班'],
        ['ben.pottery@example.org', 'Withdrawn: 陶艺班'],
        ['zhou.pottery@example.org', '报名成功：陶艺班'],
        ['zhou.pottery@example.org', '活动取消通知：陶艺班'],
      ]);
    });

    it('deleting an event tells those enrolled; withdrawing one nobody enrolled in tells nobody', async () => {
      const quiet = await createActivity(admin, 'event', { slug: 'quiet-talk', title: '冷门讲座', roomId: ids.withdraw, schedule: weekly(['sun'], dayAhead(7, 1), dayAhead(7, 1), '10:00', 60) });
      expect(quiet.published.status).toBe(200);
      const fair = await createActivity(admin, 'event', { slug: 'book-fair', title: '图书集市', roomId: ids.withdraw, schedule: weekly(['sun'], dayAhead(7, 2), dayAhead(7, 2), '10:00', 120) });
      expect(fair.published.status).toBe(200);
      const li = await enrol({ event: 'book-fair', name: '李大爷', phone: '13900000084', email: 'li.fair@example.org' });
      expect(li.status).toBe(201);

      expect((await action('event', quiet.documentId, 'unpublish')).status).toBe(200);
      const deleted = await admin.request('DELETE', `/content-manager/collection-types/plugin::booking.event/${fair.documentId}?locale=zh-CN`);
      expect(deleted.status).toBe(200);
      // Mail goes out in the order the changes finished: once the fair's has come, the quiet talk's would have too.
      const told = await waitForMail(cms.mailDir, (m) => m.to === 'li.fair@example.org' && m.subject === '活动取消通知：图书集市');
      expect(told.text).toContain('李大爷，您好');
      expect((await manageLink(cms, 'enrolments', li.body.data.manageToken).show()).body.data.status).toBe('cancelled');
      expect(about('冷门讲座')).toEqual([]);
      expect(about('图书集市').filter((m) => m.subject.startsWith('活动取消通知'))).toHaveLength(1);
      // The deleted event is gone from the desk: a 404, not an error.
      expect((await admin.request('GET', `/booking/activities/event/${fair.documentId}`)).status).toBe(404);
    });
  });

  describe('is for staff with the "manage activities" permission', () => {
    it('answers 401 without an admin sign-in', async () => {
      const s = await calligraphyMarkedYesterday();
      const anonymous = [
        await cms.get(`/booking/sessions?date=${yesterday}`),
        await cms.get(`/booking/sessions/${s.id}/enrolments`),
        await cms.get(`/booking/sessions/${s.id}/enrolments?format=csv`),
        await cms.request('POST', `/booking/sessions/${s.id}/attendance`, { data: { present: [], walkIns: 50 } }),
        await cms.get(`/booking/reports/attendance?from=${from}&to=${to}`),
        await cms.get(`/booking/reports/service?from=${from}&to=${to}`),
        await cms.get(`/booking/reports/service.xlsx?from=${from}&to=${to}`),
        await cms.request('POST', `/booking/sessions/${s.id}/cancel`, { data: { reason: 'x' } }),
        await cms.request('POST', `/booking/sessions/${s.id}/move`, { data: { room: 'reading' } }),
        await cms.get('/booking/activities'),
        await cms.get(`/booking/activities/course/${ids.chess}`),
        await cms.request('POST', '/booking/enrolments', { data: { kind: 'course', activity: ids.chess, name: '无名', phone: '13900000099' } }),
        await cms.request('POST', '/booking/enrolments/abcdefghijklmnopqrstuvwx/cancel'),
      ];
      expect(anonymous.map((r) => r.status)).toEqual(anonymous.map(() => 401));
      expect(JSON.stringify(anonymous.map((r) => r.body))).not.toContain('王秀兰');
      expect((await admin.request('GET', `/booking/sessions/${s.id}/enrolments`)).body.data).toMatchObject({ session: { status: 'scheduled' }, attendance: { personVisits: 6 } });
    });

    it('answers 403 on every staff route to a signed-in editor whose role lacks the permission that route needs, and serves it once given', async () => {
      const RESERVATIONS = 'plugin::booking.reservations.manage';
      const ACTIVITIES = 'plugin::booking.activities.manage';
      const CLOSURES = 'plugin::booking.closures.manage';
      const REPORTS = 'plugin::booking.reports.read';
      const s = await sessionOn('calligraphy', yesterday);
      const coming = await sessionOn('chess', dayAhead(4, 3));
      // Every route of routes/admin.ts, each with a request its handler answers without changing anything.
      const ROUTES: Array<{ permission: string; method: string; path: string; body?: unknown; served: number }> = [
        { permission: RESERVATIONS, method: 'GET', path: '/booking/reservations', served: 200 },
        { permission: RESERVATIONS, method: 'POST', path: '/booking/reservations', body: { data: {} }, served: 400 },
        { permission: RESERVATIONS, method: 'POST', path: '/booking/reservations/LL-ZZZZZ/approve', served: 404 },
        { permission: RESERVATIONS, method: 'POST', path: '/booking/reservations/LL-ZZZZZ/reject', body: { data: { reason: '满了' } }, served: 404 },
        { permission: CLOSURES, method: 'GET', path: '/booking/closures', served: 200 },
        { permission: CLOSURES, method: 'POST', path: '/booking/closures/preview', body: { data: {} }, served: 400 },
        { permission: CLOSURES, method: 'POST', path: '/booking/closures', body: { data: {} }, served: 400 },
        { permission: CLOSURES, method: 'DELETE', path: '/booking/closures/zzzzzzzzzzzzzzzzzzzzzzzz', served: 404 },
        { permission: CLOSURES, method: 'GET', path: '/booking/closures/zzzzzzzzzzzzzzzzzzzzzzzz/reservations', served: 404 },
        { permission: ACTIVITIES, method: 'GET', path: `/booking/sessions?date=${yesterday}`, served: 200 },
        { permission: ACTIVITIES, method: 'GET', path: `/booking/sessions/${s.id}/enrolments`, served: 200 },
        { permission: ACTIVITIES, method: 'POST', path: `/booking/sessions/${coming.id}/attendance`, body: { data: { present: [], walkIns: 1 } }, served: 400 },
        { permission: ACTIVITIES, method: 'POST', path: `/booking/sessions/${coming.id}/cancel`, body: { data: {} }, served: 400 },
        { permission: ACTIVITIES, method: 'POST', path: `/booking/sessions/${coming.id}/move`, body: { data: {} }, served: 400 },
        { permission: ACTIVITIES, method: 'GET', path: `/booking/reports/attendance?from=${from}&to=${to}`, served: 200 },
        { permission: ACTIVITIES, method: 'GET', path: '/booking/activities', served: 200 },
        { permission: ACTIVITIES, method: 'GET', path: `/booking/activities/course/${ids.chess}`, served: 200 },
        { permission: ACTIVITIES, method: 'POST', path: '/booking/enrolments', body: { data: { kind: 'course', activity: ids.chess } }, served: 400 },
        { permission: ACTIVITIES, method: 'POST', path: '/booking/enrolments/abcdefghijklmnopqrstuvwx/cancel', served: 404 },
        { permission: REPORTS, method: 'GET', path: `/booking/reports/service?from=${from}&to=${to}`, served: 200 },
        { permission: REPORTS, method: 'GET', path: `/booking/reports/service.xlsx?from=${from}&to=${to}`, served: 200 },
        { permission: REPORTS, method: 'GET', path: `/booking/reports/service.csv?from=${from}&to=${to}`, served: 200 },
      ];

      const roles = await admin.request('GET', '/admin/roles');
      const editorRole = roles.body.data.find((r: any) => r.code === 'strapi-editor');
      const invited = await admin.request('POST', '/admin/users', { firstname: '小李', lastname: '编辑', email: 'editor@linli.test', roles: [editorRole.id] });
      expect(invited.status).toBe(201);
      const registered = await cms.request('POST', '/admin/register', { registrationToken: invited.body.data.registrationToken, userInfo: { firstname: '小李', lastname: '编辑', password: 'Editor-Test-2026' } });
      expect(registered.status).toBe(200);
      const login = await cms.request('POST', '/admin/login', { email: 'editor@linli.test', password: 'Editor-Test-2026' });
      expect(login.status).toBe(200);
      const editor = { authorization: `Bearer ${login.body.data.token ?? login.body.data.accessToken}` };
      // The editor is signed in, so a 403 below is the missing permission, not a broken sign-in.
      expect((await cms.request('GET', '/admin/users/me', undefined, editor)).status).toBe(200);

      const editorPermissions = (await admin.request('GET', `/admin/roles/${editorRole.id}/permissions`)).body.data.map(({ action, subject, properties, conditions }: any) => ({ action, subject, properties, conditions }));
      const answers = async () => {
        const statuses = [];
        for (const route of ROUTES) statuses.push(`${route.method} ${route.path} ${(await cms.request(route.method, route.path, route.body, editor)).status}`);
        return statuses;
      };
      const expected = (granted: string[]) => ROUTES.map((r) => `${r.method} ${r.path} ${granted.includes(r.permission) ? r.served : 403}`);

      for (const granted of [[], [RESERVATIONS], [ACTIVITIES], [CLOSURES], [REPORTS], [RESERVATIONS, ACTIVITIES, CLOSURES, REPORTS]]) {
        const set = await admin.request('PUT', `/admin/roles/${editorRole.id}/permissions`, {
          permissions: [...editorPermissions, ...granted.map((action) => ({ action, subject: null, properties: {}, conditions: [] }))],
        });
        expect(set.status).toBe(200);
        expect(await answers()).toEqual(expected(granted));
      }
      // Nothing the editor sent changed the sessions it touched.
      expect(await sessionOn('chess', dayAhead(4, 3))).toEqual(coming);
    });
  });
});
