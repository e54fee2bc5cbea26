import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { CONSENT, at, cantComeLink, createActivity, createRoom, dayAhead, issueCantComeCode, mailAfter, manageLink, outbox, reservation, updateActivity, waitForMail, weekly, type Admin } from '../harness/fixtures';
import { openDatabase } from '../harness/database';
import { isoWeekOf } from '../../plugins/booking/server/src/core/time/iso-week';
import { addDays, zonedDateOf } from '../../plugins/booking/server/src/core/time/zoned';
import fc from 'fast-check';
import { awkwardText, bodyAround, envelopeAround, expectHandled, headerValue, publicPosts, RUNS, send } from '../harness/public-input';
import { countingQueries, queriesOf } from '../harness/query-count';

const enrol = (cms: TestCms, data: Record<string, unknown>, headers: Record<string, string> = {}) => cms.request('POST', '/api/booking/enrolments', { data: { ...CONSENT, ...data } }, headers);
const person = (i: number, extra: Record<string, unknown> = {}) => ({ name: `家长${i}`, phone: `1390000${String(i).padStart(4, '0')}`, email: `parent${i}@example.org`, note: `孩子：三年级${i}班`, ...extra });

describe('courses, sessions and enrolment', () => {
  let cms: TestCms;
  let admin: Admin;
  let roomId: string;

  beforeAll(async () => {
    cms = await startTestCms({ env: countingQueries() });
    admin = await asAdmin(cms);
    roomId = await createRoom(admin, { slug: 'test-room', capacity: 60, requiresApproval: false });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('the course list and the timetable make as many queries for 3N courses as for N', async () => {
    const countRoom = await createRoom(admin, { slug: 'count-room', capacity: 60, requiresApproval: false });
    const saturday = dayAhead(6, 9);
    const timetable = `/api/booking/timetable?week=${isoWeekOf(saturday).label}`;
    let made = 0;
    // Each course alike: a session in the week (and one the next), someone enrolled.
    const addCourses = async (n: number) => {
      for (const end = made + n; made < end; made++) {
        const slug = `counted-${made}`;
        const start = `${String(8 + made).padStart(2, '0')}:00`;
        const { published } = await createActivity(admin, 'course', { slug, roomId: countRoom, schedule: weekly(['sat'], saturday, dayAhead(6, 10), start, 45) });
        expect(published.status).toBe(200);
        expect((await enrol(cms, { course: slug, ...person(600 + made) })).status).toBe(201);
      }
    };
    await addCourses(2);
    const n = (await cms.get('/api/booking/courses')).body.data.length;
    const before = { list: await queriesOf(cms, '/api/booking/courses'), timetable: await queriesOf(cms, timetable) };
    await addCourses(2 * n);
    expect((await cms.get('/api/booking/courses')).body.data).toHaveLength(3 * n);
    expect((await cms.get(timetable)).body.data.filter((s: any) => s.activity.slug.startsWith('counted-'))).toHaveLength(2 + 2 * n);
    expect({ list: await queriesOf(cms, '/api/booking/courses'), timetable: await queriesOf(cms, timetable) }).toEqual(before);
  });

  it('publishing a weekly course creates its sessions, which hold the room like reservations', async () => {
    const { published } = await createActivity(admin, 'course', {
      slug: 'calligraphy',
      title: '书法班',
      roomId,
      schedule: weekly(['tue'], dayAhead(1, 1), dayAhead(7, 4), '19:00', 90),
    });
    expect(published.status).toBe(200);
    const course = await cms.get('/api/booking/courses/calligraphy');
    expect(course.status).toBe(200);
    expect(course.body.data).toMatchObject({ title: '书法班', room: { slug: 'test-room' }, capacity: 10, placesLeft: 10 });
    expect(course.body.data.when).toMatch(/每周二 19:00–20:30/);
    expect(course.body.data.sessions.map((s: any) => s.start)).toEqual([1, 2, 3, 4].map((w) => at(dayAhead(2, w), '19:00')));

    const tuesday = dayAhead(2, 2);
    const day = await cms.get(`/api/booking/rooms/test-room/availability?from=${tuesday}&to=${tuesday}`);
    expect(day.body.data.days[0].busy).toEqual([{ start: at(tuesday, '19:00'), end: at(tuesday, '20:30'), kind: 'course' }]);
    // A reservation request can never take a session's room.
    const clash = await cms.request('POST', '/api/booking/reservations', { data: reservation({ start: at(tuesday, '20:00'), end: at(tuesday, '21:00') }) });
    expect(clash.status).toBe(409);
  });

  it('refuses to publish a schedule over a reservation, naming the clash', async () => {
    const thursday = dayAhead(4, 2);
    const booked = await cms.request('POST', '/api/booking/reservations', { data: reservation({ start: at(thursday, '10:00'), end: at(thursday, '11:00') }) });
    expect(booked.status).toBe(201);
    const { published } = await createActivity(admin, 'course', { slug: 'tai-chi', roomId, schedule: weekly(['thu'], dayAhead(1, 1), dayAhead(1, 3), '10:30', 60) });
    expect(published.status).toBe(400);
    expect(JSON.stringify(published.body)).toContain(`${thursday}T10:30:00+08:00`);
    expect((await cms.get('/api/booking/courses/tai-chi')).status).toBe(404);
  });

  it('30 simultaneous enrolments for 10 places give 10 confirmed and 20 on the waiting list in arrival order', async () => {
    await createActivity(admin, 'course', { slug: 'after-school', capacity: 10, roomId, schedule: weekly(['mon', 'tue', 'wed', 'thu', 'fri'], dayAhead(1, 5), dayAhead(5, 8), '16:30', 90) });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => enrol(cms, { course: 'after-school', ...person(i) })));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const confirmed = answers.filter((a) => a.body.data.status === 'confirmed');
    const waiting = answers.filter((a) => a.body.data.status === 'waitlisted');
    expect(confirmed).toHaveLength(10);
    expect(waiting).toHaveLength(20);
    expect(waiting.map((a) => a.body.data.position).sort((x: number, y: number) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Arrival order: each answer's placesLeft/position was decided in turn, so confirmed places ran out before anyone waited.
    expect(Math.min(...confirmed.map((a) => a.body.data.placesLeft))).toBe(0);
    const course = await cms.get('/api/booking/courses/after-school');
    expect(course.body.data).toMatchObject({ placesLeft: 0, waiting: 20 });

    // A cancellation promotes exactly one: the first in line, who is mailed.
    const first = waiting.find((a) => a.body.data.position === 1)!;
    const cancelled = await manageLink(cms, 'enrolments', confirmed[0].body.data.manageToken).cancel();
    expect(cancelled.status).toBe(200);
    expect((await manageLink(cms, 'enrolments', first.body.data.manageToken).show()).body.data).toMatchObject({ status: 'confirmed', position: null });
    const second = waiting.find((a) => a.body.data.position === 2)!;
    expect((await manageLink(cms, 'enrolments', second.body.data.manageToken).show()).body.data).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await cms.get('/api/booking/courses/after-school')).body.data).toMatchObject({ placesLeft: 0, waiting: 19 });
    await waitForMail(cms.mailDir, (m) => m.to === first.body.data.name.replace('家长', 'parent') + '@example.org' && m.subject.includes('候补成功'));
  });

  it('mails each enrolment its confirmation or waiting-list place with a manage link, once even when retried', async () => {
    await createActivity(admin, 'course', { slug: 'erhu', title: '二胡班', capacity: 1, roomId, schedule: weekly(['wed'], dayAhead(3, 9), dayAhead(3, 10), '08:30', 60) });
    const asked = { course: 'erhu', name: '赵丽', phone: '13500005555', email: 'zhao@example.org' };
    const first = await enrol(cms, asked);
    expect(first.body.data.status).toBe('confirmed');
    const confirmation = await waitForMail(cms.mailDir, (m) => m.to === 'zhao@example.org');
    expect(confirmation.subject).toBe('报名成功：二胡班');
    // The token is in the fragment, which no browser sends to any server.
    const link = /http:\/\/site\.test\/manage\/#enrolment=([A-Za-z0-9_-]+)/.exec(confirmation.text);
    expect(link?.[1]).toBe(first.body.data.manageToken);
    expect((await manageLink(cms, 'enrolments', link![1]).show()).body.data).toMatchObject({ status: 'confirmed', name: '赵丽' });

    const key = { 'idempotency-key': 'erhu-waiting-0001' };
    const waiting = { course: 'erhu', name: 'Tom Li', email: 'tom@example.org', language: 'en' };
    const answers = [await enrol(cms, waiting, key), await enrol(cms, waiting, key)];
    expect(answers.map((a) => a.body.data.position)).toEqual([1, 1]);
    const mail = await waitForMail(cms.mailDir, (m) => m.to === 'tom@example.org');
    expect(mail.subject).toBe('On the waiting list: 二胡班');
    expect(mail.text).toContain('you are number 1 on the waiting list');
    expect(mail.text).toContain('http://site.test/en/manage/#enrolment=');
    // A later mail to Tom (a room booking) arrives after any second enrolment mail could have.
    const later = reservation({ start: at(dayAhead(6, 8), '20:00'), end: at(dayAhead(6, 8), '21:00'), contactName: 'Tom Li', email: 'tom@example.org', language: 'en' });
    const toTom = await mailAfter(cms.mailDir, (m) => m.to === 'tom@example.org' && m.subject.includes('二胡班'), {
      send: async () => expect((await cms.request('POST', '/api/booking/reservations', { data: { ...CONSENT, ...later } })).status).toBe(201),
      arrived: (m) => m.to === 'tom@example.org' && m.subject.includes('Booking'),
    });
    expect(toTom).toHaveLength(1);
  });

  describe('the waiting list', () => {
    const cancel = (token: string) => manageLink(cms, 'enrolments', token).cancel();
    const statusOf = async (token: string) => {
      const { status, position } = (await manageLink(cms, 'enrolments', token).show()).body.data;
      return { status, position };
    };
    /** A one-date course on a Sunday evening `week` weeks ahead, alone in the room. */
    const course = async (slug: string, week: number, fields: Record<string, unknown>) => {
      const { published } = await createActivity(admin, 'course', { slug, roomId, schedule: weekly(['sun'], dayAhead(7, week), dayAhead(7, week), '20:00', 60), ...fields });
      expect(published.status).toBe(200);
    };
    const enrolled = async (data: Record<string, unknown>) => {
      const res = await enrol(cms, data);
      expect(res.status).toBe(201);
      return res.body.data as { status: string; position: number | null; manageToken: string };
    };

    it('cancelling a place on the waiting list closes up the positions behind it and promotes nobody', async () => {
      await course('wl-close-up', 10, { capacity: 2 });
      const [a, b] = [await enrolled({ course: 'wl-close-up', ...person(400) }), await enrolled({ course: 'wl-close-up', ...person(401) })];
      const waiting = [await enrolled({ course: 'wl-close-up', ...person(402) }), await enrolled({ course: 'wl-close-up', ...person(403) }), await enrolled({ course: 'wl-close-up', ...person(404) })];
      expect(waiting.map((w) => w.position)).toEqual([1, 2, 3]);

      const res = await cancel(waiting[1].manageToken);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ status: 'cancelled', position: null, promotedCount: 0 });
      expect(await Promise.all([a, b, ...waiting].map((e) => statusOf(e.manageToken)))).toEqual([
        { status: 'confirmed', position: null },
        { status: 'confirmed', position: null },
        { status: 'waitlisted', position: 1 },
        { status: 'cancelled', position: null },
        { status: 'waitlisted', position: 2 },
      ]);
      expect((await cms.get('/api/booking/courses/wl-close-up')).body.data).toMatchObject({ placesLeft: 0, waiting: 2 });
      // The next to join is behind those still waiting, not in the gap.
      expect(await enrolled({ course: 'wl-close-up', ...person(405) })).toMatchObject({ status: 'waitlisted', position: 3 });
    });

    it('a family at the front waits until its places are all free, and nobody smaller overtakes it', async () => {
      await course('wl-group', 11, { capacity: 3, maxPeoplePerEnrolment: 3 });
      const one = await enrolled({ course: 'wl-group', ...person(410) });
      const two = await enrolled({ course: 'wl-group', ...person(411, { people: 2 }) });
      const family = await enrolled({ course: 'wl-group', ...person(412, { people: 3 }) });
      const single = await enrolled({ course: 'wl-group', ...person(413) });
      expect([one.status, two.status, family.position, single.position]).toEqual(['confirmed', 'confirmed', 1, 2]);

      // One place frees up: the family of three does not fit, and the single person behind it is not moved up.
      expect((await cancel(one.manageToken)).body.data.promotedCount).toBe(0);
      expect([await statusOf(family.manageToken), await statusOf(single.manageToken)]).toEqual([
        { status: 'waitlisted', position: 1 },
        { status: 'waitlisted', position: 2 },
      ]);
      expect((await cms.get('/api/booking/courses/wl-group')).body.data).toMatchObject({ placesLeft: 1, waiting: 2 });
      // A newcomer does not take the free place either: it is held for the line.
      expect(await enrolled({ course: 'wl-group', ...person(414) })).toMatchObject({ status: 'waitlisted', position: 3 });

      // Two more free up: three in all, so the family moves up, whole; the others keep waiting, closed up.
      expect((await cancel(two.manageToken)).body.data.promotedCount).toBe(1);
      expect([await statusOf(family.manageToken), await statusOf(single.manageToken)]).toEqual([
        { status: 'confirmed', position: null },
        { status: 'waitlisted', position: 1 },
      ]);
      expect((await cms.get('/api/booking/courses/wl-group')).body.data).toMatchObject({ placesLeft: 0, waiting: 2 });
    });

    it('a drop-in activity keeps one waiting list per session, and a cancellation moves up only its own', async () => {
      const { published } = await createActivity(admin, 'course', { slug: 'wl-drop-in', capacity: 1, enrolmentMode: 'session', roomId, schedule: weekly(['fri'], dayAhead(5, 10), dayAhead(5, 11), '20:00', 60) });
      expect(published.status).toBe(200);
      const [first, second] = (await cms.get('/api/booking/courses/wl-drop-in')).body.data.sessions;
      const inFirst = await enrolled({ session: first.id, ...person(420) });
      const waitingFirst = await enrolled({ session: first.id, ...person(421) });
      const inSecond = await enrolled({ session: second.id, ...person(422) });
      const waitingSecond = await enrolled({ session: second.id, ...person(423) });
      // The same person may wait for both dates: each session counts its own.
      const waitingBoth = [await enrolled({ session: first.id, ...person(424) }), await enrolled({ session: second.id, ...person(424) })];
      expect([inFirst, waitingFirst, inSecond, waitingSecond, ...waitingBoth].map((e) => [e.status, e.position])).toEqual([
        ['confirmed', null],
        ['waitlisted', 1],
        ['confirmed', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
        ['waitlisted', 2],
      ]);

      expect((await cancel(inFirst.manageToken)).body.data.promotedCount).toBe(1);
      expect(await Promise.all([waitingFirst, waitingBoth[0], inSecond, waitingSecond, waitingBoth[1]].map((e) => statusOf(e.manageToken)))).toEqual([
        { status: 'confirmed', position: null },
        { status: 'waitlisted', position: 1 },
        { status: 'confirmed', position: null },
        { status: 'waitlisted', position: 1 },
        { status: 'waitlisted', position: 2 },
      ]);
      expect((await cms.get('/api/booking/courses/wl-drop-in')).body.data.sessions.map((s: any) => s.placesLeft)).toEqual([0, 0]);
    });

    /** An enrolment's id, as the reminder sweep knows it. */
    const enrolmentIdOf = async (email: string): Promise<string> => {
      const db = await openDatabase(cms.database);
      try {
        const [row] = await db.query('SELECT document_id FROM booking_enrolments WHERE email = ? ORDER BY id DESC', [email]);
        return String(row.document_id);
      } finally {
        await db.close();
      }
    };

    it('"I can\'t come" from a reminder cancels a drop-in enrolment, and the next on the waiting list is in and told', async () => {
      await course('cc-drop-in', 15, { capacity: 1, enrolmentMode: 'session', title: '智能手机课' });
      const [session] = (await cms.get('/api/booking/courses/cc-drop-in')).body.data.sessions;
      const inPlace = await enrolled({ session: session.id, ...person(460) });
      const waiting = await enrolled({ session: session.id, ...person(461) });
      const code = await issueCantComeCode(cms, { enrolmentId: await enrolmentIdOf('parent460@example.org'), sessionId: session.id }, session.start);
      const link = cantComeLink(cms, code);

      const described = await link.show();
      expect(described.status).toBe(200);
      expect(described.body.data).toEqual({ about: 'enrolment', effect: 'cancel-enrolment', what: '智能手机课', start: session.start, end: session.end, name: '家***', language: 'zh-CN', state: 'open' });
      expect(await statusOf(inPlace.manageToken)).toEqual({ status: 'confirmed', position: null });

      const tapped = await link.use();
      expect(tapped.status).toBe(200);
      expect(tapped.body.data).toMatchObject({ state: 'cancelled', already: false, promotedCount: 1 });
      expect(await statusOf(inPlace.manageToken)).toEqual({ status: 'cancelled', position: null });
      expect(await statusOf(waiting.manageToken)).toEqual({ status: 'confirmed', position: null });
      await waitForMail(cms.mailDir, (m) => m.to === 'parent461@example.org' && m.subject.includes('候补成功'));

      const again = await link.use();
      expect([again.status, again.body.data.state, again.body.data.already]).toEqual([200, 'cancelled', true]);
    });

    it('"I can\'t come" to one session of a term keeps the place and records the absence', async () => {
      const { published } = await createActivity(admin, 'course', { slug: 'cc-term', capacity: 3, roomId, schedule: weekly(['sun'], dayAhead(7, 16), dayAhead(7, 17), '20:00', 60) });
      expect(published.status).toBe(200);
      const [, second] = (await cms.get('/api/booking/courses/cc-term')).body.data.sessions;
      const member = await enrolled({ course: 'cc-term', ...person(470) });
      const link = cantComeLink(cms, await issueCantComeCode(cms, { enrolmentId: await enrolmentIdOf('parent470@example.org'), sessionId: second.id }, second.start));

      expect((await link.show()).body.data).toMatchObject({ effect: 'away', state: 'open', start: second.start });
      const tapped = await link.use();
      expect(tapped.status).toBe(200);
      expect(tapped.body.data).toMatchObject({ effect: 'away', state: 'away', already: false });
      expect(await statusOf(member.manageToken)).toEqual({ status: 'confirmed', position: null });
      expect((await cms.get('/api/booking/courses/cc-term')).body.data).toMatchObject({ placesLeft: 2 });
      // Staff see it on the session's roster (and not on the other session's).
      const rosterOf = async (id: string) => (await admin.request('GET', `/booking/sessions/${id}/enrolments`)).body.data.confirmed.find((p: { name: string }) => p.name === '家长470');
      expect(await rosterOf(second.id)).toMatchObject({ status: 'confirmed', away: true });
      const [first] = (await cms.get('/api/booking/courses/cc-term')).body.data.sessions;
      expect(await rosterOf(first.id)).toMatchObject({ status: 'confirmed', away: false });
      const again = await link.use();
      expect([again.status, again.body.data.state, again.body.data.already]).toEqual([200, 'away', true]);
    });

    it('cancellations at the same moment fill every freed place, each with a different person, mailed once', async () => {
      await course('wl-race', 12, { capacity: 4 });
      const confirmed = [];
      for (let i = 0; i < 4; i += 1) confirmed.push(await enrolled({ course: 'wl-race', ...person(430 + i) }));
      const waiting: Array<Awaited<ReturnType<typeof enrolled>> & { email: string }> = [];
      for (let i = 0; i < 6; i += 1) waiting.push({ ...(await enrolled({ course: 'wl-race', ...person(440 + i) })), email: `parent${440 + i}@example.org` });
      expect(waiting.map((w) => w.position)).toEqual([1, 2, 3, 4, 5, 6]);

      // Four different people cancel at once, and the first of them presses twice.
      const answers = await Promise.all([...confirmed, confirmed[0]].map((c) => cancel(c.manageToken)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 400]);
      expect(answers.filter((a) => a.status === 200).reduce((n, a) => n + a.body.data.promotedCount, 0)).toBe(4);
      expect(await Promise.all(waiting.map((w) => statusOf(w.manageToken)))).toEqual([
        ...Array.from({ length: 4 }, () => ({ status: 'confirmed', position: null })),
        { status: 'waitlisted', position: 1 },
        { status: 'waitlisted', position: 2 },
      ]);
      expect((await cms.get('/api/booking/courses/wl-race')).body.data).toMatchObject({ placesLeft: 0, waiting: 2 });

      // Every promoted person is told once; the last one's mail is the signal that all have been sent.
      for (const w of waiting.slice(0, 4)) await waitForMail(cms.mailDir, (m) => m.to === w.email && m.subject.includes('候补成功'));
      const promotedMails = outbox(cms.mailDir).filter((m) => m.subject.includes('候补成功') && waiting.some((w) => w.email === m.to));
      expect(promotedMails.map((m) => m.to).sort()).toEqual(waiting.slice(0, 4).map((w) => w.email).sort());
    });
  });

  describe('every refusal is a 400 with the reason', () => {
    beforeAll(async () => {
      await createActivity(admin, 'course', { slug: 'no-waitlist', capacity: 2, waitlistEnabled: false, maxPeoplePerEnrolment: 3, roomId, schedule: weekly(['sat'], dayAhead(1, 1), dayAhead(1, 2), '09:00', 60) });
      await createActivity(admin, 'course', { slug: 'not-open-yet', roomId, enrolmentOpensAt: `${dayAhead(1, 1)}T00:00:00+08:00`, schedule: weekly(['sat'], dayAhead(1, 3), dayAhead(1, 4), '11:00', 60) });
      await createActivity(admin, 'course', { slug: 'closed', roomId, enrolmentClosesAt: `${dayAhead(1, -1)}T00:00:00+08:00`, schedule: weekly(['sun'], dayAhead(1, 1), dayAhead(1, 2), '09:00', 60) });
    });

    it.each([
      ['full with no waiting list', { course: 'no-waitlist', ...person(100, { people: 3 }) }, 'people'],
      ['not open yet', { course: 'not-open-yet', ...person(101) }, 'course'],
      ['closed', { course: 'closed', ...person(102) }, 'course'],
      ['more people than one enrolment may take', { course: 'no-waitlist', ...person(103, { people: 4 }) }, 'people'],
      ['an unknown course', { course: 'no-such-course', ...person(104) }, 'course'],
      ['no contact', { course: 'no-waitlist', name: '无名', phone: null, email: null }, 'phone'],
      ['no target', { ...person(105) }, 'course'],
    ])('%s', async (_label, data, path) => {
      const res = await enrol(cms, data);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    });

    it('a duplicate enrolment of the same phone or e-mail', async () => {
      expect((await enrol(cms, { course: 'no-waitlist', ...person(106) })).status).toBe(201);
      const again = await enrol(cms, { course: 'no-waitlist', ...person(106, { email: 'another@example.org' }) });
      expect(again.status).toBe(400);
      expect(again.body.error.details.errors).toEqual([expect.objectContaining({ path: 'phone', message: expect.stringMatching(/already enrolled/) })]);
    });

    it('full with no waiting list', async () => {
      // A course of its own, filled here, so the test runs alone too.
      await createActivity(admin, 'course', { slug: 'two-places', capacity: 2, waitlistEnabled: false, roomId, schedule: weekly(['sun'], dayAhead(1, 3), dayAhead(1, 4), '09:00', 60) });
      for (const i of [107, 109]) expect((await enrol(cms, { course: 'two-places', ...person(i) })).status).toBe(201);
      const full = await enrol(cms, { course: 'two-places', ...person(108) });
      expect(full.status).toBe(400);
      expect(full.body.error.details.errors).toEqual([expect.objectContaining({ path: 'course', message: expect.stringMatching(/full|no waiting list/) })]);
    });
  });

  describe('children’s activities: a guardian enrols a child', () => {
    const guardian = (i: number, extra: Record<string, unknown> = {}) => ({
      course: 'four-thirty',
      name: `监护人${i}`,
      phone: `1370000${String(i).padStart(4, '0')}`,
      guardianConsent: true,
      childName: `小明${i}`,
      childGrade: '3',
      collectors: [{ name: '外婆', phone: '13600001111' }],
      ...extra,
    });
    const stored = async (phone: string) => {
      const db = await openDatabase(cms.database);
      try {
        return await db.query('SELECT child_name, child_grade, collectors, guardian_consent, consent_version, consent_by FROM booking_enrolments WHERE phone = ? ORDER BY id', [phone]);
      } finally {
        await db.close();
      }
    };

    beforeAll(async () => {
      await createActivity(admin, 'course', { slug: 'four-thirty', title: '四点半课堂', forChildren: true, capacity: 20, roomId, schedule: weekly(['mon'], dayAhead(1, 9), dayAhead(1, 10), '16:30', 90) });
    });

    it('takes the guardian’s consent, the child’s given name and grade, and the people allowed to collect them; none of it is public', async () => {
      const made = await enrol(cms, guardian(1, { collectors: [{ name: '外婆', phone: '13600001111' }, { name: '舅舅', phone: '13600002222' }] }));
      expect([made.status, made.body.error]).toEqual([201, undefined]);
      expect(JSON.stringify(made.body)).not.toMatch(/小明1|外婆|舅舅/);
      const [row] = await stored('13700000001');
      expect(row).toMatchObject({ child_name: '小明1', child_grade: '3', consent_version: CONSENT.consentVersion, consent_by: 'person' });
      expect(Boolean(row.guardian_consent)).toBe(true);
      expect(typeof row.collectors === 'string' ? JSON.parse(row.collectors) : row.collectors).toEqual([{ name: '外婆', phone: '13600001111' }, { name: '舅舅', phone: '13600002222' }]);

      const course = await cms.get('/api/booking/courses/four-thirty');
      expect(course.body.data.forChildren).toBe(true);
      expect(JSON.stringify(course.body)).not.toMatch(/小明1|外婆|监护人1/);

      // Staff see the child and who may collect them on the session's roster.
      const roster = await admin.request('GET', `/booking/sessions/${course.body.data.sessions[0].id}/enrolments`);
      expect(roster.status).toBe(200);
      expect(roster.body.data.confirmed).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: '监护人1', child: { givenName: '小明1', grade: '3', collectors: [{ name: '外婆', phone: '13600001111' }, { name: '舅舅', phone: '13600002222' }] } })])
      );
    });

    it('refuses a children’s enrolment without the guardian’s consent, the child’s name or grade, naming each field', async () => {
      const res = await enrol(cms, guardian(2, { guardianConsent: false, childName: null, childGrade: null }));
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e: { path: string }) => e.path).sort()).toEqual(['childGrade', 'childName', 'guardianConsent']);
      const noPhone = await enrol(cms, guardian(3, { phone: null, email: 'guardian3@example.org' }));
      expect(noPhone.body.error.details.errors).toEqual([expect.objectContaining({ path: 'phone', code: 'guardian_phone_required' })]);
      const three = await enrol(cms, guardian(4, { collectors: [1, 2, 3].map((n) => ({ name: `接送${n}`, phone: '13600003333' })) }));
      expect(three.body.error.details.errors).toEqual([expect.objectContaining({ path: 'collectors' })]);
      const twins = await enrol(cms, guardian(5, { people: 2 }));
      expect(twins.body.error.details.errors).toEqual([expect.objectContaining({ path: 'people', code: 'one_child_each' })]);
      for (const i of [2, 3, 4, 5]) expect(await stored(`1370000000${i}`)).toEqual([]);
    });

    it('a guardian enrols two children; the same child twice is refused', async () => {
      expect((await enrol(cms, guardian(6))).status).toBe(201);
      expect((await enrol(cms, guardian(6, { childName: '小红6', childGrade: 'preschool' }))).status).toBe(201);
      const again = await enrol(cms, guardian(6));
      expect(again.status).toBe(400);
      expect(again.body.error.details.errors).toEqual([expect.objectContaining({ path: 'phone', code: 'already_enrolled' })]);
      expect((await stored('13700000006')).map((r) => String(r.child_name))).toEqual(['小明6', '小红6']);
    });

    it('an activity not for children keeps no child’s details', async () => {
      const res = await enrol(cms, { course: 'calligraphy', ...person(7), childName: '小明7', childGrade: '2' });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'childName', code: 'not_for_children' })]));
    });

    it('staff enrolling at the desk confirm the guardian agreed; the enrolment records it was staff', async () => {
      const courseId = (await cms.get('/api/booking/courses/four-thirty')).body.data.id;
      const { course: _slug, ...child } = guardian(8);
      const unconfirmed = await admin.request('POST', '/booking/enrolments', { data: { kind: 'course', activity: courseId, ...child } });
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.body.error.details.errors).toEqual([expect.objectContaining({ path: 'consentConfirmed' })]);
      const made = await admin.request('POST', '/booking/enrolments', { data: { kind: 'course', activity: courseId, ...child, consentConfirmed: true } });
      expect([made.status, made.body.error]).toEqual([201, undefined]);
      expect(await stored('13700000008')).toEqual([expect.objectContaining({ child_name: '小明8', consent_by: 'staff', consent_version: CONSENT.consentVersion })]);
    });
  });

  describe('how the person chose to be told (notifyBy)', () => {
    let courseId: string;
    /** Everyone on the course's lists, as the front desk sees them. */
    const desk = async () => {
      const res = await admin.request('GET', `/booking/activities/course/${courseId}`);
      expect(res.status).toBe(200);
      return [...res.body.data.lists[0].confirmed, ...res.body.data.lists[0].waitlist] as Array<{ name: string; notifyBy: string }>;
    };
    const choiceOf = async (data: Record<string, unknown>) => {
      const res = await enrol(cms, { course: 'tell-me', ...data });
      expect(res.status).toBe(201);
      const shown = await manageLink(cms, 'enrolments', res.body.data.manageToken).show();
      const atDesk = (await desk()).find((p) => p.name === data.name);
      return { answer: res.body.data.notifyBy, link: shown.body.data.notifyBy, desk: atDesk?.notifyBy };
    };

    beforeAll(async () => {
      ({ documentId: courseId } = await createActivity(admin, 'course', { slug: 'tell-me', capacity: 30, roomId, schedule: weekly(['sat'], dayAhead(6, 11), dayAhead(6, 12), '15:00', 60) }));
    });

    it('is stored and shown back: in the answer, on the manage link and at the desk', async () => {
      expect(await choiceOf(person(500, { notifyBy: 'sms', phone: '+86 139-0000-0500', email: null }))).toEqual({ answer: 'sms', link: 'sms', desk: 'sms' });
      expect(await choiceOf(person(501, { notifyBy: 'call' }))).toEqual({ answer: 'call', link: 'call', desk: 'call' });
      expect(await choiceOf(person(502, { notifyBy: 'email', phone: null }))).toEqual({ answer: 'email', link: 'email', desk: 'email' });
    });

    it('defaults as before the choice existed: mail when an address was given, else a call', async () => {
      expect(await choiceOf(person(503))).toEqual({ answer: 'email', link: 'email', desk: 'email' });
      expect(await choiceOf(person(504, { email: null }))).toEqual({ answer: 'call', link: 'call', desk: 'call' });
    });

    it.each([
      ['mail chosen without an e-mail address', { notifyBy: 'email', email: null }, /give an e-mail address/],
      ['text messages chosen without a phone number', { notifyBy: 'sms', phone: null }, /give a mobile number/],
      ['text messages chosen with a fixed-line number', { notifyBy: 'sms', phone: '021 6123 4567' }, /not a mobile number/],
      ['a call chosen without a phone number', { notifyBy: 'call', phone: null }, /give a phone number/],
      ['a channel other than email, sms or call', { notifyBy: 'letter' }, /email, sms or call/],
    ])('refuses %s with a 400 naming notifyBy, and enrols nobody', async (_label, extra, message) => {
      const before = await desk();
      const res = await enrol(cms, { course: 'tell-me', ...person(510, extra) });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: 'notifyBy', message: expect.stringMatching(message) })]);
      expect(await desk()).toEqual(before);
    });

    it('staff enrolling a caller at the desk may record the choice, under the same rule', async () => {
      const atDesk = (data: Record<string, unknown>) => admin.request('POST', '/booking/enrolments', { data: { ...CONSENT, kind: 'course', activity: courseId, ...data } });
      const refused = await atDesk({ name: '孙大爷', phone: '010-6552 9988', notifyBy: 'sms' });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.errors).toEqual([expect.objectContaining({ path: 'notifyBy' })]);
      const made = await atDesk({ name: '孙大爷', phone: '010-6552 9988', notifyBy: 'call' });
      expect(made.status).toBe(201);
      expect(made.body.data.notifyBy).toBe('call');
      expect((await desk()).find((p) => p.name === '孙大爷')?.notifyBy).toBe('call');
    });
  });

  it('counts an enrolment retried with the same Idempotency-Key once', async () => {
    await createActivity(admin, 'course', { slug: 'paper-cutting', capacity: 5, roomId, schedule: weekly(['sat'], dayAhead(1, 6), dayAhead(7, 7), '14:00', 60) });
    const data = { course: 'paper-cutting', ...person(300) };
    const key = { 'Idempotency-Key': 'enrol-retry-0001' };
    const [first, again] = [await enrol(cms, data, key), await enrol(cms, data, key)];
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await cms.get('/api/booking/courses/paper-cutting')).body.data.placesLeft).toBe(4);
    const otherBody = await enrol(cms, { course: 'paper-cutting', ...person(301) }, key);
    expect(otherBody.status).toBe(400);
    expect(otherBody.body.error.details.errors).toEqual([expect.objectContaining({ path: 'Idempotency-Key' })]);
  });

  it('changing the schedule keeps the enrolments of sessions that still exist', async () => {
    const { documentId } = await createActivity(admin, 'course', {
      slug: 'drop-in-yoga',
      enrolmentMode: 'session',
      roomId,
      schedule: weekly(['wed'], dayAhead(1, 1), dayAhead(7, 3), '09:00', 60),
    });
    const before = (await cms.get('/api/booking/courses/drop-in-yoga')).body.data.sessions;
    expect(before).toHaveLength(3);
    const enrolled = await enrol(cms, { session: before[1].id, ...person(200) });
    expect(enrolled.status).toBe(201);
    // The editor skips week 1 and adds two more weeks.
    const republished = await updateActivity(admin, 'course', documentId, { schedule: weekly(['wed'], dayAhead(1, 1), dayAhead(7, 5), '09:00', 60, { exceptions: [dayAhead(3, 1)] }) });
    expect(republished.status).toBe(200);
    const after = (await cms.get('/api/booking/courses/drop-in-yoga')).body.data.sessions;
    expect(after.map((s: any) => s.start)).toEqual([2, 3, 4, 5].map((w) => at(dayAhead(3, w), '09:00')));
    expect(after[0].id).toBe(before[1].id);
    expect(after[0].placesLeft).toBe(9);
    expect((await manageLink(cms, 'enrolments', enrolled.body.data.manageToken).show()).body.data).toMatchObject({ status: 'confirmed', session: { id: before[1].id } });
  });

  it('an enrolment’s link stops opening it 30 days (manageLinkDays) after its activity’s last session', async () => {
    const today = zonedDateOf(new Date(), 'Asia/Shanghai');
    const oldRoom = await createRoom(admin, { slug: 'old-term-room', requiresApproval: false });
    // Weekly, on today's weekday: 42 and 35 days ago, then (the weeks between skipped) a week ahead.
    const skipped = [-28, -21, -14, -7, 0].map((d) => addDays(today, d));
    const term = (lastDay: number) => weekly([['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date(`${today}T12:00:00Z`).getUTCDay()]], addDays(today, -42), addDays(today, lastDay), '08:00', 60, { exceptions: skipped.filter((d) => d <= addDays(today, lastDay)) });
    // Late joiners welcome: enrolment stays open after the first session.
    const { documentId, published } = await createActivity(admin, 'course', { slug: 'old-term', roomId: oldRoom, schedule: term(7), enrolmentClosesAt: at(addDays(today, 5), '12:00') });
    expect(published.status).toBe(200);
    const enrolled = await enrol(cms, { course: 'old-term', ...person(500) });
    expect(enrolled.status).toBe(201);
    const link = manageLink(cms, 'enrolments', enrolled.body.data.manageToken);
    expect((await link.show()).body.data).toMatchObject({ status: 'confirmed' });

    // The editor ends the term 31 days ago: its last session, 35 days ago, is past the link's 30 days.
    expect((await updateActivity(admin, 'course', documentId, { schedule: term(-31) })).status).toBe(200);
    const shown = await link.show();
    expect(shown.status).toBe(404);
    expect(shown.body.error).toMatchObject({ name: 'NotFoundError', details: { code: 'link_expired', days: 30 } });
    expect((await link.cancel()).status).toBe(404);
  });

  it('the timetable lists the week’s sessions with what, where and places left', async () => {
    await createActivity(admin, 'course', { slug: 'chess', title: '象棋班', capacity: 8, roomId, schedule: weekly(['fri'], dayAhead(5, 2), dayAhead(5, 3), '19:00', 90) });
    expect((await enrol(cms, { course: 'chess', ...person(400) })).status).toBe(201);
    const week = isoWeekOf(dayAhead(5, 2)).label;
    const res = await cms.get(`/api/booking/timetable?week=${week}`);
    expect(res.status).toBe(200);
    const chess = res.body.data.filter((s: any) => s.activity.slug === 'chess');
    expect(chess).toEqual([
      expect.objectContaining({ start: at(dayAhead(5, 2), '19:00'), status: 'scheduled', placesLeft: 7, activity: expect.objectContaining({ kind: 'course', title: '象棋班', room: expect.objectContaining({ slug: 'test-room' }) }) }),
    ]);
    const starts = res.body.data.map((s: any) => Date.parse(s.start));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(JSON.stringify(res.body)).not.toContain('example.org');
    expect((await cms.get('/api/booking/timetable?week=2026-W99')).status).toBe(400);
  });

  it.each([
    [`from=${dayAhead(3, 1)}&to=${dayAhead(2, 1)}`, 'must not be before from'],
    [`from=${dayAhead(1, 1)}&to=${dayAhead(1, 10)}`, 'must be at most 62 days after from'],
  ])('the timetable refuses %s with a 400 naming to', async (query, reason) => {
    const res = await cms.get(`/api/booking/timetable?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: 'to', message: expect.stringContaining(reason) })]);
  });

  describe('no body anyone may send gets a 5xx', () => {
    /** An enrolment that passes every rule, from a person not yet enrolled (mostly), so some generated bodies enrol. */
    const validFrom = (i: number) => ({ course: 'fuzz-course', ...person(1000 + i), people: 1, language: 'en', consentVersion: CONSENT.consentVersion });
    const tokens: string[] = [];

    beforeAll(async () => {
      // Room enough and a waiting list, so generated enrolments that pass the schema reach the database.
      const fuzzRoom = await createRoom(admin, { slug: 'fuzz-room', capacity: 60, requiresApproval: false });
      const { published } = await createActivity(admin, 'course', { slug: 'fuzz-course', capacity: 3, maxPeoplePerEnrolment: 5, roomId: fuzzRoom, schedule: weekly(['wed'], dayAhead(3, 8), dayAhead(3, 9), '09:00', 60) });
      expect(published.status).toBe(200);
      for (const i of [901, 902]) {
        const made = await enrol(cms, { course: 'fuzz-course', ...person(i) });
        expect([made.status, made.body.error]).toEqual([201, undefined]);
        tokens.push(made.body.data.manageToken);
      }
    });

    it('POST /enrolments', async () => {
      const fields = Object.keys(validFrom(0));
      const body = fc.nat(8999).chain((i) => bodyAround(validFrom(i)));
      await fc.assert(
        fc.asyncProperty(envelopeAround(body), async (sent) => expectHandled(await send(cms, publicPosts.enrolments, sent), sent, fields)),
        { numRuns: RUNS }
      );
    });

    it('POST /enrolments/manage/cancel, by a working link or any other', async () => {
      const token = fc.oneof(fc.constantFrom(...tokens), headerValue(awkwardText));
      await fc.assert(
        fc.asyncProperty(token, envelopeAround(bodyAround({ reason: 'x' })), async (t, generated) => {
          const { path, headers, sent } = publicPosts.cancelBy('enrolments', t, generated);
          expect((await send(cms, path, sent, headers)).status).toBeLessThan(500);
        }),
        { numRuns: RUNS }
      );
    });
  });
});
