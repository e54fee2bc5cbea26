import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pWaitFor from 'p-wait-for';
import { chromium, type Browser, type Page } from 'playwright-core';
import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { screenshotsDir } from '../../scripts/lib/screenshots.mts';
import { at, createActivity, createRoom, dayAhead, outbox, reservation, waitForMail, weekly } from '../harness/fixtures';
import { createStaffAccount, signInToPanel, type StaffAccount } from '../harness/front-desk';
import { axeViolations, CHROMIUM_ARGS, CHROMIUM_PATH } from './harness/stack';

/** The activities desk (issue #10 points 4 and 6), driven by a Front desk user whose panel is in Chinese. */
describe('the activities desk in the admin panel', () => {
  let cms: TestCms;
  let browser: Browser;
  let page: Page;
  let desk: StaffAccount;
  let courseId: string;
  const wednesdays = [1, 2, 3].map((w) => dayAhead(3, w));
  const friday = dayAhead(5, 2);

  const detail = async () => {
    const res = await desk.request('GET', `/booking/activities/course/${courseId}`);
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const names = (people: any[]) => people.map((p) => p.name);
  const written = (what: string) =>
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(what), { timeout: 30_000 });
  const enrolForm = () => page.getByRole('form', { name: '代报名' });
  const enrolAs = async (person: { name: string; phone: string; email?: string }) => {
    const form = enrolForm();
    await form.getByLabel(/^参加者姓名/).fill(person.name);
    await form.getByLabel(/^电话/).fill(person.phone);
    await form.getByLabel(/^邮箱/).fill(person.email ?? '');
    // Staff read the privacy notice out and tick once the caller agrees (left ticked after a refusal).
    const consent = form.getByRole('checkbox', { name: '对方已听取隐私告知并同意' });
    if ((await consent.getAttribute('aria-checked')) !== 'true') await consent.click();
    const answer = written('/booking/enrolments');
    await form.getByRole('button', { name: '报名', exact: true }).click();
    return answer;
  };
  const sessionRow = (id: string) => page.locator(`tr[data-session="${id}"]`);

  beforeAll(async () => {
    cms = await startTestCms({ env: { SERVE_ADMIN_PANEL: 'true' } });
    const admin = await asAdmin(cms);
    const hall = await createRoom(admin, { slug: 'hall', name: '多功能厅', requiresApproval: false });
    await createRoom(admin, { slug: 'reading', name: '阅览室', requiresApproval: false });
    const course = await createActivity(admin, 'course', { slug: 'smartphone', title: '智能手机班', capacity: 1, roomId: hall, schedule: weekly(['wed'], wednesdays[0], wednesdays[2], '09:30', 90) });
    expect(course.published.status).toBe(200);
    courseId = course.documentId;
    const talk = await createActivity(admin, 'event', { slug: 'health-talk', title: '健康讲座', capacity: 50, roomId: hall, schedule: weekly(['sat'], dayAhead(6, 2), dayAhead(6, 2), '10:00', 60) });
    expect(talk.published.status).toBe(200);
    // The choir holds the hall on Friday afternoon: moving the class there clashes.
    const choir = await cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'hall', start: at(friday, '14:00'), end: at(friday, '15:00') }) });
    expect(choir.status).toBe(201);
    desk = await createStaffAccount(cms, { email: 'desk@linli.test' });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await signInToPanel(page, cms, desk);
    mkdirSync(screenshotsDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  it('finds the course by a word of its title and enrols two people at the desk: the second is waiting-listed', async () => {
    await page.goto(`${cms.url}/admin/plugins/booking/activities`);
    await page.locator('tr[data-activity="health-talk"]').waitFor({ timeout: 60_000 });
    await page.getByLabel('查找课程或活动').fill('手机');
    await page.locator('tr[data-activity="health-talk"]').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: '智能手机班' }).click();
    await enrolForm().waitFor();

    expect((await enrolAs({ name: '钱奶奶', phone: '13900000051', email: 'qian@example.org' })).status()).toBe(201);
    await page.locator('[data-list="confirmed"] tr[data-name="钱奶奶"]').waitFor();
    // No choice made at the desk: told as before, by the e-mail she gave, and staff read it beside her contact.
    await expect(page.locator('tr[data-name="钱奶奶"] [data-notify-by]').innerText()).resolves.toBe('通知方式：电子邮件');
    expect((await enrolAs({ name: '孙爷爷', phone: '139 0000 0052', email: 'sun@example.org' })).status()).toBe(201);
    const waiting = page.locator('[data-list="waitlist"] tr[data-name="孙爷爷"]');
    await waiting.waitFor();
    await expect(waiting.locator('td').first().innerText()).resolves.toBe('1');
    await expect(sessionRow((await detail()).sessions[0].id).locator('[data-places]').innerText()).resolves.toBe('已报 1 · 剩余 0 · 候补 1 人');

    const d = await detail();
    expect(names(d.lists[0].confirmed)).toEqual(['钱奶奶']);
    expect(d.lists[0].waitlist.map((p: any) => [p.name, p.position])).toEqual([['孙爷爷', 1]]);
    await waitForMail(cms.mailDir, (m) => m.to === 'sun@example.org' && m.subject === '已进入候补：智能手机班');
    // The README's picture: the course with one enrolled and one waiting, once the notice has gone.
    await page.getByText('孙爷爷已进入候补，第 1 位。').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('link', { name: '全部课程和活动' }).scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(screenshotsDir, 'admin-activities.png'), fullPage: true });
  });

  it('bad input gets the field’s message in Chinese and enrols nobody', async () => {
    const before = await detail();
    const form = enrolForm();
    let posted = 0;
    const count = (r: { method(): string; url(): string }) => {
      if (r.method() === 'POST' && r.url().includes('/booking/enrolments')) posted += 1;
    };
    page.on('request', count);
    await form.getByLabel(/^参加者姓名/).fill('');
    await form.getByLabel(/^电话/).fill('打电话');
    await form.getByRole('button', { name: '报名', exact: true }).click();
    await form.getByText('请填写参加者姓名。').waitFor();
    await form.getByText('请向对方宣读隐私告知，对方同意后勾选此项。').waitFor();
    // The notice staff read out arrives a moment after the form opens.
    await form.locator('[data-privacy-notice]', { hasText: '12个月' }).waitFor();
    await form.getByText('电话号码只能包含数字、空格或短横线。').waitFor();
    await form.getByLabel(/^参加者姓名/).fill('周阿姨');
    await form.getByLabel(/^电话/).fill('139');
    await form.getByRole('button', { name: '报名', exact: true }).click();
    await form.getByText('电话号码位数不对（手机号为 11 位）。').waitFor();
    page.off('request', count);
    expect(posted).toBe(0);

    // The server's refusal (the same phone, typed another way) is said in Chinese under the field too.
    const twice = await enrolAs({ name: '钱奶奶', phone: '+86 139-0000-0051' });
    expect(twice.status()).toBe(400);
    await form.getByText('使用此电话或邮箱的人已经报过名了。').waitFor();
    expect((await detail()).lists).toEqual(before.lists);
  });

  it('cancelling the first on their behalf promotes the second, who is told by mail', async () => {
    const first = page.locator('[data-list="confirmed"] tr[data-name="钱奶奶"]');
    await first.getByRole('button', { name: /^取消报名/ }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('名额将让给候补名单上的第一位').waitFor();
    const cancelled = written('/cancel');
    await dialog.getByRole('button', { name: '确认取消报名', exact: true }).click();
    expect((await cancelled).status()).toBe(200);
    await page.locator('[data-list="confirmed"] tr[data-name="孙爷爷"]').waitFor();
    await page.getByText('没有人候补。').waitFor();
    await first.waitFor({ state: 'detached' });

    const d = await detail();
    expect(names(d.lists[0].confirmed)).toEqual(['孙爷爷']);
    expect(d.lists[0].waitlist).toEqual([]);
    await waitForMail(cms.mailDir, (m) => m.to === 'sun@example.org' && m.subject === '候补成功：智能手机班');
  });

  it('cancels a session with a reason, from the day board’s link to it; everyone enrolled is mailed', async () => {
    const [first] = (await detail()).sessions;
    await page.goto(`${cms.url}/admin/plugins/booking/activities?session=${first.id}`);
    const row = sessionRow(first.id);
    await row.waitFor({ timeout: 60_000 });
    await expect(row.getAttribute('aria-current')).resolves.toBe('true');
    expect(page.url()).toContain(`/activities/course/${courseId}`);

    await row.getByRole('button', { name: /^停课/ }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: '停课并通知所有人', exact: true }).click();
    await dialog.getByText('请填写原因：所有报名者都会看到。').waitFor();
    await dialog.getByRole('textbox').fill('场地检修');
    const cancelled = written(`/sessions/${first.id}/cancel`);
    await dialog.getByRole('button', { name: '停课并通知所有人', exact: true }).click();
    expect((await cancelled).status()).toBe(200);
    await row.getByText('已停课').waitFor();
    await row.getByText('场地检修').waitFor();
    expect((await detail()).sessions[0]).toMatchObject({ id: first.id, status: 'cancelled', note: '场地检修' });
    const mail = await waitForMail(cms.mailDir, (m) => m.to === 'sun@example.org' && m.subject.startsWith('停课通知：智能手机班'));
    expect(mail.text).toContain('场地检修');
  });

  it('moves a session to a new time on the centre’s clock; a move onto a booking is refused with what it clashes with, and changes nothing', async () => {
    const second = (await detail()).sessions[1];
    expect(second.start).toBe(at(wednesdays[1], '09:30'));
    const row = sessionRow(second.id);
    await row.getByRole('button', { name: /^调课/ }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.getByLabel(/^日期/).inputValue()).resolves.toBe(wednesdays[1]);
    await expect(dialog.getByLabel(/^开始时间/).inputValue()).resolves.toBe('09:30');
    await dialog.getByLabel(/^日期/).fill(friday);
    await dialog.getByLabel(/^开始时间/).fill('14:30');
    await dialog.getByLabel(/^结束时间/).fill('16:00');
    const refused = written(`/sessions/${second.id}/move`);
    await dialog.getByRole('button', { name: '调课并通知所有人', exact: true }).click();
    expect((await refused).status()).toBe(409);
    const clash = dialog.getByRole('alert');
    await clash.waitFor();
    await expect(clash.innerText()).resolves.toMatch(/该时段该功能室已被占用：场地预约 .*14:00–15:00。未做任何更改。/);
    expect((await detail()).sessions[1]).toMatchObject({ start: at(wednesdays[1], '09:30'), end: at(wednesdays[1], '11:00'), scheduled: null });

    await dialog.getByLabel(/^开始时间/).fill('10:00');
    await dialog.getByLabel(/^结束时间/).fill('11:30');
    const moved = written(`/sessions/${second.id}/move`);
    await dialog.getByRole('button', { name: '调课并通知所有人', exact: true }).click();
    expect((await moved).status()).toBe(200);
    await dialog.waitFor({ state: 'detached' });
    await row.getByText(/原定/).waitFor();
    expect((await detail()).sessions[1]).toMatchObject({ id: second.id, start: at(friday, '10:00'), end: at(friday, '11:30'), scheduled: { start: at(wednesdays[1], '09:30') } });
    const mail = await waitForMail(cms.mailDir, (m) => m.to === 'sun@example.org' && m.subject.startsWith('调课通知：智能手机班'));
    expect(mail.text).toContain('10:00');
    // Nobody was told about the refused move.
    expect(outbox(cms.mailDir).filter((m) => m.subject.startsWith('调课通知'))).toHaveLength(1);
  });

  it('shows an enrolled person’s messages under their line: each by mail, sent', async () => {
    await page.goto(`${cms.url}/admin/plugins/booking/activities/course/${courseId}`);
    const sun = page.locator('[data-list="confirmed"] tr[data-name="孙爷爷"]');
    await sun.waitFor({ timeout: 60_000 });
    await sun.getByRole('button', { name: /^消息记录/ }).click();
    const log = page.locator('[data-messages-about^="enrolment:"]');
    await log.locator('tr[data-state="sent"]').getByText('候补转正').waitFor();
    await log.getByText('s***@example.org').first().waitFor();
  });

  it('rings whoever gave only a phone from the call list and ticks them off as reached', async () => {
    // A booking by phone alone: the confirmation waits on the call list for staff.
    const booked = await cms.request('POST', '/api/booking/reservations', {
      data: reservation({ room: 'reading', start: at(friday, '16:00'), end: at(friday, '17:00'), contactName: '吴大爷', phone: '13700003333', email: null }),
    });
    expect(booked.status).toBe(201);
    // The call is written after the booking commits, a moment after the answer.
    await pWaitFor(async () => JSON.stringify((await desk.request('GET', '/booking/calls')).body).includes('吴大爷'), { timeout: 10_000 });
    await page.goto(`${cms.url}/admin/plugins/booking/calls`);
    const wu = page.locator('tr[data-person="吴大爷"]');
    await wu.waitFor({ timeout: 60_000 });
    await wu.getByText('预约已确认').waitFor();
    await expect(wu.locator('.phone').innerText()).resolves.toMatch(/13700003333$/);
    await page.getByRole('button', { name: '打印', exact: true }).waitFor();

    await wu.getByLabel('备注（可不填）').fill('已告知');
    const ticked = written('/booking/calls/');
    await wu.getByRole('button', { name: '已接通', exact: true }).click();
    expect((await ticked).status()).toBe(200);
    await wu.locator('[data-state="sent"]').getByText('已接通 · 小 李', { exact: false }).waitFor();
    await expect(wu.getByRole('button', { name: '已接通', exact: true }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Printed: the list under its heading, without the panel's navigation or the buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { name: /^电话通知名单 · / }).isVisible()).resolves.toBe(true);
    await expect(wu.isVisible()).resolves.toBe(true);
    await expect(page.getByRole('navigation').first().isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: '打印', exact: true }).isVisible()).resolves.toBe(false);
    await page.screenshot({ path: path.join(screenshotsDir, 'admin-call-list-print.png') });
    await page.emulateMedia({ media: 'screen' });
  });

  it('has no accessibility violation axe-core can find on the plugin’s page', async () => {
    await page.goto(`${cms.url}/admin/plugins/booking/activities/course/${courseId}`);
    await enrolForm().waitFor({ timeout: 60_000 });
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${cms.url}/admin/plugins/booking/activities`);
    await page.locator('tr[data-activity="smartphone"]').waitFor({ timeout: 60_000 });
    expect(await axeViolations(page)).toEqual([]);
  });
});
