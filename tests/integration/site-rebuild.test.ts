// Publishing what the site shows calls the site's build hook (SITE_BUILD_HOOK_URL), naming the change.
//
// How many calls a burst of edits makes is the debouncer's job, tested on a controlled clock in
// tests/unit/cms/src/site-rebuild/debounce.test.ts. Here the quiet window is short and the tests
// count changes, not calls: however slow the machine, a burst split into two calls still passes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pWaitFor from 'p-wait-for';
import { startTestCms, type TestCms } from '../harness/cms';
import { asAdmin } from '../harness/admin';
import { openDatabase } from '../harness/database';
import { createRoom, reservation, TZ, type Admin } from '../harness/fixtures';

const DEBOUNCE_MS = 200;

interface HookCall {
  path: string;
  headers: Record<string, unknown>;
  body: any;
}

describe('rebuilding the site when editors publish', () => {
  let cms: TestCms;
  let admin: Admin;
  let server: Server;
  const calls: HookCall[] = [];
  let answerWith = 200;
  /** Answers for the next calls, in order, before `answerWith` takes over again. */
  const nextAnswers: number[] = [];
  let newsId: string;
  let roomId: string;

  /** How many changes the calls so far name in all (each call counts its burst in `total`). */
  const counted = () => calls.reduce((n, call) => n + call.body.client_payload.total, 0);
  /** The calls so far, once they count `total` changes in all. */
  const callsCounting = async (total: number) => {
    await pWaitFor(() => counted() >= total, { interval: 50, timeout: 30_000 }).catch(() => undefined);
    expect(counted()).toBe(total);
    return [...calls];
  };

  const news = (action: 'publish' | 'unpublish') =>
    admin.request('POST', `/content-manager/collection-types/api::news.news/${newsId}/actions/${action}?locale=zh-CN`, {});
  const room = (action: 'publish' | 'unpublish') =>
    admin.request('POST', `/content-manager/collection-types/plugin::booking.room/${roomId}/actions/${action}?locale=zh-CN`, {});

  beforeAll(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        calls.push({ path: `${req.method} ${req.url}`, headers: req.headers, body: JSON.parse(text || 'null') });
        res.writeHead(nextAnswers.shift() ?? answerWith, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    cms = await startTestCms({
      // Retries a second apart (then two), so a hook failing twice is called a third time within seconds.
      env: { SITE_BUILD_HOOK_URL: `http://127.0.0.1:${port}/hooks/build?secret=s3cret`, SITE_BUILD_DEBOUNCE_MS: String(DEBOUNCE_MS), SITE_BUILD_RETRY_DELAY_SECONDS: '1', SITE_BUILD_RETRY_LIMIT: '2' },
    });
    admin = await asAdmin(cms);
    roomId = await createRoom(admin, { slug: 'test-room', name: '活动室' });
    const created = await admin.request('POST', '/content-manager/collection-types/api::news.news?locale=zh-CN', {
      title: '测试新闻',
      slug: 'test-news',
      kind: 'news',
      publishedDate: '2026-01-15',
      summary: '测试。',
      body: '测试。',
    });
    expect(created.status).toBe(201);
    newsId = created.body.data.documentId;
    // Publishing the room above was a change too (creating the news draft was not): let its call
    // go by before counting.
    await callsCounting(1);
    calls.length = 0;
  });

  afterAll(async () => {
    await cms?.stop();
    await new Promise((r) => server?.close(r));
  });

  it('calls the hook after ten publishes and unpublishes in a row, with JSON bodies counting and naming them', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push((await news(i % 2 === 0 ? 'publish' : 'unpublish')).status);
      answers.push((await room(i % 2 === 0 ? 'unpublish' : 'publish')).status);
    }
    expect(answers).toEqual(Array(10).fill(200));
    const received = await callsCounting(10);
    for (const call of received) {
      expect(call.path).toBe('POST /hooks/build?secret=s3cret');
      expect(call.headers['content-type']).toBe('application/json');
      expect(call.body.event_type).toBe('linli-content-changed');
    }
    // Both documents are named, with nothing else, each with an action it had (which one counts
    // as the last in a burst is the debouncer's unit test's business).
    const named = received.flatMap((call) => call.body.client_payload.changes);
    const ids: Record<string, string> = { 'api::news.news': newsId, 'plugin::booking.room': roomId };
    expect(named.filter((c: any) => !(ids[c.uid] === c.documentId && c.locale === 'zh-CN' && /^(un)?publish$/.test(c.action)))).toEqual([]);
    expect(new Set(named.map((c: any) => c.uid))).toEqual(new Set(Object.keys(ids)));
  });

  it('calls it again for a later single edit', async () => {
    calls.length = 0;
    expect((await room('publish')).status).toBe(200);
    const [call] = await callsCounting(1);
    expect(call.body.client_payload).toEqual({ total: 1, changes: [{ uid: 'plugin::booking.room', action: 'publish', documentId: roomId, locale: 'zh-CN' }] });
  });

  it('does not call it for a reservation, nor for editing a draft', async () => {
    calls.length = 0;
    const made = await cms.request('POST', '/api/booking/reservations', { data: reservation() });
    expect(made.status).toBe(201);
    const edited = await admin.request('PUT', `/content-manager/collection-types/api::news.news/${newsId}?locale=zh-CN`, { summary: '改过的摘要。' });
    expect(edited.status).toBe(200);
    // A change that does count, after them: had they counted, they would be named before it or with it.
    expect((await news('publish')).status).toBe(200);
    const received = await callsCounting(1);
    expect(received.flatMap((call) => call.body.client_payload.changes)).toEqual([{ uid: 'api::news.news', action: 'publish', documentId: newsId, locale: 'zh-CN' }]);
  });

  it('calls a hook that fails twice a third time, logging each failure and when it retries, and the site counts as rebuilt', async () => {
    calls.length = 0;
    nextAnswers.push(503, 500);
    expect((await news('unpublish')).status).toBe(200);
    await pWaitFor(() => calls.length >= 3, { interval: 50, timeout: 30_000 }).catch(() => undefined);
    await pWaitFor(() => /Site build hook called .* on attempt 3/.test(cms.output()), { interval: 50, timeout: 10_000 }).catch(() => undefined);
    // The same burst each time: one unpublish, named alike.
    expect(calls.map((call) => call.body.client_payload)).toEqual(Array(3).fill({ total: 1, changes: [{ uid: 'api::news.news', action: 'unpublish', documentId: newsId, locale: 'zh-CN' }] }));
    expect(cms.output()).toMatch(/Site build hook .* failed for 1 change \(attempt 1 of 3\): the hook answered 503 .*; retrying in 1(–2)? s/);
    expect(cms.output()).toMatch(/Site build hook .* failed for 1 change \(attempt 2 of 3\): the hook answered 500 .*; retrying in 2(–4)? s/);
    expect(cms.output()).toMatch(/Site build hook called \(.*\) for 1 change, on attempt 3/);
    // The secret in the hook's query string is never logged.
    expect(cms.output()).not.toContain('s3cret');
  });

  it('schedules the nightly rebuild at 00:05 on the centre’s clock', async () => {
    expect(cms.output()).toContain(`nightly rebuild at "5 0 * * *" in ${TZ}`);
    if (cms.database.kind !== 'postgres') return;
    // pg-boss keeps the schedule in the database, where every process's cron pass reads it.
    const db = await openDatabase(cms.database);
    try {
      expect(await db.query("SELECT cron, timezone FROM booking_jobs.schedule WHERE name = 'site.rebuild'")).toEqual([{ cron: '5 0 * * *', timezone: TZ }]);
    } finally {
      await db.close();
    }
  });

  it('logs a hook that keeps failing, gives up after its last retry, and never fails the editor’s publish', async () => {
    calls.length = 0;
    answerWith = 503;
    try {
      expect((await news('publish')).status).toBe(200);
      await pWaitFor(() => /giving up/.test(cms.output()), { interval: 100, timeout: 60_000 }).catch(() => undefined);
      expect(calls).toHaveLength(3);
      expect(cms.output()).toMatch(/Site build hook .* failed for 1 change \(attempt 3 of 3\): the hook answered 503 .*; giving up/);
      expect(cms.output()).not.toContain('s3cret');
    } finally {
      answerWith = 200;
    }
  });
});
