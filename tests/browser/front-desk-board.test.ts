import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { addDays, isoWeekdayOf, zonedDateOf } from '../../plugins/booking/server/src/core/time/zoned';
import { dayLabel } from '../../plugins/booking/admin/src/utils/day-label';
import zh from '../../plugins/booking/admin/src/translations/zh-Hans.json';
import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { createStaffAccount, signInToPanel, type StaffAccount } from '../harness/front-desk';
import { at, createActivity, createClosure, createRoom, reservation, TZ, weekly, type Admin } from '../harness/fixtures';
import { screenshotsDir } from '../../scripts/lib/screenshots.mts';
import { axeViolations, CHROMIUM_ARGS, CHROMIUM_PATH } from './harness/stack';

const WEEKDAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const REASON = '王阿姨的合唱队明早临时排练，主任已同意。';

/** The front desk's board (前台总览) in Chinese: a day and a week of every room, a booking taken on the phone, an override with a reason. */
describe('the front desk’s day board', () => {
  let cms: TestCms;
  let admin: Admin;
  let desk: StaffAccount;
  let browser: Browser;
  let page: Page;
  const today = zonedDateOf(new Date(), TZ);
  const tomorrow = addDays(today, 1);
  let pendingRef = '';

  beforeAll(async () => {
    cms = await startTestCms({ env: { SERVE_ADMIN_PANEL: 'true' } });
    admin = await asAdmin(cms);
    const hall = await createRoom(admin, { slug: 'fd-hall', name: '多功能厅', floor: 1, bufferMinutes: 30, requiresApproval: true, capacity: 60 });
    // Three days' notice: anything tomorrow needs a reason.
    await createRoom(admin, { slug: 'fd-council', name: '五邻议事厅', floor: 1, minNoticeMinutes: 3 * 24 * 60, requiresApproval: true });
    const reading = await createRoom(admin, { slug: 'fd-reading', name: '阅览室', floor: 2 });
    const course = await createActivity(admin, 'course', {
      slug: 'fd-calligraphy',
      title: '书法班',
      roomId: hall,
      capacity: 12,
      schedule: weekly([WEEKDAY[isoWeekdayOf(tomorrow) - 1]], tomorrow, addDays(tomorrow, 7), '09:00', 90),
    });
    expect(course.published.status).toBe(200);
    const pending = await cms.request('POST', '/api/booking/reservations', {
      data: reservation({ room: 'fd-hall', start: at(tomorrow, '14:00'), end: at(tomorrow, '16:00'), contactName: '王志强', organization: null, purpose: '3号楼加装电梯议事会', attendees: 20, email: 'wang@example.org' }),
    });
    expect(pending.status).toBe(201);
    pendingRef = pending.body.data.reference;
    const confirmed = await admin.request('POST', '/booking/reservations', {
      data: reservation({ room: 'fd-hall', start: at(tomorrow, '19:00'), end: at(tomorrow, '21:00'), purpose: '红歌合唱排练', organization: '红歌协会', attendees: 35, email: null }),
    });
    expect(confirmed.status).toBe(201);
    await createClosure(admin, { reason: '线路检修', start: at(tomorrow, '08:00'), end: at(tomorrow, '12:00'), roomIds: [reading] });

    desk = await createStaffAccount(cms, { email: 'board-desk@linli.test' });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signInToPanel(page, cms, desk);
  });
  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  const title = () => page.locator('[data-board-title]').innerText();
  const boardAnswer = () => page.waitForResponse((r) => r.url().includes('/booking/board?') && r.ok());
  const click = async (name: string) => {
    const answered = boardAnswer();
    await page.getByRole('button', { name, exact: true }).click();
    await answered;
  };
  const staffList = async () => (await desk.request('GET', `/booking/reservations?from=${tomorrow}&to=${tomorrow}&pageSize=100`)).body.data as any[];

  it('shows tomorrow’s rooms with every item coloured and labelled, and moves by day', async () => {
    await page.goto(`${cms.url}/admin/plugins/booking/board`);
    await page.locator('[data-board-view="day"]').waitFor({ timeout: 60_000 });
    await expect(title()).resolves.toBe(dayLabel(today, 'zh-Hans', true));
    await expect(page.getByRole('button', { name: '今天', exact: true }).isDisabled()).resolves.toBe(true);

    await click('后一天');
    await expect(title()).resolves.toBe(dayLabel(tomorrow, 'zh-Hans', true));
    const hall = page.locator('[data-room="fd-hall"]');
    const words = async (selector: string) => (await hall.locator(selector).innerText()).split('\n');
    expect(await words('[data-kind="session"]')).toEqual(['活动课程 · 09:00–10:30', '书法班', '已报名 0/12']);
    expect(await words(`[data-reference="${pendingRef}"]`)).toEqual(['待审核预约 · 14:00–16:00', '3号楼加装电梯议事会', '王志强 · 20 人']);
    await expect(hall.locator('[data-kind="reservation"][data-status="confirmed"]').innerText()).resolves.toContain('红歌协会');
    await expect(hall.locator('[data-kind="buffer"]').count()).resolves.toBe(6);
    await expect(page.locator('[data-room="fd-reading"] [data-kind="closure"]').innerText()).resolves.toContain('线路检修');
    mkdirSync(screenshotsDir, { recursive: true });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(screenshotsDir, 'admin-board-day.png'), fullPage: true });

    await click('前一天');
    await expect(title()).resolves.toBe(dayLabel(today, 'zh-Hans', true));
    await click('后一天');
    await click('今天');
    await expect(title()).resolves.toBe(dayLabel(today, 'zh-Hans', true));
    await click('后一天');
  });

  it('a pending request opens with its details, and approving it from there confirms it', async () => {
    await page.locator(`[data-reference="${pendingRef}"]`).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.innerText()).resolves.toContain('wang@example.org');
    const approved = page.waitForResponse((r) => r.url().includes(`/reservations/${pendingRef}/approve`));
    await dialog.getByRole('button', { name: '通过', exact: true }).click();
    expect((await approved).status()).toBe(200);
    await page.locator(`[data-reference="${pendingRef}"][data-status="confirmed"]`).waitFor();
    expect((await staffList()).find((r) => r.reference === pendingRef)).toMatchObject({ status: 'confirmed' });
    // A session links to the activities desk and attendance pages with its id.
    await page.locator('[data-room="fd-hall"] [data-kind="session"]').click();
    const link = page.getByRole('dialog').getByRole('link', { name: '签到', exact: true });
    await expect(link.getAttribute('href')).resolves.toMatch(/\/admin\/plugins\/booking\/attendance\?session=[a-z0-9]+$/);
    await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).first().click();
  });

  it('the floor filter hides the other floor’s rooms', async () => {
    const filtered = boardAnswer();
    await page.getByRole('combobox', { name: '楼层' }).click();
    await page.getByRole('option', { name: '2 楼' }).click();
    await filtered;
    await page.locator('[data-room="fd-hall"]').waitFor({ state: 'detached' });
    await expect(page.locator('[data-room]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-room')))).resolves.toEqual(['fd-reading']);
    const all = boardAnswer();
    await page.getByRole('combobox', { name: '楼层' }).click();
    await page.getByRole('option', { name: '全部楼层' }).click();
    await all;
    await page.locator('[data-room="fd-hall"]').waitFor();
  });

  it('books a free stretch for a caller and shows the reference to read out', async () => {
    // The hall is free from 16:30 (after the request and its buffer) to 18:30: click its beginning.
    const free = page.locator('[data-free="fd-hall"]', { hasText: '16:30' });
    await free.click({ position: { x: 3, y: 10 } });
    const dialog = page.getByRole('dialog');
    // The room's free times arrive a moment after the form opens.
    await dialog.getByRole('combobox', { name: /^开始时间/ }).filter({ hasText: '16:30' }).waitFor();
    await dialog.getByRole('combobox', { name: /^结束时间/ }).filter({ hasText: '17:30' }).waitFor();
    await dialog.getByLabel(/^用途/).fill('太极拳协会临时练习');
    await dialog.getByLabel(/^联系人姓名/).fill('赵大爷');
    await dialog.getByLabel(/^电话/).fill('13912345678');
    await dialog.getByLabel(/^人数/).fill('8');
    await dialog.getByRole('checkbox', { name: '对方已听取隐私告知并同意' }).click();
    const made = page.waitForResponse((r) => r.url().endsWith('/booking/reservations') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: '预约', exact: true }).click();
    expect((await made).status()).toBe(201);
    const reference = await dialog.locator('[data-booking-reference]').innerText();
    expect(reference).toMatch(/^LL-[A-Z0-9]{5}$/);
    await expect(dialog.locator('[data-booking-mail]').innerText()).resolves.toBe(zh['board.result.noMail']);
    await page.screenshot({ path: path.join(screenshotsDir, 'admin-board-booking.png') });
    expect((await staffList()).find((r) => r.reference === reference)).toMatchObject({
      status: 'confirmed',
      source: 'staff',
      contactName: '赵大爷',
      occurrences: [{ start: at(tomorrow, '16:30'), end: at(tomorrow, '17:30'), status: 'confirmed' }],
    });
    await dialog.getByRole('button', { name: '关闭', exact: true }).last().click();
    await page.locator(`[data-reference="${reference}"]`).waitFor();
  });

  it('inside the minimum notice, refuses without a reason in Chinese, then books with one and shows it', async () => {
    await page.locator('[data-free="fd-council"]').first().click({ position: { x: 3, y: 10 } });
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /^开始时间/ }).filter({ hasText: '08:00' }).waitFor();
    await dialog.getByRole('combobox', { name: /^开始时间/ }).click();
    await page.getByRole('option', { name: '10:00', exact: true }).click();
    await dialog.getByRole('combobox', { name: /^结束时间/ }).click();
    await page.getByRole('option', { name: '11:00', exact: true }).click();
    await dialog.getByLabel(/^用途/).fill('合唱队临时排练');
    await dialog.getByLabel(/^联系人姓名/).fill('王阿姨');
    await dialog.getByLabel(/^电话/).fill('13987654321');
    await dialog.getByLabel(/^人数/).fill('12');
    await dialog.getByRole('checkbox', { name: '对方已听取隐私告知并同意' }).click();
    const refused = page.waitForResponse((r) => r.url().endsWith('/booking/reservations') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: '预约', exact: true }).click();
    expect((await refused).status()).toBe(400);
    await dialog.getByText(zh['board.rule.under_minimum_notice']).waitFor();
    await dialog.getByText(zh['board.book.overrideNeeded']).waitFor();
    expect((await staffList()).filter((r) => r.room?.slug === 'fd-council')).toEqual([]);
    await page.mouse.move(0, 0); // a hovered button has another colour
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);

    await dialog.getByLabel(/^破例原因/).fill(REASON);
    const accepted = page.waitForResponse((r) => r.url().endsWith('/booking/reservations') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: '预约', exact: true }).click();
    expect((await accepted).status()).toBe(201);
    const reference = await dialog.locator('[data-booking-reference]').innerText();
    expect((await staffList()).find((r) => r.reference === reference)).toMatchObject({ room: { slug: 'fd-council' }, overrideReason: REASON, status: 'confirmed' });
    await dialog.getByRole('button', { name: '关闭', exact: true }).last().click();

    await page.locator(`[data-reference="${reference}"]`).click();
    await expect(page.getByRole('dialog').innerText()).resolves.toContain(REASON);
    await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).first().click();
    await page.mouse.move(0, 0);
    expect(await axeViolations(page)).toEqual([]);

    // The room requests page shows the reason on the request's row.
    await page.goto(`${cms.url}/admin/plugins/booking`);
    await page.getByRole('button', { name: '已确认', exact: true }).click();
    await expect(page.locator(`tr[data-reference="${reference}"] [data-override-reason]`).innerText()).resolves.toBe(`破例原因：${REASON}`);
  });

  it('the week view lists each room’s items per day, and moves by week', async () => {
    await page.goto(`${cms.url}/admin/plugins/booking/board`);
    await page.locator('[data-board-view="day"]').waitFor({ timeout: 60_000 });
    await click('后一天');
    await click('周');
    await page.locator('[data-board-view="week"]').waitFor();
    const cell = page.locator(`[data-cell="fd-hall|${tomorrow}"]`);
    await expect(cell.innerText()).resolves.toContain('书法班');
    await expect(cell.innerText()).resolves.toContain('红歌协会');
    await expect(page.locator(`[data-cell="fd-reading|${tomorrow}"]`).innerText()).resolves.toContain('线路检修');
    const week = await title();
    await click('下一周');
    await expect(title()).resolves.not.toBe(week);
    await expect(page.locator(`[data-cell="fd-hall|${addDays(tomorrow, 7)}"]`).innerText()).resolves.toContain('书法班');
    await click('上一周');
    await expect(title()).resolves.toBe(week);
    await page.mouse.move(0, 0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows staff who manage only activities the board, with nothing offered to book', async () => {
    const role = await admin.request('POST', '/admin/roles', { name: '活动老师', description: 'activities only' });
    expect(role.status).toBe(201);
    const granted = await admin.request('PUT', `/admin/roles/${role.body.data.id}/permissions`, {
      permissions: [{ action: 'plugin::booking.activities.manage', subject: null, properties: {}, conditions: [] }],
    });
    expect(granted.status).toBe(200);
    const teacher = await createStaffAccount(cms, { email: 'teacher@linli.test', roleCode: role.body.data.code });
    const own = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signInToPanel(own, cms, teacher);
    await own.goto(`${cms.url}/admin/plugins/booking/board`);
    await own.locator('[data-board-view="day"] [data-free="fd-hall"]').first().waitFor({ timeout: 60_000 });
    // Free time is shown, not offered.
    expect(await own.locator('[data-free]').count()).toBeGreaterThan(0);
    await expect(own.getByRole('button', { name: '代客预约', exact: true }).count()).resolves.toBe(0);
    await expect(own.locator('button[data-free]').count()).resolves.toBe(0);
    // A pending request opens with its details, but deciding it is for the reservations desk.
    const later = addDays(today, 3);
    const asked = await cms.request('POST', '/api/booking/reservations', {
      data: reservation({ room: 'fd-hall', start: at(later, '14:00'), end: at(later, '15:00'), contactName: '赵明', email: 'zhao@example.org' }),
    });
    expect(asked.status).toBe(201);
    await own.goto(`${cms.url}/admin/plugins/booking/board`);
    await own.locator('[data-board-view="day"]').waitFor({ timeout: 60_000 });
    for (let d = today; d < later; d = addDays(d, 1)) {
      const answered = own.waitForResponse((r) => r.url().includes('/booking/board?') && r.ok());
      await own.getByRole('button', { name: '后一天', exact: true }).click();
      await answered;
    }
    await own.locator(`[data-reference="${asked.body.data.reference}"]`).click();
    const dialog = own.getByRole('dialog');
    await expect(dialog.innerText()).resolves.toContain('赵明');
    await expect(dialog.getByRole('button', { name: '通过', exact: true }).count()).resolves.toBe(0);
    // Their colleague at the desk is offered both.
    await page.goto(`${cms.url}/admin/plugins/booking/board`);
    await page.getByRole('button', { name: '代客预约', exact: true }).waitFor({ timeout: 60_000 });
    await page.locator('[data-board-view="day"] button[data-free="fd-hall"]').first().waitFor();
    await own.context().close();
  });
});

