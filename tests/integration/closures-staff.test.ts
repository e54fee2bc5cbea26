import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { createStaffAccount, FRONT_DESK_ROLE_CODE } from '../harness/front-desk';
import { at, createClosure, createRoom, dayAhead, reservation, type Admin } from '../harness/fixtures';

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
    expect(held.map((p) => p.action).sort()).toEqual(['plugin::booking.activities.manage', 'plugin::booking.closures.manage', 'plugin::booking.reservations.manage']);
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
  });
});
