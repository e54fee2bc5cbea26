import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { createStaffAccount, FRONT_DESK_ROLE_CODE } from '../harness/front-desk';
import { CONSENT, at, createActivity, createClosure, createRoom, dayAhead, outbox, reservation, waitForMail, weekly, type Admin } from '../harness/fixtures';

describe('a closure over existing reservations', () => {
  let cms: TestCms;
  let admin: Admin;
  let roomId: string;
  const date = dayAhead(3, 2);

  beforeAll(async () => {
    cms = await startTestCms();
    admin = await asAdmin(cms);
    roomId = await createRoom(admin, { slug: 'test-room', requiresApproval: false });
    await createRoom(admin, { slug: 'other-room', requiresApproval: false });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('blocks new requests and lists for staff the reservations already in it', async () => {
    const before = await cms.request('POST', '/api/booking/reservations', { data: reservation({ start: at(date, '10:00'), end: at(date, '11:00'), contactName: '赵大爷' }) });
    expect(before.status).toBe(201);
    const elsewhere = await cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'other-room', start: at(date, '10:00'), end: at(date, '11:00') }) });
    expect(elsewhere.status).toBe(201);

    const closureId = await createClosure(admin, { reason: '水管维修', start: at(date, '08:00'), end: at(date, '12:00'), roomIds: [roomId] });

    const refused = await cms.request('POST', '/api/booking/reservations', { data: reservation({ start: at(date, '11:00'), end: at(date, '11:30') }) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors).toEqual([expect.objectContaining({ path: 'start' })]);

    const affected = await admin.request('GET', `/booking/closures/${closureId}/reservations`);
    expect(affected.status).toBe(200);
    expect(affected.body.data.closure).toMatchObject({ reason: '水管维修', start: at(date, '08:00'), end: at(date, '12:00'), allRooms: false });
    expect(affected.body.data.reservations).toEqual([expect.objectContaining({ reference: before.body.data.reference, contactName: '赵大爷', phone: '13800138000' })]);

    // The public sees the closure as busy time, with no reason attached to anyone.
    const day = await cms.get(`/api/booking/rooms/test-room/availability?from=${date}&to=${date}`);
    expect(day.body.data.days[0].busy).toEqual(expect.arrayContaining([{ start: at(date, '08:00'), end: at(date, '12:00'), kind: 'closure' }]));
  });

  it('is staff-only', async () => {
    expect((await cms.get('/booking/closures/abcdefghijklmnop/reservations')).status).toBe(401);
    expect((await admin.request('GET', '/booking/closures/abcdefghijklmnopqrstuvwx/reservations')).status).toBe(404);
    expect((await cms.get('/booking/closures')).status).toBe(401);
    expect((await cms.request('POST', '/booking/closures/preview', { data: {} })).status).toBe(401);
    expect((await cms.request('POST', '/booking/closures', { data: {} })).status).toBe(401);
  });

  describe('declared from the admin panel', () => {
    // A Friday two weeks ahead: a class at 14:00 in test-room with two people enrolled, a booking
    // with an e-mail and one with only a phone in the same room, and one in the other room.
    const friday = dayAhead(5, 2);
    const nextFriday = dayAhead(5, 3);
    const period = { start: at(friday, '08:00'), end: at(friday, '22:00') };
    let withEmail: string;
    let phoneOnly: string;
    let elsewhere: string;
    const declare = (data: Record<string, unknown>) => admin.request('POST', '/booking/closures', { data });
    const closureOfTestRoom = (extra: Record<string, unknown> = {}) => ({ allRooms: false, rooms: [roomId], ...period, reason: '停电检修', reasonEn: 'Power repairs', ...extra });
    const statusOf = async (reference: string) => {
      const res = await admin.request('GET', `/booking/reservations?from=${friday}&to=${friday}&pageSize=100`);
      return (res.body.data as any[]).find((r) => r.reference === reference)?.occurrences.map((o: any) => o.status);
    };
    const sessionsOnFridays = async () =>
      ((await cms.get(`/api/booking/timetable?from=${friday}&to=${nextFriday}`)).body.data as any[]).filter((s) => s.activity.slug === 'calligraphy').map((s) => [s.start, s.status]);
    const closuresNamed = async (reason: string) => ((await admin.request('GET', '/booking/closures?scope=upcoming')).body.data as any[]).filter((c) => c.reason === reason);

    beforeAll(async () => {
      const course = await createActivity(admin, 'course', { slug: 'calligraphy', title: '书法班', roomId, schedule: weekly(['fri'], friday, nextFriday, '14:00', 60) });
      expect(course.published.status).toBe(200);
      const enrol = (data: Record<string, unknown>) => cms.request('POST', '/api/booking/enrolments', { data: { ...CONSENT, course: 'calligraphy', ...data } });
      expect((await enrol({ name: 'Tom Brown', email: 'tom@example.org', language: 'en' })).status).toBe(201);
      expect((await enrol({ name: '张爷爷', phone: '13900000002' })).status).toBe(201);
      const book = async (data: Record<string, unknown>) => {
        const res = await cms.request('POST', '/api/booking/reservations', { data: reservation(data) });
        expect(res.status).toBe(201);
        return res.body.data.reference as string;
      };
      withEmail = await book({ start: at(friday, '10:00'), end: at(friday, '11:00'), contactName: '李秀英', email: 'li.closure@example.org' });
      phoneOnly = await book({ start: at(friday, '17:00'), end: at(friday, '18:00'), contactName: '王大妈', phone: '13900000001', email: '' });
      elsewhere = await book({ room: 'other-room', start: at(friday, '10:00'), end: at(friday, '11:00'), email: 'other.room@example.org' });
    });

    it('previews the reservations, sessions and people a closure falls on, and the mail, changing nothing', async () => {
      const res = await admin.request('POST', '/booking/closures/preview', { data: closureOfTestRoom() });
      expect(res.status).toBe(200);
      const impact = res.body.data;
      expect(impact.reservations.map((r: any) => [r.reference, r.start, r.contactName, r.phone])).toEqual([
        [withEmail, at(friday, '10:00'), '李秀英', '13800138000'],
        [phoneOnly, at(friday, '17:00'), '王大妈', '13900000001'],
      ]);
      expect(impact.sessions).toEqual([expect.objectContaining({ activity: '书法班', start: at(friday, '14:00'), status: 'scheduled', enrolled: 2 })]);
      expect(impact.people.withEmail).toBe(2);
      expect(impact.people.phoneOnly.map((p: any) => [p.name, p.phone, p.kind])).toEqual([
        ['王大妈', '13900000001', 'reservation'],
        ['张爷爷', '13900000002', 'enrolment'],
      ]);
      const mail = (audience: string, language: string) => impact.messages.find((m: any) => m.audience === audience && m.language === language);
      expect(mail('reservation', 'zh-CN')).toMatchObject({ subject: expect.stringContaining('预约已取消'), text: expect.stringContaining('停电检修') });
      expect(mail('reservation', 'en').text).toContain('Power repairs');
      expect(mail('enrolment', 'zh-CN').subject).toContain('停课通知：书法班');
      expect(mail('enrolment', 'en').text).toContain('Power repairs');

      expect(await closuresNamed('停电检修')).toEqual([]);
      expect(await statusOf(withEmail)).toEqual(['confirmed']);
      expect((await sessionsOnFridays())[0]).toEqual([at(friday, '14:00'), 'scheduled']);
    });

    it('refuses bad input with a 400 naming the field, and saves nothing', async () => {
      const cases: Array<[Record<string, unknown>, string, string | undefined]> = [
        [closureOfTestRoom({ end: at(friday, '07:00') }), 'end', 'end_before_start'],
        [closureOfTestRoom({ end: at(dayAhead(5, 60), '08:00') }), 'end', 'too_long'],
        [closureOfTestRoom({ reason: '  ', reasonEn: '' }), 'reason', 'reason_required'],
        [closureOfTestRoom({ reason: '停'.repeat(201) }), 'reason', undefined],
        [closureOfTestRoom({ rooms: [] }), 'rooms', 'rooms_required'],
        [closureOfTestRoom({ rooms: ['abcdefghijklmnopqrstuvwx'] }), 'rooms', 'unknown_room'],
        [closureOfTestRoom({ start: '2026-12-01 08:00' }), 'start', undefined],
      ];
      for (const [data, path, code] of cases) {
        for (const url of ['/booking/closures/preview', '/booking/closures']) {
          const res = await admin.request('POST', url, { data: { ...data, cancelAffected: true } });
          expect([url, path, res.status, res.status === 400 ? '' : JSON.stringify(res.body)]).toEqual([url, path, 400, '']);
          expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path, ...(code ? { code } : {}) })]);
        }
      }
      expect(await closuresNamed('停电检修')).toEqual([]);
      expect(await statusOf(withEmail)).toEqual(['confirmed']);
    });

    it('saved alone, blocks the rooms but leaves what was booked; removed, frees them again', async () => {
      const res = await declare(closureOfTestRoom({ reason: '只保存', reasonEn: '' }));
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ closure: { reason: '只保存', reasonEn: null, allRooms: false, rooms: [{ id: roomId, name: 'test-room' }], ...period }, cancelled: null });
      expect(await statusOf(withEmail)).toEqual(['confirmed']);
      expect((await sessionsOnFridays())[0]).toEqual([at(friday, '14:00'), 'scheduled']);
      const refused = await cms.request('POST', '/api/booking/reservations', { data: reservation({ start: at(friday, '12:00'), end: at(friday, '13:00') }) });
      expect(refused.body.error?.details?.errors).toEqual([expect.objectContaining({ code: 'in_closure' })]);

      const id = res.body.data.closure.id;
      expect((await closuresNamed('只保存')).map((c) => c.id)).toEqual([id]);
      expect((await admin.request('GET', '/booking/closures?scope=past')).body.data.map((c: any) => c.id)).not.toContain(id);
      expect((await admin.request('DELETE', `/booking/closures/${id}`)).status).toBe(204);
      expect(await closuresNamed('只保存')).toEqual([]);
      expect((await admin.request('DELETE', `/booking/closures/${id}`)).status).toBe(404);
    });

    it('saved with "cancel and tell everyone", cancels what it falls on at once and mails each in their language', async () => {
      const res = await declare(closureOfTestRoom({ cancelAffected: true }));
      expect(res.status).toBe(201);
      const { cancelled } = res.body.data;
      expect(cancelled.reservations.map((r: any) => [r.reference, r.status])).toEqual([
        [withEmail, 'cancelled'],
        [phoneOnly, 'cancelled'],
      ]);
      expect(cancelled.sessions).toEqual([expect.objectContaining({ activity: '书法班', status: 'cancelled' })]);
      expect(cancelled.people.phoneOnly.map((p: any) => p.name)).toEqual(['王大妈', '张爷爷']);

      expect(await statusOf(withEmail)).toEqual(['cancelled']);
      expect(await statusOf(phoneOnly)).toEqual(['cancelled']);
      expect(await statusOf(elsewhere)).toEqual(['confirmed']);
      expect(await sessionsOnFridays()).toEqual([
        [at(friday, '14:00'), 'cancelled'],
        [at(nextFriday, '14:00'), 'scheduled'],
      ]);

      const booking = await waitForMail(cms.mailDir, (m) => m.to === 'li.closure@example.org' && m.subject.startsWith('预约已取消'));
      expect(booking.text).toContain('停电检修');
      const session = await waitForMail(cms.mailDir, (m) => m.to === 'tom@example.org' && m.subject.startsWith('Cancelled: 书法班'));
      expect(session.text).toContain('Power repairs');
      expect(outbox(cms.mailDir).filter((m) => m.to === 'other.room@example.org' && m.subject.includes('取消'))).toEqual([]);

      // Nothing is left to cancel: a second closure over the same time cancels nothing.
      const again = await admin.request('POST', '/booking/closures/preview', { data: closureOfTestRoom() });
      expect(again.body.data).toMatchObject({ reservations: [], sessions: [], people: { withEmail: 0, phoneOnly: [] } });
    });
  });
});

