import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, isoWeekdayOf, zonedDateOf } from '../../plugins/booking/server/src/core/time/zoned';
import { screenshotsDir } from '../../scripts/lib/screenshots.mts';
import { asAdmin } from '../harness/admin';
import { CONSENT, at, createActivity, dayAhead, eveningClock, manageLink, reservation, waitForMail, weekly } from '../harness/fixtures';
import { axeViolations, startSiteStack, type SiteStack } from './harness/stack';
import { expandAvailability } from '../../site/src/lib/room-availability';

const TZ = 'Asia/Shanghai';
const ROOM = 'multi-purpose-hall';

/** "11月24日", as the Chinese room page heads a day. */
const zhDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

describe('booking and enrolling on the site, in Chromium', () => {
  let stack: SiteStack;
  // The CMS's clock (what the reminder sweep reads) stands at 18:00:30, when evening reminders are due.
  const clock = eveningClock();
  /** A weekday evening next week or later when the hall is free from 19:00 to 21:00. */
  let evening: string;

  beforeAll(async () => {
    stack = await startSiteStack({ env: { BOOKING_TEST_NOW: clock.now, BOOKING_REMINDER_SWEEP_SECONDS: '2' } });
    mkdirSync(screenshotsDir, { recursive: true });
    const today = zonedDateOf(new Date(), TZ);
    const from = addDays(today, 7);
    const { body } = await stack.cms.get(`/api/booking/rooms/${ROOM}/availability?from=${from}&to=${addDays(from, 20)}`);
    const free = body.data.days.find((d: any) =>
      d.free.some((f: any) => Date.parse(f.start) <= Date.parse(at(d.date, '19:00')) && Date.parse(at(d.date, '21:00')) <= Date.parse(f.end))
    );
    if (!free) throw new Error('the demo leaves no free evening in the hall in the coming weeks');
    evening = free.date;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** On a room page: moves to the week of `date` and picks the free time that holds 19:00–21:00. */
  const pickEvening = async (page: Page, date: string) => {
    const day = page.locator('li.day', { has: page.locator('h3', { hasText: zhDay(date) }) });
    for (let i = 0; i < 6 && !(await day.count()); i += 1) {
      await page.getByRole('button', { name: /下一周/ }).click();
      await page.locator('[data-week-grid]:not([aria-busy])').waitFor();
    }
    const slots = day.locator('button.slot.free');
    const texts = await slots.allInnerTexts();
    const index = texts.findIndex((text) => {
      const [start, end] = text.match(/\d\d:\d\d/g)!;
      return start <= '19:00' && end >= '21:00';
    });
    expect(index).toBeGreaterThanOrEqual(0);
    await slots.nth(index).click();
    await page.selectOption('#booking-start', '19:00');
    await page.selectOption('#booking-end', '21:00');
  };

  const fillContact = async (page: Page, who: { name: string; phone: string; purpose: string; people: number }) => {
    await page.fill('#booking-attendees', String(who.people));
    await page.fill('#booking-purpose', who.purpose);
    await page.fill('#booking-contactName', who.name);
    await page.fill('#booking-phone', who.phone);
    await page.check('#booking-consent');
  };

  it('a group finds a free evening, requests the hall once despite a double click, staff approve, and the manage page shows it confirmed', async () => {
    const page = await stack.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`/rooms/${ROOM}/`);
    await page.locator('button.slot.free').first().waitFor();
    await page.screenshot({ path: path.join(screenshotsDir, 'room.png') });
    expect(await axeViolations(page)).toEqual([]);

    await pickEvening(page, evening);
    await fillContact(page, { name: '李秀英', phone: '13800001111', purpose: '红歌协会排练', people: 30 });
    await page.fill('#booking-organization', '红歌协会');
    await page.getByRole('radio', { name: /电话通知/ }).check();
    await page.locator('section[aria-labelledby="booking-title"]').screenshot({ path: path.join(screenshotsDir, 'room-form.png') });

    // The privacy notice stands by the box, in Chinese; unticked, nothing is sent and the box says why.
    await expect(page.locator('#booking-consent-notice').innerText()).resolves.toMatch(/12个月[\s\S]*删除/);
    await expect(page.getByLabel('我已阅读并同意上述隐私告知').isChecked()).resolves.toBe(true);
    await page.uncheck('#booking-consent');
    await page.locator('form button[type="submit"]').click();
    await expect(page.locator('#booking-consent-error').innerText()).resolves.toContain('请阅读隐私告知，并勾选同意后再提交');
    await page.check('#booking-consent');
    // An impatient double click sends one request (the Idempotency-Key covers a retry too).
    await page.locator('form button[type="submit"]').dblclick();
    const done = page.locator('[data-done]');
    await done.waitFor();
    await expect(done.locator('[data-done-title]').innerText()).resolves.toBe('预约已提交，等待工作人员审核');
    const reference = (await done.locator('[data-reference]').innerText()).trim();
    expect(reference).toMatch(/^LL-[A-Z0-9]{5}$/);
    // Phone only, a call chosen: the page promises a call to that number, and says to keep the reference.
    await expect(done.locator('[data-told-by]').innerText()).resolves.toBe('审核后，中心工作人员会打电话到 13800001111 告诉您结果。');
    await expect(done.locator('[data-no-email]').innerText()).resolves.toMatch(/您没有留电子邮箱[\s\S]*请记下上面的编号[\s\S]*致电中心/);
    await expect(done.innerText()).resolves.not.toContain('审核结果会通知您');

    const admin = await asAdmin(stack.cms);
    const listed = await admin.request('GET', `/booking/reservations?from=${evening}&to=${evening}&pageSize=100`);
    expect(listed.status).toBe(200);
    const mine = listed.body.data.filter((r: any) => r.contactName === '李秀英');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ reference, status: 'pending', attendees: 30, organization: '红歌协会', notifyBy: 'call' });
    expect(mine[0].occurrences).toEqual([expect.objectContaining({ start: at(evening, '19:00'), end: at(evening, '21:00') })]);

    const approved = await admin.request('POST', `/booking/reservations/${reference}/approve`);
    expect(approved.status).toBe(200);

    const manage = await done.locator('[data-manage-link]').getAttribute('href');
    // The token is in the fragment, which the browser never sends to the site's server.
    expect(manage).toMatch(/^\/manage\/#token=[A-Za-z0-9_-]{40,}$/);
    await page.goto(manage!);
    await expect(page.locator('.manage-view .status').innerText()).resolves.toBe('已确认');
    expect(new URL(page.url()).pathname + new URL(page.url()).search + new URL(page.url()).hash).toBe('/manage/');
    expect(await axeViolations(page)).toEqual([]);
    await expect(page.locator('.manage-view h2').innerText()).resolves.toContain(reference);
    await expect(page.locator('.manage-view').innerText()).resolves.toContain('19:00–21:00');
    await expect(page.locator('.manage-view').innerText()).resolves.toMatch(/通知方式：\s*电话通知/);
  });

  it('a second group asking for the same evening is told it is taken, next to the time, in Chinese', async () => {
    const page = await stack.newPage();
    await page.goto(`/rooms/${ROOM}/`);
    await page.locator('button.slot.free').first().waitFor();
    await page.selectOption('#booking-start', { index: 0 });
    // Nothing filled in: every required field says so, in the page's language.
    await page.locator('form button[type="submit"]').click();
    await expect(page.locator('#booking-purpose-error').innerText()).resolves.toContain('请填写这一项');
    await expect(page.locator('#booking-phone-error').innerText()).resolves.toContain('请填写手机号码或电子邮箱');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    // Errors shown are still accessible: linked to their fields, contrast kept.
    expect(await axeViolations(page)).toEqual([]);

    // The week view no longer offers the evening, but a typed date and time still reach the API.
    await page.fill('#booking-date', evening);
    await page.selectOption('#booking-start', '19:00');
    await page.selectOption('#booking-end', '21:00');
    await page.locator('[data-choice-note]:not([hidden])').waitFor();
    await expect(page.locator('[data-choice-note]').innerText()).resolves.toContain('已经被别人预约');
    await fillContact(page, { name: '张建国', phone: '13900002222', purpose: '戏迷协会排练', people: 20 });
    await page.locator('form button[type="submit"]').click();
    const error = page.locator('#booking-start-error');
    await error.waitFor();
    await expect(error.innerText()).resolves.toContain('这个时间已经被别人预约了');
    await expect(page.locator('#booking-start').getAttribute('aria-invalid')).resolves.toBe('true');
  });

  it('“which room is free” finds the rooms free that evening for that many people, and leads to a filled-in form', async () => {
    const page = await stack.newPage();
    await page.goto('/rooms/');
    await page.fill('#finder-date', evening);
    await page.selectOption('#finder-start', '19:00');
    await page.selectOption('#finder-end', '21:00');
    await page.fill('#finder-people', '20');
    await page.getByRole('button', { name: '查找' }).click();
    await page.locator('.found').waitFor();
    const names = await page.locator('.found-rooms a').allInnerTexts();
    // The hall is booked that evening (the first test); rooms too small for 20 are not offered.
    const { body } = await stack.cms.get(`/api/booking/availability?from=${evening}&to=${evening}&capacity=20`);
    const expected = expandAvailability<any>(body)
      .filter((r: any) => r.days[0].free.some((f: any) => Date.parse(f.start) <= Date.parse(at(evening, '19:00')) && Date.parse(at(evening, '21:00')) <= Date.parse(f.end)))
      .map((r: any) => `预约${r.room.name}`);
    expect(names).toEqual(expected);
    expect(names).not.toContain('预约多功能厅');
    expect(names.length).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.found-rooms a').first().click();
    await page.locator('button.slot.free').first().waitFor();
    await expect(page.inputValue('#booking-date')).resolves.toBe(evening);
    await expect(page.inputValue('#booking-start')).resolves.toBe('19:00');
    await expect(page.inputValue('#booking-end')).resolves.toBe('21:00');
    await expect(page.inputValue('#booking-attendees')).resolves.toBe('20');
  });

  it('repeats the API’s own reasons in the person’s language', async () => {
    const page = await stack.newPage();
    await page.goto(`/rooms/${ROOM}/`);
    await page.locator('button.slot.free').first().waitFor();
    const farAhead = addDays(zonedDateOf(new Date(), TZ), 120);
    await page.fill('#booking-date', farAhead);
    await page.selectOption('#booking-start', '14:00');
    await page.selectOption('#booking-end', '15:00');
    await fillContact(page, { name: '王芳', phone: '13700003333', purpose: '读书会', people: 10 });
    await page.locator('form button[type="submit"]').click();
    await page.locator('#booking-start-error').waitFor();
    await expect(page.locator('#booking-start-error').innerText()).resolves.toContain('太远了');

    const en = await stack.newPage();
    await en.goto(`/en/rooms/${ROOM}/`);
    await en.locator('button.slot.free').first().waitFor();
    await en.locator('form button[type="submit"]').click();
    await expect(en.locator('#booking-purpose-error').innerText()).resolves.toContain('Please fill this in');
    // The consent box and its notice in English.
    await expect(en.locator('#booking-consent-notice').innerText()).resolves.toMatch(/12 months[\s\S]*delete/);
    await expect(en.locator('#booking-consent-error').innerText()).resolves.toContain('Please read the privacy notice and tick the box to agree');
    await expect(en.getByLabel('I have read and agree to the privacy notice above').isChecked()).resolves.toBe(false);
    await en.fill('#booking-date', farAhead);
    await en.selectOption('#booking-start', '14:00');
    await en.selectOption('#booking-end', '15:00');
    await fillContact(en, { name: 'Fang Wang', phone: '13700003333', purpose: 'Book club', people: 10 });
    await en.locator('form button[type="submit"]').click();
    await en.locator('#booking-start-error').waitFor();
    await expect(en.locator('#booking-start-error').innerText()).resolves.toMatch(/Too far ahead/);
  });

  it('a guardian enrolling a child in the full after-school class gives the child’s name, grade and who collects them, agrees for the child, and is told their place', async () => {
    const { body } = await stack.cms.get('/api/booking/courses/after-school-class');
    expect(body.data.placesLeft).toBe(0);
    const waiting: number = body.data.waiting;

    const page = await stack.newPage();
    await page.goto('/courses/after-school-class/');
    await page.locator('[data-places]:not([hidden])').waitFor();
    await expect(page.locator('[data-places]').innerText()).resolves.toContain('名额已满');
    await expect(page.locator('enrol-form').innerText()).resolves.toContain('这是儿童活动');
    await page.getByLabel('监护人姓名').fill('陈小明的妈妈');
    // Text messages chosen for a fixed line: only the API can tell, and it is said beside the choice.
    await page.fill('#enrol-phone', '010-6552 9988');
    await page.getByRole('radio', { name: /短信/ }).check();
    // Nothing about the child yet, no box ticked: each is asked for, in Chinese, before anything is sent.
    await page.locator('enrol-form button[type="submit"]').click();
    await expect(page.locator('#enrol-childName-error').innerText()).resolves.toContain('请填写孩子的名字');
    await expect(page.locator('#enrol-childGrade-error').innerText()).resolves.toContain('请选择年级');
    await expect(page.locator('#enrol-guardianConsent-error').innerText()).resolves.toContain('请由监护人勾选同意');
    await expect(page.locator('#enrol-consent-error').innerText()).resolves.toContain('请阅读隐私告知');
    expect(await axeViolations(page)).toEqual([]);

    await page.fill('#enrol-childName', '晓溪');
    await page.selectOption('#enrol-childGrade', { label: '二年级' });
    await page.getByLabel('接送人1 姓名').fill('陈奶奶');
    await page.getByLabel('接送人1 电话').fill('13600005555');
    await page.getByLabel(/我是孩子的父母或监护人/).check();
    await page.getByLabel('我已阅读并同意上述隐私告知').check();
    await page.locator('enrol-form button[type="submit"]').click();
    const choiceError = page.locator('#enrol-notifyBy-error:not([hidden])');
    await choiceError.waitFor();
    await expect(choiceError.innerText()).resolves.toContain('这个号码收不到短信');
    await expect(page.locator('enrol-form .error-summary').innerText()).resolves.toContain('怎样通知您？');
    await page.fill('#enrol-phone', '13600004444');
    await page.locator('enrol-form button[type="submit"]').click();
    const title = page.locator('[data-done-title]');
    await title.waitFor();
    await expect(title.innerText()).resolves.toContain(`您在候补名单第 ${waiting + 1} 位`);
    expect(await axeViolations(page)).toEqual([]);

    const after = await stack.cms.get('/api/booking/courses/after-school-class');
    expect(after.body.data.waiting).toBe(waiting + 1);
    expect(JSON.stringify(after.body)).not.toMatch(/晓溪|陈奶奶|13600005555/);
    // Staff see the child, the grade and who may collect them on the roster.
    const admin = await asAdmin(stack.cms);
    const roster = await admin.request('GET', `/booking/sessions/${after.body.data.sessions.find((x: any) => Date.parse(x.start) > Date.now()).id}/enrolments`);
    expect(roster.body.data.waitlist).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: '陈小明的妈妈', child: { givenName: '晓溪', grade: '2', collectors: [{ name: '陈奶奶', phone: '13600005555' }] } })])
    );

    const manage = await page.locator('enrol-form [data-manage-link]').getAttribute('href');
    await page.goto(manage!);
    await expect(page.locator('.manage-view .status').innerText()).resolves.toBe(`候补中 (候补第 ${waiting + 1} 位)`);
    await expect(page.locator('.manage-view').innerText()).resolves.toMatch(/通知方式：\s*短信/);
  });

  it('the enrolment form asks for consent in English too, and enrols once it is given', async () => {
    const page = await stack.newPage();
    await page.goto('/en/events/neighbourhood-festival/');
    await page.locator('enrol-form form:not([hidden])').waitFor();
    await expect(page.locator('#enrol-consent-notice').innerText()).resolves.toMatch(/12 months[\s\S]*delete/);
    await page.fill('#enrol-name', 'Wei Zhang');
    await page.fill('#enrol-phone', '13500006666');
    await page.locator('enrol-form button[type="submit"]').click();
    await expect(page.locator('#enrol-consent-error').innerText()).resolves.toContain('Please read the privacy notice and tick the box to agree');
    await page.getByLabel('I have read and agree to the privacy notice above').check();
    await page.locator('enrol-form button[type="submit"]').click();
    const title = page.locator('[data-done-title]');
    await title.waitFor();
    await expect(title.innerText()).resolves.toMatch(/You are enrolled|waiting list/);
    // A phone number, no e-mail and no choice made: the centre will ring, and the page says so and to keep it.
    await expect(page.locator('enrol-form [data-told-by]').innerText()).resolves.toBe('If the class changes, the centre will phone you on 13500006666.');
    await expect(page.locator('enrol-form [data-no-email]').innerText()).resolves.toMatch(/You gave no e-mail address[\s\S]*front desk|call the centre/);
  });

  it('“find my booking” answers a known and an unknown address alike, in both languages, and the mailed link opens the booking', async () => {
    // An hour free in the hall on another day than the evening the other cases book.
    const from = addDays(zonedDateOf(new Date(), TZ), 8);
    const { body } = await stack.cms.get(`/api/booking/rooms/${ROOM}/availability?from=${from}&to=${addDays(from, 12)}`);
    const HALF_HOUR = 30 * 60_000;
    const start = body.data.days
      .filter((d: any) => d.date !== evening)
      .flatMap((d: any) => d.free)
      .map((f: any) => ({ start: Math.ceil(Date.parse(f.start) / HALF_HOUR) * HALF_HOUR, end: Date.parse(f.end) }))
      .find((f: { start: number; end: number }) => f.end - f.start >= 2 * HALF_HOUR)?.start;
    expect(start).toBeDefined();
    const slot = { start: new Date(start).toISOString(), end: new Date(start + 2 * HALF_HOUR).toISOString() };
    const booked = await stack.cms.request('POST', '/api/booking/reservations', { data: reservation({ room: ROOM, ...slot, attendees: 5, email: 'lost-link@example.org', phone: null }) });
    expect(booked.status).toBe(201);
    const page = await stack.newPage();
    const answerFor = async (path: string, email: string) => {
      await page.goto(path);
      await page.locator('find-booking form:not([hidden])').waitFor();
      await page.fill('#find-email', email);
      await page.locator('find-booking button[type="submit"]').click();
      await page.locator('find-booking [data-done]:not([hidden])').waitFor();
      return page.locator('find-booking [data-done]').innerText();
    };
    const unknown = await answerFor('/find/', 'never-booked@example.org');
    const known = await answerFor('/find/', 'lost-link@example.org');
    expect(known).toBe(unknown);
    expect(known).toContain('如果这个号码或邮箱有还没到期的预约或报名');
    expect(await axeViolations(page)).toEqual([]);
    const unknownEn = await answerFor('/en/find/', 'never-booked-either@example.org');
    expect(unknownEn).toContain('If this number or address has bookings');

    const mail = await waitForMail(stack.cms.mailDir, (m) => m.to === 'lost-link@example.org' && m.text.includes(booked.body.data.reference) && m.subject.includes('预约和报名'));
    const link = /http\S+\/manage\/#token=[A-Za-z0-9_-]+/.exec(mail.text)![0];
    await page.goto(link);
    await expect(page.locator('.manage-view h2').innerText()).resolves.toContain(booked.body.data.reference);
  });

  it('the privacy page says what is kept, why, for how long, who sees it and how to ask, in both languages', async () => {
    const page = await stack.newPage();
    await page.goto('/privacy/');
    await expect(page.locator('h1').innerText()).resolves.toBe('隐私说明');
    await expect(page.locator('main').innerText()).resolves.toMatch(/我们收集什么[\s\S]*保存多久[\s\S]*谁能看到[\s\S]*您的权利/);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/en/privacy/');
    await expect(page.locator('h1').innerText()).resolves.toBe('Privacy');
    await expect(page.locator('main').innerText()).resolves.toMatch(/What we collect[\s\S]*For how long[\s\S]*Who sees it[\s\S]*Your rights/);
  });

  it('the reservation form works with the keyboard alone', async () => {
    const page = await stack.newPage();
    await page.goto('/en/rooms/council-hall/');
    await page.locator('button.slot.free').first().waitFor();
    const focused = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', slot: !!document.activeElement?.classList.contains('slot') }));
    /** Tab until `reached` (a bounded walk, so a focus trap fails the test instead of hanging it). */
    const tabTo = async (reached: (f: { id: string; slot: boolean }) => boolean) => {
      for (let i = 0; i < 80 && !reached(await focused()); i += 1) await page.keyboard.press('Tab');
      expect(reached(await focused())).toBe(true);
    };
    await tabTo((f) => f.slot);
    await page.keyboard.press('Enter');
    // Picking a free time fills the form and moves on to it.
    await expect(focused()).resolves.toMatchObject({ id: 'booking-start' });
    await expect(page.locator('[data-picked]').innerText()).resolves.toMatch(/^You chose /);
    await tabTo((f) => f.id === 'booking-attendees');
    await page.keyboard.type('6');
    await tabTo((f) => f.id === 'booking-purpose');
    await page.keyboard.type('Residents’ meeting, building 3');
    await tabTo((f) => f.id === 'booking-contactName');
    await page.keyboard.type('Chen Hua');
    await tabTo((f) => f.id === 'booking-phone');
    await page.keyboard.type('13200007777');
    await tabTo((f) => f.id === 'booking-consent');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const title = page.locator('[data-done-title]');
    await title.waitFor();
    // The council hall confirms at once; the answer takes focus so a screen reader reads it.
    await expect(title.innerText()).resolves.toBe('Booked');
    await expect(focused()).resolves.toMatchObject({ id: '' });
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-done-title'))).toBe(true);
    await expect(page.locator('[data-reference]').innerText()).resolves.toMatch(/^LL-[A-Z0-9]{5}$/);
  });

  it('the foyer screen shows what is on, what is next and the rooms free now, and a room booked drops off it at the next minute', async () => {
    // The television's clock is set to an hour of a coming weekday, so that a booking "now" passes
    // the rooms' notice period whatever the hour the tests run at.
    const day = dayAhead(3, 1);
    const [{ body: week }, { body: rooms }, { body: roomsNow }] = await Promise.all([
      stack.cms.get(`/api/booking/timetable?from=${day}&to=${addDays(day, 6)}`),
      stack.cms.get('/api/booking/rooms'),
      stack.cms.get(`/api/booking/availability?from=${day}&to=${day}`),
    ]);
    const rulesOf = new Map<string, any>(rooms.data.map((r: any) => [r.slug, r.rules]));
    const roomsNowDays = expandAvailability<any>(roomsNow);
    const freeFrom = (t: number, minutes: number) =>
      roomsNowDays.filter((r: any) => r.days[0].free.some((f: any) => Date.parse(f.start) <= t && t + minutes * 60_000 <= Date.parse(f.end)));
    const freeAt = (t: number) => roomsNowDays.filter((r: any) => r.days[0].free.some((f: any) => Date.parse(f.start) <= t && t < Date.parse(f.end)));
    const onAt = (t: number) => week.data.filter((s: any) => s.status !== 'cancelled' && Date.parse(s.start) <= t && t < Date.parse(s.end));
    // An hour with an activity on, and a room that confirms at once free for the hour after it.
    const bookable = (t: number) => freeFrom(t, 60).filter((r: any) => !rulesOf.get(r.room.slug).requiresApproval && rulesOf.get(r.room.slug).minMinutes <= 60);
    const hour = Array.from({ length: 12 }, (_, i) => `${String(9 + i).padStart(2, '0')}:00`).find((h) => onAt(Date.parse(at(day, h))).length > 0 && bookable(Date.parse(at(day, h))).length > 0);
    if (!hour) throw new Error(`the demo has no hour on ${day} with an activity on and a room free`);
    const now = Date.parse(at(day, hour));
    const room = bookable(now)[0].room;
    const freeNames = freeAt(now).map((r: any) => r.room.name);
    const next = week.data.find((s: any) => Date.parse(s.start) > now);

    // The television's own zone differs from the centre's: the screen still shows the centre's time.
    const page = await stack.newPage({ viewport: { width: 1920, height: 1080 }, timezoneId: 'Europe/London' });
    await page.clock.install({ time: new Date(now) });
    await page.goto('/screen/');
    const screen = page.locator('foyer-screen');
    await page.locator(`foyer-screen[data-refreshed="${day}T${hour}"]`).waitFor();
    await expect(screen.locator('[data-clock]').innerText()).resolves.toBe(hour);
    await expect(screen.locator('[data-date]').innerText()).resolves.toContain(zhDay(day));
    await expect(screen.locator('[data-list="current"] .title').allInnerTexts()).resolves.toEqual(onAt(now).map((s: any) => s.activity.title));
    await expect(screen.locator('[data-list="next"] .title').first().innerText()).resolves.toBe(next.activity.title);
    await expect(screen.locator('[data-list="free"] .name').allInnerTexts()).resolves.toEqual(freeNames);
    await expect(screen.locator(`[data-list="free"] [data-room="${room.slug}"]`).count()).resolves.toBe(1);
    // Everything fits on the television: no scrolling in either direction.
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1920, 1080]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshotsDir, 'screen.png') });

    const made = await stack.cms.request('POST', '/api/booking/reservations', {
      data: reservation({ room: room.slug, start: at(day, hour), end: at(day, `${Number(hour.slice(0, 2)) + 1}:00`), contactName: '赵桂兰', phone: '13100005555', email: null, attendees: 2, purpose: '太极拳协会例会' }),
    });
    expect(made.status).toBe(201);

    // The next minute's refresh, without waiting a minute or rebuilding the site.
    await page.clock.runFor(60_000);
    const later = `${hour.slice(0, 3)}01`;
    await page.locator(`foyer-screen[data-refreshed="${day}T${later}"]`).waitFor();
    await expect(screen.locator('[data-clock]').innerText()).resolves.toBe(later);
    await expect(screen.locator(`[data-list="free"] [data-room="${room.slug}"]`).count()).resolves.toBe(0);
    await expect(screen.locator('[data-list="free"] .name').allInnerTexts()).resolves.toEqual(freeNames.filter((name: string) => name !== room.name));
    // The reservation shows only as a room no longer free: never who booked it, nor why.
    const text = await page.locator('body').innerText();
    for (const personal of ['赵桂兰', '13100005555', '太极拳协会']) expect(text).not.toContain(personal);

    const en = await stack.newPage({ viewport: { width: 1920, height: 1080 } });
    await en.clock.install({ time: new Date(now + 60_000) });
    await en.goto('/en/screen/');
    await en.locator(`foyer-screen[data-refreshed="${day}T${later}"]`).waitFor();
    await expect(en.locator('h2').allInnerTexts()).resolves.toEqual(['Now', 'Next', 'Rooms free now']);
    await expect(en.locator(`[data-list="free"] [data-room="${room.slug}"]`).count()).resolves.toBe(0);
    await expect(en.locator('[data-list="free"] li').count()).resolves.toBe(freeNames.length - 1);
  });

  it('with JavaScript off, a form says so and gives the centre’s phone number', async () => {
    const { body } = await stack.cms.get('/api/site-setting?locale=zh-CN');
    const phone: string = body.data.phone;
    const page = await stack.newPage({ javaScriptEnabled: false });
    await page.goto(`/rooms/${ROOM}/`);
    await expect(page.locator('form.island-form').isVisible()).resolves.toBe(false);
    await expect(page.locator('room-booking').innerText()).resolves.toContain(`您也可以致电中心：${phone}`);
    await page.goto('/courses/after-school-class/');
    await expect(page.locator('enrol-form').innerText()).resolves.toContain(phone);
  });
});
