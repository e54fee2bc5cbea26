import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../../scripts/lib/site-build.mts';
import { startTestCms, type TestCms } from '../harness/cms';
import { addDays, zonedDateOf } from '../../plugins/booking/server/src/core/time/zoned';

/** Visible text of a built page, without tags, so assertions read like what a resident sees. */
const textOf = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the static site, built from the CMS', () => {
  let cms: TestCms;
  let outDir: string;

  beforeAll(async () => {
    cms = await startTestCms({ demo: true });
    outDir = mkdtempSync(path.join(tmpdir(), 'linli-site-'));
    await buildSite({ cmsUrl: cms.url, outDir });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  const page = (p: string) => readFileSync(path.join(outDir, p, 'index.html'), 'utf8');

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
    for (const p of ['', 'rooms', 'timetable', 'en', 'en/rooms', 'en/timetable']) expect(page(p)).not.toMatch(/<script/);
  });

  it('refuses to build when the CMS cannot be reached, rather than publish an empty site', async () => {
    await expect(buildSite({ cmsUrl: 'http://127.0.0.1:9', outDir: mkdtempSync(path.join(tmpdir(), 'linli-site-')) })).rejects.toThrow(/did not answer/);
  });
});