describe('the Front desk / 前台 role', () => {
  let cms: TestCms;

  beforeAll(async () => {
    cms = await startTestCms();
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('is made on first start holding exactly the plugin’s staff actions', async () => {
    const admin = await asAdmin(cms);
    const roles = (await admin.request('GET', '/admin/roles')).body.data as Array<{ id: number; code: string; name: string }>;
    const role = roles.find((r) => r.code === FRONT_DESK_ROLE_CODE);
    expect(role).toMatchObject({ name: 'Front desk / 前台' });
    // Strapi's own three roles are still made: the plugin's role must not stop that.
    expect(roles.map((r) => r.code)).toEqual(expect.arrayContaining(['strapi-super-admin', 'strapi-editor', 'strapi-author']));
    const held = (await admin.request('GET', `/admin/roles/${role!.id}/permissions`)).body.data as Array<{ action: string }>;
    expect(held.map((p) => p.action).sort()).toEqual(['plugin::booking.activities.manage', 'plugin::booking.closures.manage', 'plugin::booking.reports.read', 'plugin::booking.reservations.manage']);
  });

  it('opens the front desk’s API to its holders and to nobody else', async () => {
    const desk = await createStaffAccount(cms, { email: 'desk@linli.test' });
    const editor = await createStaffAccount(cms, { email: 'editor@linli.test', roleCode: 'strapi-editor' });
    for (const path of ['/booking/reservations', '/booking/reports/attendance?from=2026-01-01&to=2026-01-31']) {
      expect((await desk.request('GET', path)).status).toBe(200);
      expect((await editor.request('GET', path)).status).toBe(403);
    }
    expect((await desk.request('GET', '/booking/closures/abcdefghijklmnopqrstuvwx/reservations')).status).toBe(404);
    expect((await editor.request('GET', '/booking/closures/abcdefghijklmnopqrstuvwx/reservations')).status).toBe(403);
    expect((await desk.request('GET', '/booking/closures')).status).toBe(200);
    expect((await editor.request('GET', '/booking/closures')).status).toBe(403);
    const closure = { allRooms: true, start: '2030-01-01T08:00:00+08:00', end: '2030-01-02T08:00:00+08:00', reason: '元旦' };
    expect((await editor.request('POST', '/booking/closures/preview', { data: closure })).status).toBe(403);
    expect((await editor.request('POST', '/booking/closures', { data: { ...closure, cancelAffected: true } })).status).toBe(403);
    expect((await desk.request('GET', '/booking/closures')).body.data).toEqual([]);
    const declared = await desk.request('POST', '/booking/closures', { data: closure });
    expect(declared.status).toBe(201);
    expect((await editor.request('DELETE', `/booking/closures/${declared.body.data.closure.id}`)).status).toBe(403);
    expect((await desk.request('GET', '/booking/closures')).body.data.map((c: any) => c.reason)).toEqual(['元旦']);
  });
});
