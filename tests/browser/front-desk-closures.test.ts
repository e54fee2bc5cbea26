import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { createStaffAccount, signInToPanel, type StaffAccount } from '../harness/front-desk';
import { CONSENT, at, createActivity, createRoom, dayAhead, reservation, waitForMail, weekly } from '../harness/fixtures';
import { screenshotsDir } from '../../scripts/lib/screenshots.mts';
import { axeViolations, CHROMIUM_ARGS, CHROMIUM_PATH } from './harness/stack';

/** The front desk closes the hall for a day from the admin panel, in Chinese, and tells everyone affected. */
describe('the front desk declares a closure', () => {
  let cms: TestCms;
  let browser: Browser;
  let page: Page;
  let desk: StaffAccount;
  const friday = dayAhead(5, 2);
  const refs: Record<'mailed' | 'phoned' | 'elsewhere', string> = { mailed: '', phoned: '', elsewhere: '' };

  beforeAll(async () => {
    cms = await startTestCms({ env: { SERVE_ADMIN_PANEL: 'true' } });
    const admin = await asAdmin(cms);
    const hall = await createRoom(admin, { slug: 'hall', name: '多功能厅', requiresApproval: false });
    await createRoom(admin, { slug: 'reading', name: '阅览室', requiresApproval: false });
    const course = await createActivity(admin, 'course', { slug: 'calligraphy', title: '书法班', roomId: hall, schedule: weekly(['fri'], friday, friday, '14:00', 60) });
    expect(course.published.status).toBe(200);
    expect((await cms.request('POST', '/api/booking/enrolments', { data: { ...CONSENT, course: 'calligraphy', name: '陈阿姨', phone: '13900000003', email: 'chen@example.org' } })).status).toBe(201);
    const book = async (data: Record<string, unknown>) => {
      const res = await cms.request('POST', '/api/booking/reservations', { data: reservation(data) });
      if (res.status !== 201) throw new Error(`reservation: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.data.reference as string;
    };
    refs.mailed = await book({ room: 'hall', start: at(friday, '10:00'), end: at(friday, '11:00'), contactName: '李秀英', email: 'li@example.org' });
    refs.phoned = await book({ room: 'hall', start: at(friday, '17:00'), end: at(friday, '18:00'), contactName: '王大妈', phone: '13900000001', email: '' });
    refs.elsewhere = await book({ room: 'reading', start: at(friday, '10:00'), end: at(friday, '11:00'), email: 'reader@example.org' });

    desk = await createStaffAccount(cms, { email: 'desk@linli.test' });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })).newPage();
    await signInToPanel(page, cms, desk);
    await page.goto(`${cms.url}/admin/plugins/booking/closures`);
    await page.getByRole('heading', { name: '闭馆安排', level: 1 }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  const statusOf = async (reference: string) => {
    const res = await desk.request('GET', `/booking/reservations?from=${friday}&to=${friday}&pageSize=100`);
    return (res.body.data as any[]).find((r) => r.reference === reference)?.status;
  };
  const sessionStatus = async () => ((await cms.get(`/api/booking/timetable?from=${friday}&to=${friday}`)).body.data as any[]).find((s) => s.activity.slug === 'calligraphy')?.status;

  it('refuses an end before the start with the field’s message in Chinese, saving nothing', async () => {
    await page.getByRole('button', { name: '新建闭馆', exact: true }).click();
    await page.getByRole('checkbox', { name: '多功能厅' }).click();
    await page.getByLabel(/^开始/).fill(`${friday}T08:00`);
    await page.getByLabel(/^结束/).fill(`${friday}T07:00`);
    await page.getByLabel(/^闭馆原因（中文）/).fill('水管维修');
    await page.getByRole('button', { name: '查看受影响的预约和课程', exact: true }).click();
    await page.getByText('结束时间必须晚于开始时间。').waitFor();
    expect(await page.getByTestId('closure-preview').count()).toBe(0);
    expect((await desk.request('GET', '/booking/closures')).body.data).toEqual([]);
  });

  it('previews the bookings, the session and the people, with those to phone and the mail they get', async () => {
    await page.getByLabel(/^结束/).fill(`${friday}T22:00`);
    await page.getByLabel(/^闭馆原因（英文）/).fill('Water pipe repairs');
    const answered = page.waitForResponse((r) => r.url().endsWith('/booking/closures/preview') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '查看受影响的预约和课程', exact: true }).click();
    expect((await answered).status()).toBe(200);
    const preview = page.getByTestId('closure-preview');
    await preview.waitFor();
    const text = await preview.innerText();
    for (const expected of [refs.mailed, refs.phoned, '李秀英', '书法班', '已报名 1 人', '共 3 人：2 人有邮箱，1 人需电话通知']) expect(text).toContain(expected);
    expect(text).not.toContain(refs.elsewhere);
    await expect(page.getByTestId('phone-only').innerText()).resolves.toContain('王大妈 · 13900000001');
    const messages = page.getByTestId('message-preview');
    expect(await messages.count()).toBe(4);
    await expect(messages.first().innerText()).resolves.toContain('水管维修');
    await expect(page.locator('[data-testid="message-preview"][lang="en"]').first().innerText()).resolves.toContain('Water pipe repairs');
    // Nothing is saved by looking.
    expect((await desk.request('GET', '/booking/closures')).body.data).toEqual([]);
    expect(await statusOf(refs.mailed)).toBe('confirmed');

    // Away from the buttons: a hovered button is not what a reader sees.
    await page.mouse.move(5, 500);
    expect(await axeViolations(page)).toEqual([]);
    // Tall enough to show the preview down to the people to phone and the mails (the panel scrolls inside itself).
    await page.setViewportSize({ width: 1400, height: 2200 });
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, 'admin-closures.png') });
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it('“save, cancel these and tell everyone” cancels them at once, mails those with e-mail and lists those to phone', async () => {
    const saved = page.waitForResponse((r) => r.url().endsWith('/booking/closures') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '保存并取消受影响的预约和课程，通知所有人', exact: true }).click();
    expect((await saved).status()).toBe(201);
    const result = page.getByTestId('closure-result');
    await result.waitFor();
    const text = await result.innerText();
    for (const expected of ['已取消的预约（2）', '已取消的场次（1）', '2 人已收到邮件通知；1 人需电话通知', '王大妈']) expect(text).toContain(expected);

    expect(await statusOf(refs.mailed)).toBe('cancelled');
    expect(await statusOf(refs.phoned)).toBe('cancelled');
    expect(await statusOf(refs.elsewhere)).toBe('confirmed');
    expect(await sessionStatus()).toBe('cancelled');
    const booking = await waitForMail(cms.mailDir, (m) => m.to === 'li@example.org' && m.subject.startsWith('预约已取消'));
    expect(booking.text).toContain('水管维修');
    const session = await waitForMail(cms.mailDir, (m) => m.to === 'chen@example.org' && m.subject.startsWith('停课通知：书法班'));
    expect(session.text).toContain('水管维修');

    const listed = page.getByRole('row', { name: /水管维修/ });
    await listed.waitFor();
    await expect(listed.innerText()).resolves.toContain('多功能厅');
    await page.mouse.move(5, 500);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('removes a closure after asking, and the hall can be booked that day again', async () => {
    const row = page.getByRole('row', { name: /水管维修/ });
    await row.getByRole('button', { name: '删除', exact: true }).click();
    const removed = page.waitForResponse((r) => r.url().includes('/booking/closures/') && r.request().method() === 'DELETE');
    await page.getByRole('button', { name: '删除闭馆', exact: true }).click();
    expect((await removed).status()).toBe(204);
    await row.waitFor({ state: 'detached' });
    expect((await desk.request('GET', '/booking/closures')).body.data).toEqual([]);
    const again = await cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'hall', start: at(friday, '12:00'), end: at(friday, '13:00') }) });
    expect(again.status).toBe(201);
  });
});
