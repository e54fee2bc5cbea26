import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { asAdmin } from '../harness/admin';
import { startTestCms, TEST_ADMIN, type TestCms } from '../harness/cms';
import { CONSENT, createActivity, createRoom, TZ, weekly } from '../harness/fixtures';
import { createStaffAccount, signInToPanel, type StaffAccount } from '../harness/front-desk';
import { screenshotsDir } from '../../scripts/lib/screenshots.mts';
import { addDays, isoWeekdayOf, zonedDateOf } from '../../plugins/booking/server/src/core/time/zoned';
import { axeViolations, CHROMIUM_ARGS, CHROMIUM_PATH } from './harness/stack';

const WEEKDAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** A tablet held upright (an iPad Air's CSS size), with touch. */
const TABLET = { viewport: { width: 820, height: 1180 }, hasTouch: true };
/** Three families in the after-school class; Chen brings a grandchild. */
const FAMILIES = [
  { name: '王秀兰', phone: '13900000001', people: 1, note: '孩子：孙小明，三年级，奶奶接' },
  { name: '陈建国', phone: '13900000002', people: 2 },
  { name: '李明', phone: '13900000003', people: 1 },
];

/** Front desk staff on a tablet in Chinese: today's sessions, marking who came, walk-ins, the printed sign-in sheet. */
describe('attendance at the front desk, on a tablet', () => {
  let cms: TestCms;
  let browser: Browser;
  let page: Page;
  let desk: StaffAccount;
  let sessionId: string;
  let roomId: string;
  const today = zonedDateOf(new Date(), TZ);
  const enrolment: Record<string, string> = {};
  const roster = async () => (await desk.request('GET', `/booking/sessions/${sessionId}/enrolments`)).body.data;
  const row = (name: string) => page.locator(`li[data-enrolment="${enrolment[name]}"]`);

  beforeAll(async () => {
    cms = await startTestCms({ env: { SERVE_ADMIN_PANEL: 'true' } });
    const admin = await asAdmin(cms);
    roomId = await createRoom(admin, { slug: 'classroom', name: '四点半课堂教室', capacity: 30, requiresApproval: false });
    // A term under way since last week, meeting on today's weekday at 16:30, still taking enrolments.
    const course = await createActivity(admin, 'course', {
      slug: 'after-school',
      title: '四点半课堂',
      capacity: 20,
      maxPeoplePerEnrolment: 3,
      roomId,
      enrolmentClosesAt: `${addDays(today, 7)}T00:00:00+08:00`,
      schedule: weekly([WEEKDAY[isoWeekdayOf(today) - 1]], addDays(today, -7), addDays(today, 14), '16:30', 90),
    });
    if (course.published.status !== 200) throw new Error(`publish: ${JSON.stringify(course.published.body)}`);
    for (const family of FAMILIES) {
      const res = await cms.request('POST', '/api/booking/enrolments', { data: { ...CONSENT, course: 'after-school', ...family } });
      if (res.status !== 201) throw new Error(`enrol ${family.name}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    desk = await createStaffAccount(cms, { email: 'desk@linli.test' });
    const day = (await desk.request('GET', '/booking/sessions')).body.data;
    sessionId = day.sessions.find((s: any) => s.activity.slug === 'after-school').id;
    for (const p of (await roster()).confirmed) enrolment[p.name] = p.enrolment;

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await (await browser.newContext(TABLET)).newPage();
    await signInToPanel(page, cms, desk);
    mkdirSync(screenshotsDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  it('lists today’s sessions with time, room, enrolled count and that attendance is not marked yet', async () => {
    await page.goto(`${cms.url}/admin/plugins/booking/attendance`);
    const item = page.locator(`button[data-session="${sessionId}"]`);
    await item.waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '今天', exact: true }).waitFor();
    const text = await item.innerText();
    for (const part of ['16:30–18:00', '四点半课堂', '四点半课堂教室', '已报名 3 份（4 人）', '未签到']) expect(text).toContain(part);
    expect(await axeViolations(page, 'main')).toEqual([]);
    // The next day lists the next week's session only if there is one: none on the next day here.
    await page.getByRole('button', { name: '后一天', exact: true }).tap();
    await page.getByText('这一天没有课程或活动。').waitFor();
    expect(new URL(page.url()).searchParams.get('date')).toBe(addDays(today, 1));
    await page.getByRole('button', { name: '今天', exact: true }).tap();
    await item.tap();
    await row('王秀兰').waitFor();
    expect(new URL(page.url()).searchParams.get('session')).toBe(sessionId);
  });

  it('marks who came with large buttons, counts walk-ins and shows the running 人次, refusing a walk-in count that is not a number', async () => {
    await expect(row('王秀兰').innerText()).resolves.toContain('孩子：孙小明，三年级，奶奶接');
    const present = row('王秀兰').getByRole('button', { name: '到场', exact: true });
    const box = await present.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);

    await present.tap();
    await row('陈建国').getByRole('button', { name: '到场', exact: true }).tap();
    await row('李明').getByRole('button', { name: '缺席', exact: true }).tap();
    const total = page.locator('[data-person-visits]');
    // Wang alone and Chen with a grandchild.
    await expect(total.getAttribute('data-person-visits')).resolves.toBe('3');

    const walkIns = page.getByLabel('散客', { exact: true });
    await walkIns.fill('三个');
    await page.getByRole('button', { name: '保存签到', exact: true }).tap();
    await page.getByText('散客人数须为 0 到 100000 之间的整数。').waitFor();
    expect((await roster()).attendance.marked).toBe(false);

    await walkIns.fill('0');
    for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: '散客加一', exact: true }).tap();
    await expect(walkIns.inputValue()).resolves.toBe('3');
    await expect(total.innerText()).resolves.toContain('合计人次：6');
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: path.join(screenshotsDir, 'admin-attendance-tablet.png'), fullPage: true });

    const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/booking/sessions/${sessionId}/attendance`));
    await page.getByRole('button', { name: '保存签到', exact: true }).tap();
    expect((await saved).status()).toBe(200);
    await page.getByText('签到已保存：共 6 人次。').waitFor();
    const after = await roster();
    expect(after.confirmed.map((p: any) => [p.name, p.present, p.presentPeople])).toEqual([
      ['王秀兰', true, 1],
      ['陈建国', true, 2],
      ['李明', false, null],
    ]);
    expect(after.attendance).toEqual({ marked: true, present: 3, walkIns: 3, personVisits: 6 });
  });

  it('shows what was saved when the session is opened again, and the day’s list says it is marked', async () => {
    await page.reload();
    await row('王秀兰').waitFor({ timeout: 60_000 });
    await expect(row('王秀兰').getByRole('button', { name: '到场', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(row('陈建国').getByLabel('到场人数（陈建国）').inputValue()).resolves.toBe('2');
    await expect(row('李明').getByRole('button', { name: '缺席', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByLabel('散客', { exact: true }).inputValue()).resolves.toBe('3');

    // Entering a paper sheet's result is the same roster, numbered as the sheet, signed or not.
    await page.getByRole('button', { name: '从签到表录入', exact: true }).tap();
    await expect(row('李明').getByRole('button', { name: '未签', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(row('李明').textContent()).resolves.toMatch(/^签到表序号\s*3李明/);
    await page.getByLabel('签到表上的散客', { exact: true }).waitFor();

    await page.getByRole('button', { name: '返回当天列表', exact: true }).tap();
    await expect(page.locator(`button[data-session="${sessionId}"]`).innerText()).resolves.toContain('已签到 · 6 人次');
  });

  it('prints an A4 sign-in sheet with the names, phones masked to their last four digits and an empty signature column', async () => {
    await page.locator(`button[data-session="${sessionId}"]`).tap();
    const opened = page.context().waitForEvent('page');
    await page.getByRole('link', { name: '打印签到表' }).tap();
    const sheet = await opened;
    await sheet.setViewportSize({ width: 820, height: 1180 });
    const lines = sheet.locator('#linli-signin-sheet tbody tr[data-enrolment]');
    await lines.first().waitFor({ timeout: 60_000 });
    expect(new URL(sheet.url()).pathname).toBe(`/admin/plugins/booking/attendance/sheet/${sessionId}`);
    const sheetText = await sheet.locator('#linli-signin-sheet').innerText();
    for (const part of ['签到表 Sign-in sheet', '四点半课堂', '四点半课堂教室', '签名', 'Signature']) expect(sheetText).toContain(part);
    expect(await lines.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)))).toEqual([
      ['1', '王秀兰', '****0001', '1', ''],
      ['2', '陈建国', '****0002', '2', ''],
      ['3', '李明', '****0003', '1', ''],
    ]);
    expect(sheetText).not.toContain('13900000001');
    expect(await sheet.locator('#linli-signin-sheet tr[data-walk-in-line]').count()).toBeGreaterThanOrEqual(5);
    expect(await axeViolations(sheet, '#linli-signin-sheet')).toEqual([]);
    await sheet.screenshot({ path: path.join(screenshotsDir, 'admin-signin-sheet.png') });

    // Printed, only the sheet shows: Strapi's menu and the print button are hidden.
    await sheet.emulateMedia({ media: 'print' });
    expect(await sheet.locator('nav').first().isVisible()).toBe(false);
    expect(await sheet.getByRole('button', { name: '打印 Print' }).isVisible()).toBe(false);
    await expect(sheet.getByText('王秀兰').isVisible()).resolves.toBe(true);
    const pdf = await sheet.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    // One page object for a class of three.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    await sheet.close();
  });

  it('lists another day’s sessions from the date picker, and a session still to come cannot be marked yet', async () => {
    const nextWeek = addDays(today, 7);
    await page.goto(`${cms.url}/admin/plugins/booking/attendance`);
    await page.getByLabel('日期', { exact: true }).fill(nextWeek);
    await page.getByRole('heading', { level: 2, name: `${Number(nextWeek.slice(5, 7))}月${Number(nextWeek.slice(8, 10))}日` }).waitFor();
    expect(new URL(page.url()).searchParams.get('date')).toBe(nextWeek);
    const item = page.locator('button[data-session]');
    await expect(item.first().innerText()).resolves.toContain('未签到');
    await item.first().tap();
    await page.getByText(`这节课在 ${nextWeek}：当天或之后才能签到。`).waitFor();
    expect(await row('王秀兰').getByRole('button', { name: '到场', exact: true }).isDisabled()).toBe(true);
    // Back to that day's list, not today's.
    await page.getByRole('button', { name: '返回当天列表', exact: true }).tap();
    await page.locator('button[data-session]').first().waitFor();
    expect(new URL(page.url()).searchParams.get('date')).toBe(nextWeek);
  });

  /** The first day of the month `back` months before today's, and that month's last day (YYYY-MM-DD). */
  const monthBack = (back: number) => {
    const [y, m] = today.split('-').map(Number);
    const first = new Date(Date.UTC(y, m - 1 - back, 1));
    const last = new Date(Date.UTC(y, m - back, 0));
    return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
  };

  it('reports a month’s service (统计报表): figures, the sentence to copy, charts, the .xlsx read back, an A4 print, in both languages', async () => {
    // Two months back, so that no session of the class above falls in it: three sessions of a
    // reading club in the first week, two marked with walk-ins only (5 and 7), one never marked.
    const month = monthBack(2);
    const club = await createActivity(await asAdmin(cms), 'course', {
      slug: 'reading-club',
      title: '读书会',
      capacity: 20,
      roomId,
      schedule: weekly(['mon', 'wed', 'fri'], month.from, addDays(month.from, 6), '10:00', 90),
    });
    if (club.published.status !== 200) throw new Error(`publish: ${JSON.stringify(club.published.body)}`);
    const clubSessions: string[] = [];
    for (let d = 0; d < 7; d += 1) {
      const day = (await desk.request('GET', `/booking/sessions?date=${addDays(month.from, d)}`)).body.data;
      for (const s of day.sessions) if (s.activity.slug === 'reading-club') clubSessions.push(s.id);
    }
    expect(clubSessions).toHaveLength(3);
    for (const [i, walkIns] of [5, 7].entries()) {
      const marked = await desk.request('POST', `/booking/sessions/${clubSessions[i]}/attendance`, { data: { present: [], walkIns } });
      expect(marked.status).toBe(200);
    }

    // The super admin (who holds "View reports"), on a desktop in the centre's zone, reading Chinese.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: TZ, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cms.url });
    // A fresh context loads the whole panel again: on a busy machine that takes longer than a page of the tablet's.
    context.setDefaultNavigationTimeout(120_000);
    const director = await context.newPage();
    await signInToPanel(director, cms, TEST_ADMIN);
    await director.getByRole('link', { name: '统计报表' }).click();
    // A monthly report is about the month that has ended.
    const lastMonth = monthBack(1);
    await director.locator(`[data-report="${lastMonth.from}/${lastMonth.to}"]`).waitFor({ timeout: 60_000 });
    await director.getByRole('button', { name: '上个月', exact: true }).click();
    const report = director.locator(`[data-report="${month.from}/${month.to}"]`);
    await report.waitFor({ timeout: 30_000 });
    expect(new URL(director.url()).searchParams.get('from')).toBe(month.from);

    const card = (key: string) => report.locator(`[data-figure="${key}"]`);
    await expect(card('held').getAttribute('data-value')).resolves.toBe('3');
    await expect(card('visits').getAttribute('data-value')).resolves.toBe('12');
    // Nothing the month before: no percentage, said in words.
    await expect(card('visits').locator('[data-compare="previous"]').innerText()).resolves.toBe('较上期：无从比较（上期 0）');
    await expect(card('visits').locator('[data-unmarked]').innerText()).resolves.toBe('1 场活动未签到，报名 0 人（未计入上方人次）。');
    await expect(card('visits').innerText()).resolves.toContain('签到到场 0，散客 12');
    const sentence = await report.locator('[data-sentence="zh-CN"]').innerText();
    expect(sentence).toContain('共开展活动3场');
    expect(sentence).toContain('服务居民12人次');
    await report.getByRole('button', { name: '复制中文', exact: true }).click();
    await expect(director.evaluate(() => navigator.clipboard.readText())).resolves.toBe(sentence);

    // The charts are drawn from the figures: a bar for the room's visits.
    await report.locator('[data-chart="by-room"] .recharts-bar-rectangle path').first().waitFor();
    const tableRows = report.locator('table[data-table="sessions"] tbody tr');
    await expect(tableRows.count()).resolves.toBe(3);
    await expect(tableRows.nth(2).innerText()).resolves.toContain('未签到');
    expect(await axeViolations(director, '[data-report]')).toEqual([]);

    // The workbook, downloaded as staff download it, opened with the library that wrote it.
    const downloading = director.waitForEvent('download');
    await director.getByRole('button', { name: '下载 Excel（.xlsx）', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`service-report-${month.from}-${month.to}.xlsx`);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'linli-report-')), download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const summary = book.getWorksheet('概要 Summary')!;
    const figure = (label: string) => {
      let found: unknown;
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(figure('开展活动（场） Sessions held')).toBe(3);
    expect(figure('服务人次 Person-visits')).toBe(12);
    expect(book.getWorksheet('活动 Sessions')!.rowCount).toBe(4);

    // The print view: the report alone, on A4.
    const opened = context.waitForEvent('page');
    await director.getByRole('link', { name: '打印（A4）' }).click();
    const print = await opened;
    await print.locator('#linli-report-print [data-figure="held"]').waitFor({ timeout: 60_000 });
    expect(new URL(print.url()).pathname).toBe('/admin/plugins/booking/reports/print');
    await print.locator('#linli-report-print [data-chart="by-room"] .recharts-bar-rectangle path').first().waitFor();
    await print.screenshot({ path: path.join(screenshotsDir, 'admin-reports-print.png'), fullPage: true });
    await print.emulateMedia({ media: 'print' });
    expect(await print.locator('nav').first().isVisible()).toBe(false);
    expect(await print.getByRole('button', { name: '打印', exact: true }).isVisible()).toBe(false);
    const pdf = await print.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(path.join(screenshotsDir, 'admin-reports-print.pdf'), pdf);
    // Figures with their definitions, the sentences, four charts and the tables of a small month: three pages at most.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)!.length).toBeLessThanOrEqual(3);
    await print.close();

    // The year holding that month: a line of person-visits through its months.
    await director.getByRole('button', { name: '年', exact: true }).click();
    const year = { from: `${month.from.slice(0, 4)}-01-01`, to: `${month.from.slice(0, 4)}-12-31` };
    const yearReport = director.locator(`[data-report="${year.from}/${year.to}"]`);
    await yearReport.waitFor({ timeout: 30_000 });
    const line = yearReport.locator('[data-chart="visits-by-month"] path.recharts-line-curve').first();
    await line.waitFor();
    await expect(line.getAttribute('d')).resolves.toMatch(/^M[\d.]+,[\d.]+(C|L)/);
    // The panel scrolls inside its own frame, so a tall window shows the charts too.
    await director.setViewportSize({ width: 1400, height: 2000 });
    await director.mouse.move(700, 10);
    await director.screenshot({ path: path.join(screenshotsDir, 'admin-reports.png') });
    await director.setViewportSize({ width: 1400, height: 900 });

    // In English, after the director switches the panel's language.
    const admin = await asAdmin(cms);
    expect((await admin.request('PUT', '/admin/users/me', { preferedLanguage: 'en' })).status).toBe(200);
    try {
      await director.goto(`${cms.url}/admin/plugins/booking/reports?from=${month.from}&to=${month.to}`);
      await report.locator('[data-figure="held"] h3').getByText('Activities held', { exact: true }).waitFor({ timeout: 60_000 });
      await expect(report.locator('[data-sentence="en"]').innerText()).resolves.toContain('held 3 activities');
      await expect(card('visits').locator('[data-unmarked]').innerText()).resolves.toBe('1 session without attendance marked; 0 enrolled in them (not counted above).');
    } finally {
      await admin.request('PUT', '/admin/users/me', { preferedLanguage: 'zh-Hans' });
      await context.close();
    }
  });
});
