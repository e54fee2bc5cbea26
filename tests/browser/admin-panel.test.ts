import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { asAdmin } from '../harness/admin';
import { createStaffAccount, signInToPanel } from '../harness/front-desk';
import { startTestCms, TEST_ADMIN, type TestCms } from '../harness/cms';
import { screenshotsDir } from '../../scripts/lib/screenshots.mts';
import { at, createActivity, createRoom, dayAhead, manageLink, reservation, weekly } from '../harness/fixtures';
import strapiGaps from '../../cms/src/admin/translations/zh-Hans.json';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './harness/stack';

/** Staff at the admin panel: the built panel served by the CMS, driven in Debian's Chromium. */
describe('staff in the admin panel', () => {
  let cms: TestCms;
  let browser: Browser;
  let page: Page;
  let roomId: string;
  const made: string[] = [];

  beforeAll(async () => {
    cms = await startTestCms({ env: { SERVE_ADMIN_PANEL: 'true' } });
    const admin = await asAdmin(cms);
    roomId = await createRoom(admin, { slug: 'panel-room', name: '五邻议事厅', requiresApproval: true });
    for (const [i, who] of ['张建国', '王秀兰'].entries()) {
      const date = dayAhead(2 + i, 2);
      const res = await cms.request('POST', '/api/booking/reservations', {
        data: reservation({ room: 'panel-room', start: at(date, '19:00'), end: at(date, '20:00'), contactName: who, email: `panel-${i}@example.org` }),
      });
      if (res.status !== 201) throw new Error(`request: ${res.status} ${JSON.stringify(res.body)}`);
      made.push(res.body.data.reference);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.getByLabel(/^Email/).fill(TEST_ADMIN.email);
    await page.getByLabel(/^Password/).fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  const statusOf = async (reference: string) => {
    const admin = await asAdmin(cms);
    const res = await admin.request('GET', '/booking/reservations?pageSize=100');
    return res.body.data.find((r: any) => r.reference === reference);
  };

  it('speaks Chinese to the admin made at first start: Strapi’s own strings and the plugin’s', async () => {
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-Hans');
    await page.getByRole('link', { name: '内容管理器' }).waitFor();
    await page.getByRole('link', { name: '场地预约申请' }).waitFor();
    // Strapi's own Chinese misses the content manager's strings; cms/src/admin/translations has them.
    await page.goto(`${cms.url}/admin/content-manager`);
    await page.getByText('集合类型', { exact: true }).first().waitFor();
    await page.goto(`${cms.url}/admin`);
    await page.getByRole('link', { name: '场地预约申请' }).waitFor();
  });

  it('lists the pending requests from the menu, and approving one confirms it', async () => {
    await page.getByRole('link', { name: '场地预约申请' }).click();
    const row = page.locator(`tr[data-reference="${made[0]}"]`);
    await row.waitFor({ timeout: 60_000 });
    await expect(row.innerText()).resolves.toContain('张建国');
    await expect(page.locator(`tr[data-reference="${made[1]}"]`).count()).resolves.toBe(1);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.mouse.move(700, 700);
    await page.screenshot({ path: path.join(screenshotsDir, 'admin-requests.png') });
    await row.getByRole('button', { name: '通过', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    expect(await statusOf(made[0])).toMatchObject({ status: 'confirmed' });
    await page.getByRole('button', { name: '已确认' }).click();
    await page.locator(`tr[data-reference="${made[0]}"]`).waitFor();
  });

  it('rejecting asks for the reason the requester will read', async () => {
    await page.getByRole('button', { name: '等待审核' }).click();
    const row = page.locator(`tr[data-reference="${made[1]}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: '不通过', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    const confirm = dialog.getByRole('button', { name: '不通过并通知申请人' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.getByRole('textbox').fill('The hall is needed for the festival rehearsal that evening.');
    await confirm.click();
    await row.waitFor({ state: 'detached' });
    expect(await statusOf(made[1])).toMatchObject({ status: 'rejected', rejectionReason: 'The hall is needed for the festival rehearsal that evening.' });
  });

  it('shows the approval and the rejection in the audit log, filtered by action, with no way to change them', async () => {
    await page.getByRole('link', { name: '操作记录' }).click();
    await page.getByRole('heading', { name: '操作记录', level: 1 }).waitFor({ timeout: 60_000 });
    const approved = page.locator('tr[data-action="reservation.approve"]');
    const rejected = page.locator('tr[data-action="reservation.reject"]');
    await approved.waitFor();
    await expect(approved.innerText()).resolves.toMatch(new RegExp(`批准预约申请[\\s\\S]*${made[0]}`));
    await expect(approved.innerText()).resolves.toContain(TEST_ADMIN.email);
    await expect(rejected.innerText()).resolves.toContain(made[1]);
    // The rejection's reason is the requester's business, kept on the booking, not in the trail.
    await expect(rejected.innerText()).resolves.not.toContain('festival');
    await page.getByRole('combobox', { name: '操作', exact: true }).click();
    await page.getByRole('option', { name: '批准预约申请' }).click();
    await rejected.waitFor({ state: 'detached' });
    await expect(approved.count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /删除|编辑|Delete|Edit/ }).count()).resolves.toBe(0);
  });

  it('edits a course’s schedule as a form, and publishing makes the new sessions', async () => {
    const admin = await asAdmin(cms);
    const { documentId, published } = await createActivity(admin, 'course', {
      slug: 'tai-chi',
      title: '太极拳',
      roomId,
      schedule: weekly(['tue'], dayAhead(1, 4), dayAhead(7, 6), '08:30', 60),
    });
    expect(published.status).toBe(200);
    const sessions = async () => ((await cms.get('/api/booking/courses/tai-chi')).body.data.sessions as Array<{ start: string }>).map((s) => s.start);
    expect(await sessions()).toEqual([4, 5, 6].map((w) => at(dayAhead(2, w), '08:30')));

    await page.goto(`${cms.url}/admin/content-manager/collection-types/plugin::booking.course/${documentId}?plugins[i18n][locale]=zh-CN`);
    const editor = page.locator('[data-schedule-editor]');
    await editor.waitFor({ timeout: 60_000 });
    // Strapi's own Chinese lacks the edit view's newer strings; cms/src/admin/translations fills them.
    await page.getByRole('tab', { name: strapiGaps['content-manager.containers.edit.tabs.draft'] }).waitFor();
    await expect(editor.getByRole('checkbox', { name: '周二' }).isChecked()).resolves.toBe(true);
    await expect(editor.getByRole('checkbox', { name: '周四' }).isChecked()).resolves.toBe(false);
    await expect(editor.getByLabel('开始时间').inputValue()).resolves.toBe('08:30');
    await editor.getByRole('checkbox', { name: '周四' }).click();
    await editor.getByLabel('停课日期').fill(dayAhead(4, 5));
    await editor.getByLabel('时长（分钟）').click(); // leaving the dates field takes them in
    await editor.screenshot({ path: path.join(screenshotsDir, 'admin-schedule.png') });
    // The page shows 已发布 as a tab too, so the toasts alone cannot tell that publishing finished.
    const answered = (action: string) => page.waitForResponse((r) => ['POST', 'PUT'].includes(r.request().method()) && r.url().includes(action) && r.ok(), { timeout: 30_000 });
    const saved = answered(`/${documentId}`);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await saved;
    await page.getByText('已保存', { exact: true }).first().waitFor({ timeout: 30_000 });
    const publishing = answered('/actions/publish');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await publishing;

    const stored = await admin.request('GET', `/content-manager/collection-types/plugin::booking.course/${documentId}?locale=zh-CN`);
    expect(stored.body.data.schedule).toEqual({
      frequency: 'weekly',
      weekdays: ['tue', 'thu'],
      startDate: dayAhead(1, 4),
      endDate: dayAhead(7, 6),
      startTime: '08:30',
      durationMinutes: 60,
      exceptions: [dayAhead(4, 5)],
    });
    expect(await sessions()).toEqual(
      [4, 5, 6].flatMap((w) => [at(dayAhead(2, w), '08:30'), ...(w === 5 ? [] : [at(dayAhead(4, w), '08:30')])])
    );
  });

  it('shows the front desk’s pages to the Front desk role and hides them from an editor', async () => {
    const pages = ['前台总览', '场地预约申请', '报名服务', '签到', '闭馆安排', '电话通知', '消息'];
    const desk = await createStaffAccount(cms, { email: 'desk@linli.test' });
    const editor = await createStaffAccount(cms, { email: 'editor@linli.test', roleCode: 'strapi-editor' });
    for (const [account, sees] of [[desk, true], [editor, false]] as const) {
      const own = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
      await signInToPanel(own, cms, account);
      const nav = own.getByRole('navigation').first();
      await nav.getByRole('link', { name: '内容管理器' }).waitFor();
      for (const name of pages) await expect(nav.getByRole('link', { name, exact: true }).count()).resolves.toBe(sees ? 1 : 0);
      // Oversight, not desk work: neither sees the audit log.
      await expect(nav.getByRole('link', { name: '操作记录', exact: true }).count()).resolves.toBe(0);
      if (!sees) {
        // Typing the address does not open the page either.
        await own.goto(`${cms.url}/admin/plugins/booking/board`);
        await own.getByText('您没有权限访问该内容').waitFor();
        await expect(own.getByRole('heading', { name: '前台总览' }).count()).resolves.toBe(0);
      }
      await own.context().close();
    }
  });

  it('finds a person by phone, exports their file and erases them after confirming (个人信息请求); the Front desk does not see the page', async () => {
    const date = dayAhead(5, 3);
    const booked = await cms.request('POST', '/api/booking/reservations', {
      data: reservation({ room: 'panel-room', start: at(date, '19:00'), end: at(date, '20:00'), contactName: '赵桂兰', phone: '13100005555', email: 'zhao.guilan@example.org' }),
    });
    expect(booked.status).toBe(201);
    // Still to come: cancelled first (the person's own link), as staff would before erasing.
    const cancelled = await manageLink(cms, 'reservations', booked.body.data.manageToken).cancel();
    expect(cancelled.status).toBe(200);

    await page.goto(`${cms.url}/admin`);
    await page.getByRole('navigation').first().getByRole('link', { name: '个人信息请求', exact: true }).click();
    const form = page.getByRole('form', { name: '查找居民' });
    await form.getByLabel('电话').fill('131 0000 5555');
    await form.getByRole('button', { name: '查找' }).click();
    const result = page.getByTestId('personal-data-result');
    await result.getByText('场地预约 1 条，活动报名 0 条').waitFor();
    await expect(result.innerText()).resolves.toContain('赵桂兰');

    const download = page.waitForEvent('download');
    await result.getByRole('button', { name: '导出文件' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^personal-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(exported.reservations).toEqual([expect.objectContaining({ reference: booked.body.data.reference, name: '赵桂兰', email: 'zhao.guilan@example.org' })]);

    await result.getByRole('button', { name: '删除…' }).click();
    const confirm = page.getByRole('alertdialog', { name: '确定删除此人的个人信息？' });
    await confirm.getByText('永久删除').first().waitFor();
    const erased = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/booking/personal-data/erase'));
    await confirm.getByRole('button', { name: '永久删除' }).click();
    expect((await erased).status()).toBe(200);
    await result.getByText('此电话或邮箱下没有任何记录。').waitFor();

    const admin = await asAdmin(cms);
    const after = await admin.request('GET', '/booking/personal-data?email=zhao.guilan@example.org');
    expect([after.body.data.reservations, after.body.data.enrolments]).toEqual([[], []]);

    const desk = await createStaffAccount(cms, { email: 'desk.privacy@linli.test' });
    const own = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await signInToPanel(own, cms, desk);
    const nav = own.getByRole('navigation').first();
    await nav.getByRole('link', { name: '前台总览', exact: true }).waitFor();
    await expect(nav.getByRole('link', { name: '个人信息请求', exact: true }).count()).resolves.toBe(0);
    await own.context().close();
  });
});
