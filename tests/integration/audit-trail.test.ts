import pWaitFor from 'p-wait-for';
import { addDays, zonedDateOf } from '../../plugins/booking/server/src/core/time/zoned';
import { asAdmin } from '../harness/admin';
import { startTestCms, TEST_ADMIN, type TestCms } from '../harness/cms';
import { openDatabase, type RawDatabase } from '../harness/database';
import { CONSENT, at, createActivity, createRoom, dayAhead, reservation, TZ, weekly, type Admin } from '../harness/fixtures';
import { createStaffAccount, type StaffAccount } from '../harness/front-desk';

const AUDIT = '/booking/audit';
const LOCAL = /^(127\.0\.0\.1|::1)$/;

interface Entry {
  id: number;
  at: string;
  actor: { id: number | null; name: string | null; email: string | null } | null;
  action: string;
  subject: { kind: string; id: string } | null;
  details: Record<string, any> | null;
  ip: string | null;
}

describe('the audit trail of staff actions', () => {
  let cms: TestCms;
  let admin: Admin;
  let adminId: number;
  let desk: StaffAccount;
  let db: RawDatabase;
  const today = zonedDateOf(new Date(), TZ);
  const ids: Record<string, string> = {};

  const entries = async (query: string): Promise<Entry[]> => {
    const res = await admin.request('GET', `${AUDIT}?${query}`);
    if (res.status !== 200) throw new Error(`audit: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data;
  };
  const about = (kind: string, id: string) => entries(`subject=${kind}:${encodeURIComponent(id)}`);
  /** The one entry a subject has, after checking there is exactly one. */
  const onlyEntryAbout = async (kind: string, id: string): Promise<Entry> => {
    const found = await about(kind, id);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const bodyErrors = (res: { body: any }) => (res.body.error?.details?.errors ?? []).map((e: { path: string }) => e.path).sort();
  const request = async (overrides: Record<string, unknown>) => {
    const res = await cms.request('POST', '/api/booking/reservations', { data: reservation(overrides) });
    if (res.status !== 201) throw new Error(`request failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.reference as string;
  };

  beforeAll(async () => {
    cms = await startTestCms();
    admin = await asAdmin(cms);
    adminId = (await admin.request('GET', '/admin/users/me')).body.data.id;
    desk = await createStaffAccount(cms, { email: 'audit-desk@linli.test' });
    db = await openDatabase(cms.database);
    ids.approval = await createRoom(admin, { slug: 'audit-approval', requiresApproval: true, bufferMinutes: 0 });
    ids.open = await createRoom(admin, { slug: 'audit-open', requiresApproval: false, bufferMinutes: 0 });
    ids.classroom = await createRoom(admin, { slug: 'audit-classroom', requiresApproval: false, bufferMinutes: 0 });
  });
  afterAll(async () => {
    await db?.close();
    await cms?.stop();
  });

  it('records approvals, rejections and bookings made for callers once each, with who, when and from where, and no personal data', async () => {
    const date = dayAhead(2, 2);
    const approved = await request({ room: 'audit-approval', start: at(date, '09:00'), end: at(date, '10:00'), phone: '13700009001', email: 'approve-me@example.org' });
    // A resident's own request is no staff action.
    expect(await about('reservation', approved)).toEqual([]);

    expect((await admin.request('POST', `/booking/reservations/${approved}/approve`)).status).toBe(200);
    const entry = await onlyEntryAbout('reservation', approved);
    expect(entry).toMatchObject({ action: 'reservation.approve', actor: { id: adminId, email: TEST_ADMIN.email }, subject: { kind: 'reservation', id: approved } });
    expect(entry.ip).toMatch(LOCAL);
    expect(entry.at.startsWith(today)).toBe(true);
    expect(entry.at).toMatch(/\+08:00$/);
    // Refused a second time: nothing happened, nothing is recorded.
    expect((await admin.request('POST', `/booking/reservations/${approved}/approve`)).status).toBe(400);
    expect(await about('reservation', approved)).toHaveLength(1);

    const rejected = await request({ room: 'audit-approval', start: at(date, '11:00'), end: at(date, '12:00'), phone: '13700009002', email: 'reject-me@example.org' });
    expect((await admin.request('POST', `/booking/reservations/${rejected}/reject`, { data: { reason: '当天有活动' } })).status).toBe(200);
    expect(await onlyEntryAbout('reservation', rejected)).toMatchObject({ action: 'reservation.reject', actor: { id: adminId } });

    const forCaller = await admin.request('POST', '/booking/reservations', { data: reservation({ room: 'audit-open', start: at(date, '14:00'), end: at(date, '15:00'), contactName: '周阿姨', phone: '13700009003', email: null }) });
    expect(forCaller.status).toBe(201);
    expect(await onlyEntryAbout('reservation', forCaller.body.data.reference)).toMatchObject({ action: 'reservation.create', details: { room: 'audit-open', dates: 1 } });

    const overridden = await admin.request('POST', '/booking/reservations', {
      data: { ...reservation({ room: 'audit-open', start: at(date, '16:00'), end: at(date, '17:00'), contactName: '吴先生', phone: '13700009004', email: null }), overrideReason: '主任同意 agreed by the director' },
    });
    expect(overridden.status).toBe(201);
    expect(await onlyEntryAbout('reservation', overridden.body.data.reference)).toMatchObject({ action: 'reservation.create-override' });

    // The trail names subjects by reference: none of the residents' names, phones, e-mails or the free-text reasons.
    const text = JSON.stringify(await entries('subject=reservation'));
    for (const personal of ['13700009001', 'approve-me@example.org', '13700009002', '周阿姨', '13700009003', '吴先生', '当天有活动', '主任同意']) expect(text).not.toContain(personal);
  });

  it('records enrolling and cancelling at the desk, attendance, rosters taken away, and cancelled and moved sessions', async () => {
    const yesterday = addDays(today, -1);
    const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const held = await createActivity(admin, 'course', { slug: 'audit-held', capacity: 5, roomId: ids.classroom, schedule: weekly(EVERY_DAY, yesterday, yesterday, '08:00', 60) });
    expect(held.published.status).toBe(200);
    const course = await createActivity(admin, 'course', { slug: 'audit-course', capacity: 5, roomId: ids.classroom, schedule: weekly(EVERY_DAY, addDays(today, 7), addDays(today, 9), '08:00', 60) });
    expect(course.published.status).toBe(200);
    const timetable = (await cms.get(`/api/booking/timetable?from=${yesterday}&to=${addDays(today, 9)}`)).body.data as Array<{ id: string; start: string; activity: { slug: string } }>;
    const past = timetable.find((s) => s.activity.slug === 'audit-held')!;
    const [later, evenLater] = timetable.filter((s) => s.activity.slug === 'audit-course');

    const enrolled = await admin.request('POST', '/booking/enrolments', { data: { ...CONSENT, kind: 'course', activity: course.documentId, name: '郑奶奶', phone: '13700009005' } });
    expect(enrolled.status).toBe(201);
    const enrolmentId = enrolled.body.data.id;
    expect(await onlyEntryAbout('enrolment', enrolmentId)).toMatchObject({ action: 'enrolment.create', actor: { id: adminId }, details: { status: 'confirmed', activity: `course:${course.documentId}`, people: 1 } });
    expect((await admin.request('POST', `/booking/enrolments/${enrolmentId}/cancel`)).status).toBe(200);
    expect((await admin.request('POST', `/booking/enrolments/${enrolmentId}/cancel`)).status).toBe(400);
    expect((await about('enrolment', enrolmentId)).map((e) => [e.action, e.details])).toEqual([
      ['enrolment.cancel', { promoted: 0 }],
      ['enrolment.create', expect.anything()],
    ]);

    expect((await admin.request('POST', `/booking/sessions/${past.id}/attendance`, { data: { present: [], walkIns: 2 } })).status).toBe(200);
    expect(await onlyEntryAbout('session', past.id)).toMatchObject({ action: 'attendance.mark', details: { present: 0, walkIns: 2 } });
    const csv = await admin.request('GET', `/booking/sessions/${past.id}/enrolments?format=csv`);
    expect(csv.status).toBe(200);
    // The JSON roster on screen is no export; the CSV is.
    expect((await admin.request('GET', `/booking/sessions/${past.id}/enrolments`)).status).toBe(200);
    expect((await about('session', past.id)).map((e) => e.action)).toEqual(['roster.export', 'attendance.mark']);

    expect((await admin.request('POST', `/booking/sessions/${later.id}/cancel`, { data: { reason: '老师生病' } })).status).toBe(200);
    expect(await onlyEntryAbout('session', later.id)).toMatchObject({ action: 'session.cancel' });
    const newStart = evenLater.start.replace('T08:00', 'T10:00');
    expect((await admin.request('POST', `/booking/sessions/${evenLater.id}/move`, { data: { start: newStart } })).status).toBe(200);
    const moved = await onlyEntryAbout('session', evenLater.id);
    expect(moved).toMatchObject({ action: 'session.move' });
    expect(Date.parse(moved.details!.start)).toBe(Date.parse(newStart));
    expect(JSON.stringify(await entries('subject=enrolment'))).not.toContain('13700009005');
  });

  it('records closures declared and removed', async () => {
    const date = dayAhead(4, 3);
    const declared = await admin.request('POST', '/booking/closures', {
      data: { allRooms: false, rooms: [ids.open], start: at(date, '08:00'), end: at(date, '12:00'), reason: '设备检修', reasonEn: 'Maintenance', cancelAffected: true },
    });
    expect(declared.status).toBe(201);
    const closureId = declared.body.data.closure.id;
    expect(await onlyEntryAbout('closure', closureId)).toMatchObject({ action: 'closure.declare', details: { cancelAffected: true, reservationsCancelled: 0, sessionsCancelled: 0 } });
    expect((await admin.request('DELETE', `/booking/closures/${closureId}`)).status).toBe(204);
    expect((await about('closure', closureId)).map((e) => e.action)).toEqual(['closure.remove', 'closure.declare']);
  });

  it('records the front desk ticking a call and putting it back on the list', async () => {
    const date = dayAhead(3, 2);
    const reference = await request({ room: 'audit-open', start: at(date, '18:00'), end: at(date, '19:00'), contactName: '冯大爷', phone: '13700009006', email: null });
    await pWaitFor(async () => (await db.query("SELECT 1 FROM booking_messages WHERE about_id = ? AND channel = 'call'", [reference])).length === 1, { timeout: 15_000 });
    const callId = String((await db.query("SELECT id FROM booking_messages WHERE about_id = ? AND channel = 'call'", [reference]))[0].id);

    expect((await desk.request('POST', `/booking/calls/${callId}`, { data: { outcome: 'not_reached', note: '冯大爷没接' } })).status).toBe(200);
    expect((await desk.request('POST', `/booking/messages/${callId}/retry`)).status).toBe(200);
    const deskId = (await desk.request('GET', '/admin/users/me')).body.data.id;
    const found = await about('message', callId);
    expect(found.map((e) => [e.action, e.details, e.actor?.id, e.actor?.name])).toEqual([
      ['message.retry', { channel: 'call' }, deskId, '小 李'],
      ['call.tick', { outcome: 'not_reached' }, deskId, '小 李'],
    ]);
    expect(JSON.stringify(found)).not.toContain('冯大爷');
  });

  it('records changes to roles, their permissions and staff accounts made in Settings, one entry per change', async () => {
    const created = await admin.request('POST', '/admin/roles', { name: 'Audit readers', description: 'the data-protection officer' });
    expect(created.status).toBe(201);
    const roleId = String(created.body.data.id);
    const granted = await admin.request('PUT', `/admin/roles/${roleId}/permissions`, {
      permissions: ['plugin::booking.audit.read', 'plugin::booking.closures.manage'].map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
    });
    expect(granted.status).toBe(200);
    const narrowed = await admin.request('PUT', `/admin/roles/${roleId}/permissions`, {
      permissions: [{ action: 'plugin::booking.audit.read', subject: null, properties: {}, conditions: [] }],
    });
    expect(narrowed.status).toBe(200);
    // Written as each request is answered: wait for the last.
    await pWaitFor(async () => (await about('role', roleId)).length === 3, { timeout: 10_000 });
    const [narrowing, granting, creating] = await about('role', roleId);
    expect(creating).toMatchObject({ action: 'role.create', actor: { id: adminId }, details: { role: 'Audit readers' } });
    expect(granting).toMatchObject({ action: 'role.permissions', details: { added: 2, removed: 0 } });
    expect(granting.details!.addedNames.sort()).toEqual(['plugin::booking.audit.read', 'plugin::booking.closures.manage']);
    expect(narrowing).toMatchObject({ action: 'role.permissions', details: { removed: 1, removedNames: ['plugin::booking.closures.manage'] } });
    expect(narrowing.ip).toMatch(LOCAL);

    // A colleague given the role: one entry for the account, none for their own registration and profile.
    const officer = await createStaffAccount(cms, { email: 'audit-officer@linli.test', roleCode: created.body.data.code });
    const officerId = String((await officer.request('GET', '/admin/users/me')).body.data.id);
    await pWaitFor(async () => (await about('admin-user', officerId)).length > 0, { timeout: 10_000 });
    expect(await onlyEntryAbout('admin-user', officerId)).toMatchObject({ action: 'admin-user.create', details: { roles: [created.body.data.code] } });
    // The officer reads the trail; the front desk may not.
    expect((await officer.request('GET', AUDIT)).status).toBe(200);
    expect((await desk.request('GET', AUDIT)).status).toBe(403);
    expect((await cms.get(AUDIT)).status).toBe(401);

    const removed = await admin.request('DELETE', `/admin/users/${officerId}`);
    expect(removed.status).toBe(200);
    const deleted = await admin.request('DELETE', `/admin/roles/${roleId}`);
    expect(deleted.status).toBe(200);
    await pWaitFor(async () => (await about('role', roleId)).length === 4 && (await about('admin-user', officerId)).length === 2, { timeout: 10_000 });
    // Its permissions go with it: one entry.
    expect((await about('role', roleId))[0]).toMatchObject({ action: 'role.delete', details: { role: 'Audit readers' } });
    expect((await about('admin-user', officerId))[0]).toMatchObject({ action: 'admin-user.delete' });
  });

  it('filters by who, what, which subject and which days, and refuses bad filters naming them', async () => {
    const date = dayAhead(5, 2);
    const reference = await request({ room: 'audit-approval', start: at(date, '09:00'), end: at(date, '10:00') });
    expect((await admin.request('POST', `/booking/reservations/${reference}/approve`)).status).toBe(200);

    const approvals = await entries('action=reservation.approve');
    expect(approvals.length).toBeGreaterThanOrEqual(1);
    expect(approvals.every((e) => e.action === 'reservation.approve')).toBe(true);
    expect(approvals.map((e) => e.subject!.id)).toContain(reference);
    // Newest first.
    expect(approvals.map((e) => e.id)).toEqual([...approvals.map((e) => e.id)].sort((a, b) => b - a));

    const deskId = (await desk.request('GET', '/admin/users/me')).body.data.id;
    const byDesk = await entries(`actor=${deskId}`);
    expect(byDesk.length).toBeGreaterThan(0);
    expect(byDesk.every((e) => e.actor?.id === deskId)).toBe(true);
    expect(byDesk.map((e) => e.subject?.id)).not.toContain(reference);

    expect((await entries(`subject=reservation:${reference}&from=${today}&to=${today}`)).map((e) => e.action)).toEqual(['reservation.approve']);
    expect(await entries(`subject=reservation:${reference}&from=${addDays(today, 1)}`)).toEqual([]);
    expect(await entries(`subject=reservation:${reference}&to=${addDays(today, -1)}`)).toEqual([]);

    const page = await admin.request('GET', `${AUDIT}?limit=2`);
    expect(page.body.data).toHaveLength(2);
    expect(page.body.meta).toMatchObject({ capped: true, limit: 2 });
    expect(page.body.meta.actions).toEqual(expect.arrayContaining(['reservation.approve', 'call.tick', 'role.permissions']));
    expect(page.body.meta.actors).toEqual(expect.arrayContaining([expect.objectContaining({ id: deskId, name: '小 李' })]));
    const next = await admin.request('GET', `${AUDIT}?limit=2&before=${page.body.data[1].id}`);
    expect(next.body.data[0].id).toBeLessThan(page.body.data[1].id);

    const bad = await admin.request('GET', `${AUDIT}?actor=someone&action=DROP TABLE&subject=no such&from=2026-13-01&to=yesterday&limit=0&before=-1`);
    expect(bad.status).toBe(400);
    expect(bodyErrors(bad)).toEqual(['action', 'actor', 'before', 'from', 'limit', 'subject', 'to']);
    const backwards = await admin.request('GET', `${AUDIT}?from=${today}&to=${addDays(today, -1)}`);
    expect(backwards.status).toBe(400);
    expect(bodyErrors(backwards)).toEqual(['to']);
  });

  it('can be neither changed nor deleted: no route does it, and the database refuses', async () => {
    const [newest] = await entries('limit=1');
    for (const [method, path] of [
      ['POST', AUDIT],
      ['PUT', `${AUDIT}/${newest.id}`],
      ['PATCH', `${AUDIT}/${newest.id}`],
      ['DELETE', `${AUDIT}/${newest.id}`],
      ['DELETE', AUDIT],
    ]) {
      const res = await admin.request(method, path, method === 'DELETE' ? undefined : { data: { action: 'nothing.happened' } });
      expect([404, 405]).toContain(res.status);
    }
    expect((await entries('limit=1'))[0]).toEqual(newest);

    const [row] = await db.query('SELECT id, action FROM booking_audit_log WHERE id = ?', [newest.id]);
    await expect(db.query("UPDATE booking_audit_log SET action = 'nothing.happened' WHERE id = ?", [newest.id])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM booking_audit_log WHERE id = ?', [newest.id])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM booking_audit_log')).rejects.toThrow(/append-only/);
    if (cms.database.kind === 'postgres') await expect(db.query('TRUNCATE booking_audit_log')).rejects.toThrow(/append-only/);
    expect(await db.query('SELECT id, action FROM booking_audit_log WHERE id = ?', [newest.id])).toEqual([row]);
  });
});
