// Publishing what the site shows calls the site's build hook (SITE_BUILD_HOOK_URL), once per burst.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestCms, type TestCms } from '../harness/cms';
import { asAdmin } from '../harness/admin';
import { createRoom, reservation, type Admin } from '../harness/fixtures';

const DEBOUNCE_MS = 2500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
  let newsId: string;
  let roomId: string;

  /** Waits until `count` calls arrived in all, then one more quiet window to see that no other follows. */
  const settle = async (count: number) => {
    const deadline = Date.now() + 30_000;
    while (calls.length < count && Date.now() < deadline) await sleep(100);
    await sleep(DEBOUNCE_MS + 1500);
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
        res.writeHead(answerWith, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    cms = await startTestCms({
      env: { SITE_BUILD_HOOK_URL: `http://127.0.0.1:${port}/hooks/build?secret=s3cret`, SITE_BUILD_DEBOUNCE_MS: String(DEBOUNCE_MS) },
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
    // Publishing the room above was a change too: let its call go by before counting.
    await settle(1);
    calls.length = 0;
  });

  afterAll(async () => {
    await cms?.stop();
    await new Promise((r) => server?.close(r));
  });

  it('calls the hook once, with a JSON body naming what changed, after ten publishes and unpublishes in a row', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push((await news(i % 2 === 0 ? 'publish' : 'unpublish')).status);
      answers.push((await room(i % 2 === 0 ? 'unpublish' : 'publish')).status);
    }
    expect(answers).toEqual(Array(10).fill(200));
    await settle(1);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.path).toBe('POST /hooks/build?secret=s3cret');
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.body.event_type).toBe('linli-content-changed');
    expect(call.body.client_payload.total).toBe(10);
    expect(call.body.client_payload.changes).toEqual(
      expect.arrayContaining([
        { uid: 'api::news.news', action: 'publish', documentId: newsId, locale: 'zh-CN' },
        { uid: 'plugin::booking.room', action: 'unpublish', documentId: roomId, locale: 'zh-CN' },
      ])
    );
    // The room ended unpublished, the news published. Publish the room again for what follows.
  });

  it('calls it again for a later single edit', async () => {
    calls.length = 0;
    expect((await room('publish')).status).toBe(200);
    await settle(1);
    expect(calls).toHaveLength(1);
    expect(calls[0].body.client_payload).toEqual({ total: 1, changes: [{ uid: 'plugin::booking.room', action: 'publish', documentId: roomId, locale: 'zh-CN' }] });
  });

  it('does not call it for a reservation, nor for editing a draft', async () => {
    calls.length = 0;
    const made = await cms.request('POST', '/api/booking/reservations', { data: reservation() });
    expect(made.status).toBe(201);
    const edited = await admin.request('PUT', `/content-manager/collection-types/api::news.news/${newsId}?locale=zh-CN`, { summary: '改过的摘要。' });
    expect(edited.status).toBe(200);
    await sleep(DEBOUNCE_MS + 2000);
    expect(calls).toHaveLength(0);
  });

  it('logs a failing hook and never fails the editor’s publish', async () => {
    calls.length = 0;
    answerWith = 503;
    try {
      expect((await news('unpublish')).status).toBe(200);
      await settle(1);
      expect(calls).toHaveLength(1);
      expect(cms.output()).toMatch(/Site build hook .* failed: the hook answered 503/);
      // The secret in the hook's query string is never logged.
      expect(cms.output()).not.toContain('s3cret');
    } finally {
      answerWith = 200;
    }
  });
});
