import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../../scripts/lib/site-build.mts';
import { startTestCms, type TestCms } from '../harness/cms';
import { asAdmin } from '../harness/admin';
import { createActivity, weekly } from '../harness/fixtures';
import { addDays, isoWeekdayOf, zonedDateOf } from '../../plugins/booking/server/src/core/time/zoned';
import { demoPersonalData } from '../../cms/src/demo/activities';
import { htmlErrors } from '../harness/html-checker';
import jsQR from 'jsqr';

/** Visible text of a built page, without tags, so assertions read like what a resident sees. */
const textOf = (html: string) =>
  html
    .replace(/<(style|script)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** The ISO week holding a date: its Monday, Sunday and id ("2026-W48"). */
const weekHolding = (date: string) => {
  const monday = addDays(date, 1 - isoWeekdayOf(date));
  const thursday = new Date(`${addDays(monday, 3)}T00:00:00Z`);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return { monday, sunday: addDays(monday, 6), id: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}` };
};

/** This ISO week (Monday to Sunday, in the centre's zone) and the four after it, with their ids ("2026-W48"). */
const comingWeeks = () => {
  const today = zonedDateOf(new Date(), 'Asia/Shanghai');
  return [0, 1, 2, 3, 4].map((i) => weekHolding(addDays(today, 7 * i)));
};
/** The site's public address in this build: every share card and canonical link must be on it. */
const SITE_URL = 'https://linli.example.org';
// A 1×1 PNG: too small for Strapi to make other formats of it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/**
 * The picture a phone's camera sees of an inline SVG QR code, as RGBA pixels: its dark modules are
 * the runs of the stroked path (absolute M, relative m and h), 4 pixels a module, on white.
 */
const qrPixels = (svg: string) => {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const d = /<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/.exec(svg)![1];
  const scale = 4;
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MmHh])([^MmHh]+)/g)) {
    const [a, b = 0] = args.trim().split(/[\s,]+/).map(Number);
    if (cmd === 'M') [x, y] = [a, b];
    else if (cmd === 'm') [x, y] = [x + a, y + b];
    else {
      const to = cmd === 'h' ? x + a : a;
      for (let col = x; col < to; col++) {
        for (let py = Math.floor(y) * scale; py < (Math.floor(y) + 1) * scale; py++) {
          for (let px = col * scale; px < (col + 1) * scale; px++) data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
        }
      }
      x = to;
    }
  }
  return { data, width, height: width };
};

describe('the static site, built from the CMS', () => {
  let cms: TestCms;
  let outDir: string;
  /** The photos an editor gave a room and an activity, as the CMS serves them. */
  let hallPhoto: { id: number; url: string };
  let patrolPhoto: { id: number; url: string };

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
      // Raw HTML an Author could paste in, among ordinary markdown.
      body: [
        '食堂**午餐**菜单调整，详见[菜单](https://canteen.example/menu)。',
        '<script>alert("news")</script>',
        '<img src="https://canteen.example/x.png" onerror="alert(\'news\')">',
        '[别点](jAvAsCrIpT:alert("news")) <a href="&#106;avascript:alert(1)">也别点</a>',
      ].join('\n\n'),
      tags: '幸福大食堂',
    });
    if (created.status !== 201) throw new Error(`could not create the news item: ${created.status}`);
    const published = await admin.request('POST', `/content-manager/collection-types/api::news.news/${created.body.data.documentId}/actions/publish?locale=zh-CN`, {});
    if (published.status !== 200) throw new Error(`could not publish the news item: ${published.status}`);
    // The demo's classes are on school days; a nightly patrol from yesterday to a week ahead puts
    // something on "today" and "this week" of the home page whatever day the site is built.
    const upload = async (name: string, alternativeText: string) => {
      const form = new FormData();
      form.append('files', new Blob([PNG], { type: 'image/png' }), name);
      form.append('fileInfo', JSON.stringify({ alternativeText }));
      const res = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
      if (res.status !== 201) throw new Error(`could not upload ${name}: ${res.status}`);
      return ((await res.json()) as Array<{ id: number; url: string }>)[0]!;
    };
    hallPhoto = await upload('hall.png', '多功能厅');
    patrolPhoto = await upload('patrol.png', '夜间巡逻');
    const { body: rooms } = await cms.get('/api/booking/rooms');
    const hall = rooms.data.find((r: any) => r.slug === 'multi-purpose-hall');
    const roomUid = 'plugin::booking.room';
    const photographed = await admin.request('PUT', `/content-manager/collection-types/${roomUid}/${hall.id}?locale=zh-CN`, { photos: [hallPhoto.id] });
    if (photographed.status !== 200) throw new Error(`could not give the hall a photo: ${photographed.status}`);
    const republished = await admin.request('POST', `/content-manager/collection-types/${roomUid}/${hall.id}/actions/publish?locale=zh-CN`, {});
    if (republished.status !== 200) throw new Error(`could not publish the hall: ${republished.status}`);
    const today = zonedDateOf(new Date(), 'Asia/Shanghai');
    const patrol = await createActivity(admin, 'event', {
      slug: 'evening-patrol',
      title: '志愿者夜间巡逻',
      capacity: 10,
      registrationEnabled: false,
      enrolmentMode: 'session',
      location: '社区各楼栋',
      cover: patrolPhoto.id,
      description: '每晚巡逻，安排见[排班表](https://patrol.example/plan)。\n\n<p onclick="alert(1)">点我</p><svg onload="alert(1)"></svg><iframe src="https://evil.example/"></iframe>',
      schedule: weekly(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], addDays(today, -1), addDays(today, 7), '19:30', 150),
    });
    if (patrol.published.status !== 200) throw new Error(`could not publish the patrol: ${patrol.published.status} ${JSON.stringify(patrol.published.body)}`);
    outDir = mkdtempSync(path.join(tmpdir(), 'linli-site-'));
    await buildSite({ cmsUrl: cms.url, outDir, siteUrl: SITE_URL });
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

  it('shows this week’s sessions on /timetable/ and every week of the term with sessions on a page of its own, in both languages', async () => {
    // The term's end, from every course's and event's own list of coming dates.
    const slugs = async (kind: string) => ((await cms.get(`/api/booking/${kind}`)).body.data as any[]).map((a) => `${kind}/${a.slug}`);
    const details = await Promise.all([...(await slugs('courses')), ...(await slugs('events'))].map((p) => cms.get(`/api/booking/${p}`)));
    const lastDate = details.flatMap((d) => d.body.data.sessions.map((x: any) => x.start.slice(0, 10) as string)).sort().at(-1)!;
    const thisWeek = comingWeeks()[0];
    // The demo's monthly volunteers' day runs a year ahead: the term reaches far beyond the old four weeks.
    expect(lastDate > addDays(thisWeek.monday, 120)).toBe(true);
    // Every session from this week to the end, by week, read from the CMS as a resident's calendar would.
    const byWeek = new Map<string, { week: ReturnType<typeof weekHolding>; zh: any[]; en: any[] }>();
    for (let start = thisWeek.monday; start <= lastDate; start = addDays(start, 62)) {
      const range = `from=${start}&to=${addDays(start, 61)}`;
      const [{ body: zh }, { body: en }] = await Promise.all([cms.get(`/api/booking/timetable?${range}`), cms.get(`/api/booking/timetable?${range}&locale=en`)]);
      expect(zh.meta.lastSessionDate).toBe(lastDate);
      for (const [list, key] of [[zh.data, 'zh'], [en.data, 'en']] as const) {
        for (const x of list) {
          const week = weekHolding(x.start.slice(0, 10));
          if (!byWeek.has(week.id)) byWeek.set(week.id, { week, zh: [], en: [] });
          const into = byWeek.get(week.id)![key];
          if (!into.some((y) => y.id === x.id)) into.push(x);
        }
      }
    }
    const weeks = [...byWeek.values()].sort((a, b) => a.week.monday.localeCompare(b.week.monday));
    // A page for each week with sessions, and no other, in both languages.
    for (const prefix of ['', 'en/']) {
      const built = (readdirSync(path.join(outDir, prefix, 'timetable'), { withFileTypes: true }) as Array<{ name: string; isDirectory(): boolean }>)
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
      expect(built).toEqual(weeks.map((w) => w.week.id));
    }
    const far = weeks.find((w) => w.week.monday > addDays(thisWeek.monday, 90));
    expect(far).toBeDefined();
    for (const [i, { week, zh: sessions, en: enSessions }] of weeks.entries()) {
      const paths = week.id === thisWeek.id ? ['timetable', `timetable/${week.id}`] : [`timetable/${week.id}`];
      for (const p of paths) {
        const html = page(p);
        const zh = textOf(html);
        const en = textOf(page(`en/${p}`));
        // Every session of that week, with its time, and none of another week.
        expect(html.match(/<li class="session[\s"]/g) ?? []).toHaveLength(sessions.length);
        for (const session of sessions) {
          expect(zh).toContain(session.activity.title);
          expect(zh).toMatch(new RegExp(`${session.start.slice(11, 16)} ?– ?${session.end.slice(11, 16)}`));
          expect(html).toMatch(new RegExp(`<time datetime="${session.start.replace('+', '\\+')}"`));
        }
        for (const session of enSessions) expect(en).toContain(session.activity.title);
        expect(page(`en/${p}`)).toContain('<html lang="en">');
        expect(html).toContain('/api/booking/calendar/timetable.ics');
        // A step to the nearest weeks with sessions, none past the term's ends, and a way to the whole term.
        for (const [rel, other, prefix] of [['prev', weeks[i - 1], ''], ['next', weeks[i + 1], ''], ['prev', weeks[i - 1], '/en'], ['next', weeks[i + 1], '/en']] as const) {
          const link = new RegExp(`rel="${rel}" href="([^"]*)"`).exec(prefix ? page(`en/${p}`) : html)?.[1];
          if (p === 'timetable' && rel === 'prev') expect(link).toBeUndefined();
          else expect(link).toBe(other ? `${prefix}/timetable/${other.week.id}/` : undefined);
        }
        expect(html).toContain(p === 'timetable' ? 'href="#term-weeks"' : 'href="/timetable/#term-weeks"');
      }
    }
    expect(page('timetable')).not.toContain('rel="prev"');
    expect(page('timetable')).toContain(`rel="next" href="/timetable/${weeks.find((w) => w.week.monday > thisWeek.monday)!.week.id}/"`);
    // The landing page lists every week of the term by month, in both languages.
    for (const [prefix, month] of [['', (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`], ['en/', (m: string) => new Date(`${m}-01T00:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })]] as const) {
      const html = page(`${prefix}timetable`);
      const term = html.slice(html.indexOf('id="term-weeks"'), html.indexOf('class="print-hint"'));
      expect([...term.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(weeks.map((w) => `/${prefix}timetable/${w.week.id}/`));
      const months = [...new Set(weeks.map((w) => w.week.monday.slice(0, 7)))];
      expect([...term.matchAll(/<h3[^>]*>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual(months.map(month));
    }
    expect(textOf(page(`timetable/${far!.week.id}`))).toContain(far!.zh[0].activity.title);
    expect(textOf(page('timetable'))).not.toContain('周桂兰');
  });

  it('has a printable A4 door poster for every room, in both languages, whose QR code opens the room’s booking page', async () => {
    for (const [locale, prefix] of [['zh-CN', ''], ['en', 'en/']] as const) {
      const { body } = await cms.get(`/api/booking/rooms?locale=${locale}`);
      expect(body.data.length).toBeGreaterThan(1);
      for (const room of body.data) {
        const html = page(`${prefix}rooms/${room.slug}/poster`);
        const text = textOf(html);
        expect(html).toContain(`<html lang="${locale}">`);
        expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
        expect(text).toContain(room.name);
        expect(text).toContain(locale === 'en' ? `Up to ${room.capacity} people` : `可容纳 ${room.capacity} 人`);
        // Chinese first on both: the Chinese name and capacity are on the English poster too.
        expect(text).toContain(`可容纳 ${room.capacity} 人`);
        for (const [day, periods] of Object.entries(room.openingHours as Record<string, Array<{ start: string; end: string }>>)) {
          for (const period of periods) expect({ day, text }).toEqual({ day, text: expect.stringContaining(`${period.start}–${period.end}`) });
        }
        if (room.photos.length > 0) expect(html).toContain(room.photos[0].url);
        // The QR code, drawn at build time with no script, decodes to the room's page on the site, as printed under it.
        expect(html.replace(/<script data-linli="text-size">[\s\S]*?<\/script>/, '')).not.toMatch(/<script/);
        const svg = /<svg[\s\S]*?<\/svg>/.exec(html.slice(html.indexOf('class="code"')))![0];
        const { data, width, height } = qrPixels(svg);
        const decoded = jsQR(data, width, height)?.data;
        expect(decoded).toMatch(/^https?:\/\/[^/]+\//);
        expect(new URL(decoded!).pathname).toBe(`/${prefix}rooms/${room.slug}/`);
        expect(text).toContain(decoded);
        // Linked from the room's own page.
        expect(page(`${prefix}rooms/${room.slug}`)).toContain(`href="/${prefix}rooms/${room.slug}/poster/"`);
      }
    }
    const css = (readdirSync(path.join(outDir, '_astro')) as string[])
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(path.join(outDir, '_astro', f), 'utf8'))
      .join('\n');
    expect(`${css}\n${page('rooms/' + (await cms.get('/api/booking/rooms')).body.data[0].slug + '/poster')}`).toMatch(/@page\s*\{[^}]*size:\s*A4\s*[;}]/);
  });

  it('filters the timetable by category, audience and room with labelled controls and CSS made at build time, no script', async () => {
    const week = comingWeeks()[0];
    const { body } = await cms.get(`/api/booking/timetable?from=${week.monday}&to=${week.sunday}`);
    const html = page('timetable');
    for (const [id, label] of [['filter-category', '类别'], ['filter-audience', '适合人群'], ['filter-room', '功能室']]) {
      expect(html).toMatch(new RegExp(`<label for="${id}"[^>]*>${label}</label><select id="${id}"[^>]*><option value="" selected[^>]*>全部</option>`));
    }
    const categories = [...new Set(body.data.map((x: any) => x.activity.category?.slug).filter(Boolean))] as string[];
    expect(categories.length).toBeGreaterThan(1);
    for (const slug of categories) {
      expect(html).toMatch(new RegExp(`<option value="${slug}"[^>]*>`));
      expect(html).toContain(`.timetable:has(#filter-category option[value="${slug}"]:checked) .session:not([data-category="${slug}"]){display:none}`);
      expect(html).toContain(`data-category="${slug}"`);
    }
    const rooms = [...new Set(body.data.map((x: any) => x.activity.room?.slug).filter(Boolean))] as string[];
    for (const slug of rooms) expect(html).toContain(`.timetable:has(#filter-room option[value="${slug}"]:checked) .session:not([data-room="${slug}"]){display:none}`);
    expect(html).toMatch(/\.timetable:has\(#filter-audience option\[value="a0"\]:checked\)/);
  });

  it('prints a week on one A4 page, landscape, without the navigation and filters', () => {
    const css = (readdirSync(path.join(outDir, '_astro')) as string[])
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(path.join(outDir, '_astro', f), 'utf8'))
      .join('\n');
    expect(css).toMatch(/@page\s*\{[^}]*size:\s*A4 landscape/);
    expect(css).toMatch(/@media print\s*\{[^@]*\.filters[^{]*\{[^}]*display:\s*none/);
  });

  it('ships no JavaScript on pages without a form, but the tiny large-text script', () => {
    const pages = allPages();
    for (const p of ['', 'rooms', 'timetable', 'en', 'en/rooms', 'en/timetable', 'news', 'en/news', 'courses', 'en/events', 'about', 'en/about']) expect(pages).toContain(p);
    // Pages with a form (a room’s booking, enrolment, managing a booking, finding one, "I can’t come", the room finder) have their
    // islands, and so has the foyer screen (it refreshes itself).
    const withForm = /^(en\/)?(rooms|courses\/[^/]+|events\/[^/]+|manage|find|cant-come|screen)(\/|$)/;
    const checked = pages.filter((p) => !withForm.test(p));
    expect(checked.length).toBeGreaterThan(20);
    for (const p of [...checked.map((x) => path.join(x, 'index.html')), '404.html']) {
      const html = readFileSync(path.join(outDir, p), 'utf8');
      const inline = html.match(/<script data-linli="text-size">[\s\S]*?<\/script>/g) ?? [];
      expect(inline).toHaveLength(1);
      expect(inline[0]!.length).toBeLessThan(1000);
      expect(html.replace(inline[0]!, '')).not.toMatch(/<script/);
    }
  });

  it('passes the W3C Nu HTML Checker on every built page, without one error', async () => {
    const files = (readdirSync(outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => path.join(outDir, f));
    expect(files.length).toBeGreaterThan(40);
    // One line per error, page first, so a failure says where to look.
    const errors = (await htmlErrors(files)).map((e) => `/${path.relative(outDir, e.file)}:${e.line ?? '?'}: ${e.message}${e.extract ? ` [${e.extract.trim().slice(0, 120)}]` : ''}`);
    expect(errors).toEqual([]);
  });

  it('gives every page a share card for WeChat and other apps: title, description, image and its own address, absolute on SITE_URL', async () => {
    const meta = (html: string, key: string) => {
      const found = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html);
      return found ? textOf(found[1]).trim() : undefined;
    };
    const { body: zh } = await cms.get('/api/site-setting?locale=zh-CN');
    const { body: en } = await cms.get('/api/site-setting?locale=en');
    const centreCard = `${SITE_URL}/share/centre.png`;
    const pages = allPages();
    expect(pages.length).toBeGreaterThan(40);
    for (const p of pages) {
      const html = page(p);
      const english = /^en(\/|$)/.test(p);
      const address = `${SITE_URL}/${p ? `${p}/` : ''}`;
      expect(html).toContain(`<link rel="canonical" href="${address}">`);
      expect(meta(html, 'og:url')).toBe(address);
      expect(meta(html, 'og:title')).toBeTruthy();
      expect(meta(html, 'og:description')).toBeTruthy();
      expect(meta(html, 'description')).toBe(meta(html, 'og:description'));
      expect(meta(html, 'og:type')).toMatch(/^(website|article)$/);
      expect(meta(html, 'og:locale')).toBe(english ? 'en_GB' : 'zh_CN');
      expect(meta(html, 'og:site_name')).toBe((english ? en : zh).data.centreName);
      expect(meta(html, 'twitter:card')).toBe('summary_large_image');
      // The centre's card on the site, or a photo the CMS serves: either way a whole address an app can fetch.
      const image = meta(html, 'og:image')!;
      expect(image === centreCard || image.startsWith(`${cms.url}/uploads/`)).toBe(true);
    }
    // The card is an image WeChat takes (at least 300×300) in the 1200×630 of link previews.
    const card = readFileSync(path.join(outDir, 'share', 'centre.png'));
    expect(card.subarray(1, 4).toString()).toBe('PNG');
    expect([card.readUInt32BE(16), card.readUInt32BE(20)]).toEqual([1200, 630]);
    // A room shows its photo, an activity its own, a page without one the centre's card.
    const { body: hall } = await cms.get('/api/booking/rooms/multi-purpose-hall');
    expect(meta(page('rooms/multi-purpose-hall'), 'og:image')).toBe(`${cms.url}${hallPhoto.url}`);
    expect(meta(page('rooms/multi-purpose-hall'), 'og:title')).toBe(hall.data.name);
    expect(meta(page('rooms/multi-purpose-hall'), 'og:description')).toBe(hall.data.description);
    expect(meta(page('events/evening-patrol'), 'og:image')).toBe(`${cms.url}${patrolPhoto.url}`);
    expect(meta(page('events/evening-patrol'), 'og:title')).toBe('志愿者夜间巡逻');
    expect(meta(page('rooms/council-hall'), 'og:image')).toBe(centreCard);
    expect(meta(page('news/canteen-menu-2020'), 'og:image')).toBe(centreCard);
    expect(meta(page('news/canteen-menu-2020'), 'og:type')).toBe('article');
    expect(meta(page('news/canteen-menu-2020'), 'og:description')).toBe('食堂菜单调整。');
    expect(meta(page(''), 'og:type')).toBe('website');
  });

  it('refuses to build with a SITE_URL that is not an absolute address, naming it', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'linli-site-'));
    await expect(buildSite({ cmsUrl: cms.url, outDir: out, siteUrl: 'linli.example.org' })).rejects.toThrow(/SITE_URL must be the site's absolute public address[^\n]*linli\.example\.org/);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });

  it('has a large-text switch on every page: a button with its state, remembered in the browser', () => {
    // The foyer screen is large already, and nobody touches the television.
    for (const p of allPages().filter((x) => !/^(en\/)?screen$/.test(x))) {
      const html = page(p);
      expect(html).toMatch(/<button type="button" class="text-size" aria-pressed="false">(大字|Large text)<\/button>/);
      expect(html).toMatch(/<html lang="(zh-CN|en)">/);
    }
    expect(page('')).toContain("localStorage.getItem(k)==='1'");
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

  it('takes script, event handlers and javascript: links out of what editors write, keeping formatting and links', () => {
    for (const html of [page('news/canteen-menu-2020'), page('events/evening-patrol')]) {
      expect(html).not.toMatch(/alert\(|javascript:|\son(error|click|load)=|<iframe|<svg/i);
    }
    const news = page('news/canteen-menu-2020');
    expect(news).toContain('<strong>午餐</strong>');
    expect(news).toContain('<a href="https://canteen.example/menu">菜单</a>');
    expect(news).toContain('<img src="https://canteen.example/x.png"');
    expect(textOf(news)).toMatch(/别点.*也别点/);
    expect(page('events/evening-patrol')).toContain('<a href="https://patrol.example/plan">排班表</a>');
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
    expect(html).toMatch(new RegExp(`href="/rooms/(#${detail.room.slug}|${detail.room.slug}/)"`));
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
    // The festival takes sign-ups and shows its places; the volunteers' day takes none and shows none.
    const bySlug = Object.fromEntries(body.data.map((e: any) => [e.slug, e]));
    expect(bySlug['neighbourhood-festival'].registrationEnabled).toBe(true);
    expect(textOf(page('en/events/neighbourhood-festival'))).toMatch(/places left|as of /);
    expect(bySlug['volunteers-day'].registrationEnabled).toBe(false);
    expect(textOf(page('en/events/volunteers-day'))).not.toMatch(/places left|as of /);
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
    expect(week.data.map((x: any) => x.start.slice(0, 10))).toContain(today);
    for (const session of week.data.slice(0, 5)) expect(text).toContain(session.activity.title);
    expect(text).toContain('志愿者夜间巡逻');
    const { body: en } = await cms.get('/api/site-setting?locale=en');
    expect(textOf(page('en'))).toContain(en.data.notice);
  });

  it('shows the centre’s address, map, phone, opening hours and how to book by phone on /about/, linked from every page', async () => {
    for (const [locale, prefix] of [['zh-CN', ''], ['en', 'en/']] as const) {
      const { body } = await cms.get(`/api/site-setting?locale=${locale}`);
      const settings = body.data;
      const html = page(`${prefix}about`);
      const text = textOf(html);
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(text).toContain(settings.centreName);
      expect(text).toContain(settings.address);
      expect(text).toContain(settings.phone);
      expect(text).toContain(settings.openingHoursText);
      expect(html).toContain(`href="tel:${settings.phone.replace(/[^\d+]/g, '')}"`);
      expect(html).toContain(`href="${escaped(settings.mapUrl)}"`);
      expect(text).toMatch(locale === 'en' ? /Call .* during opening hours/ : /请在开放时间内拨打/);
      // The footer of any page: address, phone, hours, and links to about, the feed and the sitemap.
      const other = page(`${prefix}news`);
      expect(other).toContain(`href="/${prefix}about/"`);
      expect(other).toContain(`href="/${prefix}rss.xml"`);
      expect(other).toContain('href="/sitemap-index.xml"');
      expect(textOf(other)).toContain(settings.openingHoursText);
      expect(other).toMatch(new RegExp(`<link rel="alternate" type="application/rss\\+xml"[^>]*href="[^"]*/${prefix}rss.xml"`));
    }
  });

  it('has one 404 page in both languages, with the way home in each', () => {
    const html = readFileSync(path.join(outDir, '404.html'), 'utf8');
    const text = textOf(html);
    expect(text).toContain('找不到这个页面');
    expect(text).toContain('Page not found');
    expect(html).toMatch(/<a href="\/"[^>]*>返回首页<\/a>/);
    expect(html).toMatch(/<div lang="en"[^>]*>[\s\S]*<a href="\/en\/"[^>]*>Go to the home page<\/a>/);
    expect(html).not.toContain('hreflang="en" href="http');
  });

  it('publishes the news as RSS in each language, newest first', async () => {
    for (const [locale, prefix] of [['zh-CN', ''], ['en', 'en/']] as const) {
      const xml = readFileSync(path.join(outDir, prefix, 'rss.xml'), 'utf8');
      expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss version="2.0">/);
      expect(xml.match(/<item>/g)?.length).toBe(xml.match(/<\/item>/g)?.length);
      const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => ({
        title: textOf(/<title>([\s\S]*?)<\/title>/.exec(m[1])![1].replace(/&apos;/g, "'")),
        link: /<link>([\s\S]*?)<\/link>/.exec(m[1])![1],
        pubDate: /<pubDate>([\s\S]*?)<\/pubDate>/.exec(m[1])![1],
      }));
      const { body } = await cms.get(`/api/news?locale=${locale}&sort=publishedDate:desc`);
      expect(items).toHaveLength(body.data.length);
      for (const [i, item] of body.data.entries()) {
        expect(items[i].title).toContain(item.title);
        expect(new URL(items[i].link).pathname).toBe(`/${prefix}news/${item.slug}/`);
        expect(new Date(items[i].pubDate).toISOString().slice(0, 10)).toBe(item.publishedDate.slice(0, 10));
        expect(existsSync(path.join(outDir, prefix, 'news', item.slug, 'index.html'))).toBe(true);
      }
    }
  });

  it('lists the pages of both languages in the sitemap, each with its twin, and no 404', () => {
    const index = readFileSync(path.join(outDir, 'sitemap-index.xml'), 'utf8');
    const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    expect(parts.length).toBeGreaterThan(0);
    const locs = parts.flatMap((p) => [...readFileSync(path.join(outDir, p), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname));
    for (const p of ['/', '/en/', '/timetable/', '/en/timetable/', `/timetable/${comingWeeks()[1].id}/`, '/about/', '/en/about/', '/news/', '/en/news/', '/news/canteen-menu-2020/'])
      expect(locs).toContain(p);
    expect(locs.some((p) => p.includes('404'))).toBe(false);
    // Every address in it is a page that was built.
    for (const p of locs) expect(existsSync(path.join(outDir, p, 'index.html'))).toBe(true);
    const sitemap = readFileSync(path.join(outDir, parts[0]), 'utf8');
    expect(sitemap).toMatch(/hreflang="en" href="[^"]*\/en\/about\/"/);
    const chineseOnly = /<url><loc>[^<]*\/news\/canteen-menu-2020\/<\/loc>([\s\S]*?)<\/url>/.exec(sitemap)![1];
    expect(chineseOnly).not.toContain('/en/news/canteen-menu-2020/');
  });

  it('builds the foyer screen in both languages: out of search engines and the sitemap, no navigation, today’s activities and the island that refreshes it', async () => {
    const today = zonedDateOf(new Date(), 'Asia/Shanghai');
    for (const [locale, prefix, now] of [['zh-CN', '', '正在进行'], ['en', 'en/', 'Now']] as const) {
      const html = page(`${prefix}screen`);
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).not.toMatch(/<nav[\s>]/);
      expect(html).toMatch(/<script type="module" src="[^"]+\.js"><\/script>|<script type="module">/);
      const text = textOf(html);
      expect(text).toContain(now);
      const { body } = await cms.get(`/api/booking/timetable?from=${today}&to=${addDays(today, 6)}&locale=${locale}`);
      // What is on or next at build time is from this week's sessions, in the page's language.
      const titles = new Set(body.data.map((x: any) => x.activity.title));
      const shown = [...html.matchAll(/<span class="title"[^>]*>([^<]+)<\/span>/g)].map((m) => m[1]);
      expect(shown.length).toBeGreaterThan(0);
      for (const title of shown) expect(titles).toContain(textOf(title).trim());
    }
    const sitemaps = (readdirSync(outDir) as string[]).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    for (const f of sitemaps) expect(readFileSync(path.join(outDir, f), 'utf8')).not.toMatch(/\/screen\//);
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
