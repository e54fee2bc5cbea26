/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, isoWeekdayOf, zonedDateOf } from '../../plugins/booking/server/src/core/time/zoned';
import { screenshotsDir } from '../../scripts/lib/screenshots.mts';
import { axeViolations, startSiteStack, type SiteStack } from './harness/stack';

const TZ = 'Asia/Shanghai';

/** This ISO week, Monday to Sunday, in the centre's zone, and its id ("2026-W48") with the weeks after it. */
const weeks = () => {
  const today = zonedDateOf(new Date(), TZ);
  const monday = addDays(today, 1 - isoWeekdayOf(today));
  return [0, 1, 2, 3, 4].map((i) => {
    const start = addDays(monday, 7 * i);
    const thursday = new Date(`${addDays(start, 3)}T00:00:00Z`);
    const week = Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000 / 7) + 1;
    return { monday: start, sunday: addDays(start, 6), id: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}` };
  });
};

/** What a resident sees of the timetable now: the sessions not hidden, as their title and data attributes. */
const visibleSessions = (page: Page) =>
  page.locator('.session').evaluateAll((els) =>
    els
      .filter((el) => getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetParent !== null)
      .map((el) => ({
        title: el.querySelector('.title')!.textContent!.trim(),
        category: el.getAttribute('data-category'),
        audience: (el.querySelector('.audience')?.textContent ?? '').replace(/^适合谁：|^Who it is for: /, '').trim(),
        room: el.getAttribute('data-room'),
        start: el.querySelector('time')!.getAttribute('datetime'),
      }))
  );

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

describe('the public pages, in Chromium', () => {
  let stack: SiteStack;
  let thisWeek: any[];

  beforeAll(async () => {
    stack = await startSiteStack();
    mkdirSync(screenshotsDir, { recursive: true });
    const [week] = weeks();
    const { body } = await stack.cms.get(`/api/booking/timetable?from=${week.monday}&to=${week.sunday}&locale=zh-CN`);
    thisWeek = body.data;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('shows every session of this week on the timetable, as the CMS has them', async () => {
    const page = await stack.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto('/timetable/');
    const shown = await visibleSessions(page);
    expect(thisWeek.length).toBeGreaterThan(3);
    expect(shown.map((x) => [x.start, x.title])).toEqual(
      [...thisWeek].sort((a, b) => a.start.localeCompare(b.start)).map((x: any) => [x.start, x.activity.title])
    );
    // Days across on a computer screen: Monday's column is left of Tuesday's, on one line.
    const [mon, tue] = await page.locator('section.day h2').evaluateAll((els) => els.slice(0, 2).map((el) => el.getBoundingClientRect().toJSON()));
    expect(tue.left).toBeGreaterThan(mon.left);
    expect(tue.top).toBe(mon.top);
    await page.screenshot({ path: path.join(screenshotsDir, 'timetable.png'), fullPage: true });
    await page.context().close();
  });

  it('lists the days one under another on a phone', async () => {
    const page = await stack.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await page.goto('/timetable/');
    const [mon, tue] = await page.locator('section.day h2').evaluateAll((els) => els.slice(0, 2).map((el) => el.getBoundingClientRect().toJSON()));
    expect(tue.top).toBeGreaterThan(mon.bottom);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The README's picture: the filters and the first days, as a resident scrolls to them.
    await page.locator('.filters').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(screenshotsDir, 'timetable-phone.png') });
    await page.context().close();
  });

  it('narrows the timetable by category, audience and room without loading another page', async () => {
    const page = await stack.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto('/timetable/');
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    await page.evaluate(() => ((window as any).__stillHere = true));
    const url = page.url();
    const all = await visibleSessions(page);

    // Category: the one most sessions have, and one other.
    const counts = new Map<string, number>();
    for (const x of thisWeek) if (x.activity.category) counts.set(x.activity.category.slug, (counts.get(x.activity.category.slug) ?? 0) + 1);
    const categories = [...counts.keys()];
    expect(categories.length).toBeGreaterThan(1);
    for (const slug of categories.slice(0, 2)) {
      await page.getByLabel('类别').selectOption(slug);
      const shown = await visibleSessions(page);
      expect(shown.length).toBe(counts.get(slug));
      expect(shown.every((x) => x.category === slug)).toBe(true);
    }
    await page.getByRole('button', { name: '显示全部' }).click();
    expect(await visibleSessions(page)).toEqual(all);

    // Audience, chosen by its words as a resident reads them.
    const audience = thisWeek.find((x) => x.activity.audience)!.activity.audience as string;
    await page.getByLabel('适合人群').selectOption({ label: audience });
    const forThem = await visibleSessions(page);
    expect(forThem.length).toBe(thisWeek.filter((x) => x.activity.audience === audience).length);
    expect(forThem.every((x) => x.audience === audience)).toBe(true);
    await page.getByLabel('适合人群').selectOption('');

    // Room, and room with a category together.
    const room = thisWeek.find((x) => x.activity.room)!.activity.room;
    await page.getByLabel('功能室').selectOption({ label: room.name });
    const inRoom = await visibleSessions(page);
    expect(inRoom.length).toBe(thisWeek.filter((x) => (x.movedToRoom ?? x.activity.room)?.slug === room.slug).length);
    expect(inRoom.every((x) => x.room === room.slug)).toBe(true);
    const category = thisWeek.find((x) => x.activity.room?.slug === room.slug)!.activity.category.slug;
    await page.getByLabel('类别').selectOption(category);
    const both = await visibleSessions(page);
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((x) => x.room === room.slug && x.category === category)).toBe(true);

    await page.getByRole('button', { name: '显示全部' }).click();
    expect(await visibleSessions(page)).toEqual(all);
    // Still the same page: no navigation, the marker left on window survives.
    expect(navigations).toBe(0);
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => (window as any).__stillHere)).toBe(true);
    await page.context().close();
  });

  it('reaches the filters and the large-text switch by keyboard', async () => {
    const page = await stack.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto('/timetable/');
    const reached = new Set<string>();
    for (let i = 0; i < 60 && reached.size < 4; i += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');
      if (['filter-category', 'filter-audience', 'filter-room', 'text-size'].includes(id)) reached.add(id);
    }
    expect([...reached].sort()).toEqual(['filter-audience', 'filter-category', 'filter-room', 'text-size']);
    // Choosing with the keyboard on a focused filter narrows the list too.
    await page.focus('#filter-category');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.locator('#filter-category').inputValue();
    expect(chosen).not.toBe('');
    const shown = await visibleSessions(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((x) => x.category === chosen)).toBe(true);
    await page.context().close();
  });

  it('walks the whole term week by week by the next-week link, to its last week', async () => {
    const page = await stack.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto('/timetable/');
    const seen: string[] = [];
    const nextLink = () => page.getByRole('link', { name: /下一周/ });
    while ((await nextLink().count()) > 0) {
      const from = page.url();
      await nextLink().click();
      await page.waitForURL((u) => u.href !== from);
      const id = /\/timetable\/(\d{4}-W\d{2})\/$/.exec(new URL(page.url()).pathname)![1];
      const { body } = await stack.cms.get(`/api/booking/timetable?week=${id}`);
      expect(body.data.length).toBeGreaterThan(0);
      const shown = await visibleSessions(page);
      expect(shown.map((x) => x.start)).toEqual(body.data.map((x: any) => x.start).sort());
      seen.push(id);
    }
    // The term goes on for months after the four weeks the timetable once stopped at.
    expect(seen.slice(0, 4)).toEqual(weeks().slice(1).map((w) => w.id));
    expect(seen.length).toBeGreaterThan(8);
    await page.context().close();
  });

  it('prints each week on exactly one A4 landscape page', async () => {
    const page = await stack.newPage();
    for (const p of ['/timetable/', ...weeks().slice(1).map((w) => `/timetable/${w.id}/`), '/en/timetable/']) {
      await page.goto(p);
      await page.emulateMedia({ media: 'print' });
      // Navigation, filters and the notice are not printed.
      for (const selector of ['header nav', '.filters', '.site-notice', 'footer', '.weeks']) expect(await page.locator(selector).first().isVisible()).toBe(false);
      const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
      expect({ page: p, pages: pdfPages(pdf) }).toEqual({ page: p, pages: 1 });
      await page.emulateMedia({ media: 'screen' });
    }
    await page.context().close();
  });

  it('prints a room’s door poster on exactly one A4 page, in both languages', async () => {
    const { body } = await stack.cms.get('/api/booking/rooms');
    const page = await stack.newPage();
    for (const p of [`/rooms/${body.data[0].slug}/poster/`, `/en/rooms/${body.data[0].slug}/poster/`]) {
      await page.goto(p);
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['header nav', 'footer', '.print-hint']) expect(await page.locator(selector).first().isVisible()).toBe(false);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect({ page: p, pages: pdfPages(pdf) }).toEqual({ page: p, pages: 1 });
      await page.emulateMedia({ media: 'screen' });
    }
    await page.context().close();
  });

  it('switches to the same page in the other language', async () => {
    const { body: courses } = await stack.cms.get('/api/booking/courses?locale=zh-CN');
    const { body: news } = await stack.cms.get('/api/news?locale=en&sort=publishedDate:desc');
    const course = courses.data[0].slug;
    const article = news.data[0].slug;
    const page = await stack.newPage();
    for (const [zh, en] of [
      ['/timetable/', '/en/timetable/'],
      [`/timetable/${weeks()[2].id}/`, `/en/timetable/${weeks()[2].id}/`],
      [`/courses/${course}/`, `/en/courses/${course}/`],
      [`/news/${article}/`, `/en/news/${article}/`],
      ['/about/', '/en/about/'],
    ]) {
      await page.goto(zh);
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: 'Read this page in English' }).click();
      await page.waitForURL(`**${en}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: '阅读本页中文版' }).click();
      await page.waitForURL(`**${zh}`);
      expect(new URL(page.url()).pathname).toBe(zh);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    }
    await page.context().close();
  });

  it('makes the text larger with the switch, and keeps it so on the next page and after a reload', async () => {
    const page = await stack.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto('/');
    const sizeOf = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p')!).fontSize));
    const before = await sizeOf();
    const button = page.getByRole('button', { name: '大字' });
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    const larger = await sizeOf();
    expect(larger).toBeGreaterThanOrEqual(before * 1.2);

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '课程表' }).click();
    await page.waitForURL('**/timetable/');
    expect(await sizeOf()).toBe(larger);
    expect(await page.getByRole('button', { name: '大字' }).getAttribute('aria-pressed')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    expect(await sizeOf()).toBe(larger);
    expect(await page.getByRole('button', { name: '大字' }).getAttribute('aria-pressed')).toBe('true');

    // And back, by keyboard.
    await page.getByRole('button', { name: '大字' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: '大字' }).getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    expect(await sizeOf()).toBe(before);
    await page.context().close();
  });

  it('fits a 320 px wide screen with large text on, without scrolling sideways (WCAG 1.4.10)', async () => {
    const page = await stack.newPage({ viewport: { width: 320, height: 700 } });
    await page.goto('/');
    await page.getByRole('button', { name: '大字' }).click();
    for (const p of ['/', '/timetable/', '/en/timetable/', `/timetable/${weeks()[1].id}/`, '/about/', '/en/about/', '/news/', '/no-such-page/']) {
      await page.goto(p);
      expect(await page.locator('html.large-text').count()).toBe(1);
      expect({ page: p, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ page: p, width: 320 });
    }
    await page.context().close();
  });

  it('answers an unknown address with the bilingual 404 page', async () => {
    const page = await stack.newPage();
    const res = await page.goto('/no-such-page/');
    expect(res?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/找不到这个页面[\s\S]*Page not found/);
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.waitForURL('**/en/');
    await page.context().close();
  });

  it('passes axe-core on the term’s weeks months ahead and their list, a room’s page and poster, and the find page', async () => {
    const { body: rooms } = await stack.cms.get('/api/booking/rooms');
    const room = rooms.data[0].slug;
    // The term's last week, months ahead, as the week list on /timetable/ links it.
    const lister = await stack.newPage();
    await lister.goto('/timetable/');
    const termWeeks = await lister.locator('#term-weeks a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    await lister.context().close();
    expect(termWeeks.length).toBeGreaterThan(8);
    const pages = [
      '/timetable/', termWeeks.at(-1)!, `/en${termWeeks.at(-1)}`, `/rooms/${room}/`, `/rooms/${room}/poster/`, `/en/rooms/${room}/poster/`, '/find/', '/en/find/',
    ];
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const page = await stack.newPage({ viewport });
      for (const p of pages) {
        await page.goto(p);
        // The find form is an island: checked as a resident meets it, shown.
        if (p.endsWith('/find/')) await page.locator('find-booking form:not([hidden])').waitFor();
        // The week list is part of /timetable/ only.
        if (p === '/timetable/') expect(await page.locator('#term-weeks a').count()).toBe(termWeeks.length);
        expect({ page: p, width: viewport.width, violations: await axeViolations(page) }).toEqual({ page: p, width: viewport.width, violations: [] });
      }
      await page.context().close();
    }
  });

  it('passes axe-core (WCAG 2.2 A and AA) on every kind of page, on a computer and on a phone', async () => {
    const { body: courses } = await stack.cms.get('/api/booking/courses?locale=zh-CN');
    const { body: events } = await stack.cms.get('/api/booking/events?locale=zh-CN');
    const { body: news } = await stack.cms.get('/api/news?locale=zh-CN&sort=publishedDate:desc');
    const pages = [
      '/', '/en/', '/timetable/', '/en/timetable/', `/timetable/${weeks()[1].id}/`, `/en/timetable/${weeks()[2].id}/`,
      '/courses/', `/courses/${courses.data[0].slug}/`, '/events/', `/events/${events.data[0].slug}/`, '/en/events/',
      '/rooms/', '/news/', `/news/${news.data[0].slug}/`, '/en/news/', '/about/', '/en/about/', '/no-such-page/',
    ];
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const page = await stack.newPage({ viewport });
      for (const p of pages) {
        await page.goto(p);
        expect({ page: p, width: viewport.width, violations: await axeViolations(page) }).toEqual({ page: p, width: viewport.width, violations: [] });
      }
      await page.context().close();
    }
  });
});
