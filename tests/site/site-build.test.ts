import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../../scripts/lib/site-build.mts';
import { startTestCms, type TestCms } from '../harness/cms';
import { asAdmin } from '../harness/admin';
import { addDays, isoWeekdayOf, zonedDateOf } from '../../plugins/booking/server/src/core/time/zoned';
import { demoPersonalData } from '../../cms/src/demo/activities';

/** Visible text of a built page, without tags, so assertions read like what a resident sees. */
const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the static site, built from the CMS', () => {
  let cms: TestCms;
  let outDir: string;

  beforeAll(async () => {
    cms = await startTestCms({ demo: true });
    // A news item in Chinese only, as editors often publish before the translation is done.
    const admin = await asAdmin(cms);
    const created = await admin.request('POST', '/content-manager/collection-types/api::news.news?locale=zh-CN', {
      title: '旧闻：食堂菜单调整',
      slug: 'canteen-menu-2020',
      kind: 'news',
      publishedDate: '2020-01-15',
      summary: '食堂菜单调整。',
      body: '食堂**午餐**菜单调整。',
      tags: '幸福大食堂',
    });
    if (created.status !== 201) throw new Error(`could not create the news item: ${created.status}`);
    const published = await admin.request('POST', `/content-manager/collection-types/api::news.news/${created.body.data.documentId}/actions/publish?locale=zh-CN`, {});
    if (published.status !== 200) throw new Error(`could not publish the news item: ${published.status}`);
    outDir = mkdtempSync(path.join(tmpdir(), 'linli-site-'));
    await buildSite({ cmsUrl: cms.url, outDir });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  const page = (p: string) => readFileSync(path.join(outDir, p, 'index.html'), 'utf8');
  /** Every built page, as a path under the site. */
  const allPages = (): string[] =>
    (readdirSync(outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('index.html')).map((f) => path.dirname(f).replace(/^\.$/, ''));
  const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  it('lists the published rooms in Chinese at /rooms/', async () => {
    const html = page('rooms');
    expect(html).toContain('<html lang="zh-CN">');
    const text = textOf(html);
    expect(text).toContain('多功能厅');
    expect(text).toContain('可容纳 120 人');
    expect(text).toContain('五邻议事厅');
    // Every published room is there, in the CMS's order.
    const { body } = await cms.get('/api/booking/rooms');
    const positions = body.data.map((r: any) => text.indexOf(r.name));
    expect(positions.every((p: number) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('lists the same rooms in English at /en/rooms/', () => {
    const html = page('en/rooms');
    expect(html).toContain('<html lang="en">');
    const text = textOf(html);
    expect(text).toContain('Multi-purpose hall');
    expect(text).toContain('Up to 120 people');
    expect(text).not.toContain('多功能厅');
  });

  it('links each page to the same page in the other language', () => {
    expect(page('rooms')).toMatch(/<a href="\/en\/rooms\/"[^>]*lang="en"/);
    expect(page('en/rooms')).toMatch(/<a href="\/rooms\/"[^>]*lang="zh-CN"/);
  });

  it('shows the coming weeks of sessions on the timetable, in both languages, with a calendar feed', async () => {
    const today = zonedDateOf(new Date(), 'Asia/Shanghai');
    const { body } = await cms.get(`/api/booking/timetable?from=${today}&to=${addDays(today, 6)}`);
    const zh = textOf(page('timetable'));
    const en = textOf(page('en/timetable'));
    expect(page('timetable')).toContain('/api/booking/calendar/timetable.ics');
    // The demo week's sessions appear with their times.
    const upcoming = body.data.filter((x: any) => Date.parse(x.start) > Date.now());
    expect(upcoming.length).toBeGreaterThan(0);
    for (const session of upcoming.slice(0, 5)) {
      expect(zh).toContain(session.activity.title);
      expect(zh).toContain(`${session.start.slice(11, 16)}–${session.end.slice(11, 16)}`);
    }
    expect(en).toContain('Timetable');
    expect(zh).not.toContain('周桂兰');
  });

  it('ships no JavaScript on pages without a form', () => {
    const pages = allPages();
    for (const p of ['', 'rooms', 'timetable', 'en', 'en/rooms', 'en/timetable', 'news', 'en/news', 'courses', 'en/events']) expect(pages).toContain(p);
    for (const p of pages) expect(page(p)).not.toMatch(/<script/);
  });

  it('lists the news newest first in both languages, notices marked, and renders an article’s markdown', async () => {
    for (const [locale, prefix, noticeWord] of [['zh-CN', '', '通知'], ['en', 'en/', 'Notice']] as const) {
      const { body } = await cms.get(`/api/news?locale=${locale}&sort=publishedDate:desc`);
      expect(body.data.length).toBeGreaterThan(1);
      const html = page(`${prefix}news`);
      expect(html).toContain(`<html lang="${locale}">`);
      const text = textOf(html);
      const positions = body.data.map((n: any) => text.indexOf(n.title));
      expect(positions.every((p: number) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      const notice = body.data.find((n: any) => n.kind === 'notice');
      expect(text).toContain(`${noticeWord} ${notice.title}`);
      // An article: markdown bold becomes <strong>.
      const item = body.data.find((n: any) => /\*\*[^*]+\*\*/.test(n.body));
      const bold = /\*\*([^*]+)\*\*/.exec(item.body)![1];
      const article = page(`${prefix}news/${item.slug}`);
      expect(article).toContain(`<strong>${escaped(bold)}</strong>`);
      expect(article.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(textOf(article)).toContain(item.title);
    }
  });

  it('links a news item not translated into English to the English news list', () => {
    expect(page('news/canteen-menu-2020')).toMatch(/<a href="\/en\/news\/"[^>]*lang="en"/);
    expect(existsSync(path.join(outDir, 'en/news/canteen-menu-2020'))).toBe(false);
    expect(page('news/free-health-check-for-seniors')).toMatch(/<a href="\/en\/news\/free-health-check-for-seniors\/"[^>]*lang="en"/);
  });

  it('shows a course with its when-words, room, coming dates, places as of the build, and how to enrol', async () => {
    const { body: list } = await cms.get('/api/booking/courses?locale=zh-CN');
    const course = list.data.find((c: any) => c.registrationEnabled && c.room && c.when && c.placesLeft !== null);
    expect(course).toBeDefined();
    const { body } = await cms.get(`/api/booking/courses/${course.slug}?locale=zh-CN`);
    const detail = body.data;
    const html = page(`courses/${course.slug}`);
    const text = textOf(html);
    expect(text).toContain(detail.when);
    expect(html).toContain(`href="/rooms/#${detail.room.slug}"`);
    expect(text).toContain(detail.room.name);
    expect(text).toContain(`${detail.placesLeft > 0 ? `还剩 ${detail.placesLeft} 个名额` : '名额已满，可候补'}（截至 `);
    const coming = detail.sessions.filter((x: any) => Date.parse(x.end) >= Date.now());
    expect(coming.length).toBeGreaterThan(0);
    const first = coming[0];
    expect(text).toContain(`${Number(first.start.slice(5, 7))}月${Number(first.start.slice(8, 10))}日`);
    expect(text).toContain(`${first.start.slice(11, 16)}–${first.end.slice(11, 16)}`);
    expect(html).toContain('href="tel:');
    expect(textOf(page('courses'))).toContain(course.title);
    // The same course in English, with the switch back to Chinese.
    expect(page(`en/courses/${course.slug}`)).toMatch(new RegExp(`<a href="/courses/${course.slug}/"[^>]*lang="zh-CN"`));
    expect(textOf(page(`en/courses/${course.slug}`))).toMatch(/as of /);
  });

  it('shows an event held outside with its location, and hides places when registration is off', async () => {
    const { body } = await cms.get('/api/booking/events?locale=en');
    const outside = body.data.find((e: any) => !e.room && e.location);
    expect(outside).toBeDefined();
    const text = textOf(page(`en/events/${outside.slug}`));
    expect(text).toContain(outside.location);
    expect(text).toContain(outside.title);
    const open = body.data.find((e: any) => !e.registrationEnabled);
    if (open) expect(textOf(page(`en/events/${open.slug}`))).not.toMatch(/places left|as of /);
  });

  it('shows the notice, the phone, the latest news and this week’s activities on the home page', async () => {
    const { body: settings } = await cms.get('/api/site-setting?locale=zh-CN');
    const html = page('');
    const text = textOf(html);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(text).toContain(settings.data.notice);
    expect(textOf(page('rooms'))).toContain(settings.data.notice);
    expect(html).toContain(`href="tel:${settings.data.phone.replace(/[^\d+]/g, '')}"`);
    expect(text).toContain(settings.data.address);
    const { body: news } = await cms.get('/api/news?locale=zh-CN&sort=publishedDate:desc');
    for (const item of news.data.slice(0, 3)) expect(text).toContain(item.title);
    expect(text).not.toContain(news.data[3].title);
    const today = zonedDateOf(new Date(), 'Asia/Shanghai');
    const sunday = addDays(today, 7 - isoWeekdayOf(today));
    const { body: week } = await cms.get(`/api/booking/timetable?from=${today}&to=${sunday}`);
    for (const session of week.data.slice(0, 5)) expect(text).toContain(session.activity.title);
    const { body: en } = await cms.get('/api/site-setting?locale=en');
    expect(textOf(page('en'))).toContain(en.data.notice);
  });

  it('shows no demo person’s name, phone or e-mail on any page', () => {
    const personal = demoPersonalData();
    for (const p of allPages()) {
      const html = page(p);
      for (const value of personal) expect(html).not.toContain(value);
    }
  });

  it('refuses to build when the CMS cannot be reached, rather than publish an empty site', async () => {
    await expect(buildSite({ cmsUrl: 'http://127.0.0.1:9', outDir: mkdtempSync(path.join(tmpdir(), 'linli-site-')) })).rejects.toThrow(/did not answer/);
  });
});
