import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import getPort from 'get-port';
import pWaitFor from 'p-wait-for';
import { startCms, type RunningCms } from '../../scripts/lib/cms-process.mts';
import { generateSecrets } from '../../scripts/lib/secrets.mts';
import { createTestDatabase, jsonRequests, type TestCms, type TestDatabase } from '../harness/cms';
import { openDatabase } from '../harness/database';
import { CONSENT, at, dayAhead, manageLink, reservation, weekly } from '../harness/fixtures';
import { buildForeignAdmin, makeForeignApp, type ForeignApp } from './foreign-app';

/**
 * The plugin as a Strapi user gets it: `npm pack`ed, installed into a plain-JavaScript app that has
 * nothing of Linli's cms/ (no mail outbox, no site hook, no zh-CN locale, no first admin), its admin
 * panel built once, then booted on PostgreSQL and on SQLite in turn.
 */
let app: ForeignApp;

beforeAll(() => {
  app = makeForeignApp();
  buildForeignAdmin(app);
  // A loaded machine builds an admin panel in minutes.
}, 30 * 60_000);
afterAll(() => {
  if (app) rmSync(app.root, { recursive: true, force: true });
});

describe('the packed plugin', () => {
  it('holds its built server and admin bundles, the mail outbox and the README, and no sources', () => {
    expect(app.packedFiles).toEqual(expect.arrayContaining(['package.json', 'README.md', 'email-outbox.js', 'dist/server/index.js', 'dist/server/index.mjs', 'dist/admin/index.js', 'dist/admin/index.mjs']));
    expect(app.packedFiles.filter((f) => /^(server|admin|shared)\//.test(f) || f.endsWith('.test.ts'))).toEqual([]);
  });

  it("is in the app's built admin panel: its menu and pages", () => {
    const build = path.join(app.dir, 'build');
    expect(existsSync(path.join(build, 'index.html'))).toBe(true);
    const bundle = readdirSync(build)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(build, f), 'utf8'))
      .join('\n');
    // The plugin's own menu labels and page routes, not just its name.
    for (const text of ['Day board', 'Room requests', 'Activities desk', '/board', '/attendance', '/closures']) expect(bundle).toContain(text);
  });
});

describe.each(['postgres', 'sqlite'] as const)('a foreign app on %s', (kind) => {
  let cms: RunningCms;
  let database: TestDatabase;
  let auth: Record<string, string>;

  // The app's address is known only once it has started.
  const request: TestCms['request'] = (...args) => jsonRequests(cms.url).request(...args);
  const asAdmin = (method: string, urlPath: string, body?: unknown) => request(method, urlPath, body, auth);

  beforeAll(async () => {
    database =
      kind === 'postgres'
        ? await createTestDatabase()
        : // Inside the app's folder, which goes when the test ends; its folder is made as on a new app's first start.
          { kind, env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(app.root, 'sqlite', 'data.db') } };
    cms = await startCms({ port: await getPort(), cwd: app.dir, env: { ...generateSecrets(), ...database.env }, timeoutMs: 600_000 });
    // The first admin signs up as on a new app's first visit.
    const registered = await request('POST', '/admin/register-admin', { firstname: 'Ada', lastname: 'Admin', email: 'ada@example.org', password: 'Foreign-App-2026' });
    if (registered.status !== 200) throw new Error(`register-admin: ${registered.status} ${JSON.stringify(registered.body)}`);
    auth = { authorization: `Bearer ${registered.body.data.token}` };
  }, 15 * 60_000);
  afterAll(async () => {
    await cms?.stop();
  });

  it('has the content types, the public API and the admin panel', async () => {
    const types = await asAdmin('GET', '/content-manager/content-types');
    expect(types.status).toBe(200);
    const uids = types.body.data.map((t: { uid: string }) => t.uid);
    expect(uids).toEqual(expect.arrayContaining(['plugin::booking.room', 'plugin::booking.closure', 'plugin::booking.course', 'plugin::booking.event', 'plugin::booking.session', 'plugin::booking.centre']));
    const rooms = await request('GET', '/api/booking/rooms');
    expect(rooms).toMatchObject({ status: 200, body: { data: [] } });
    const page = await fetch(`${cms.url}/admin`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="strapi"');
  });

  // The plugin, not the app, keeps a SQLite file to one process: this app has no guard of its own.
  (kind === 'sqlite' ? it : it.skip)('refuses a second process on the same SQLite file, saying why, and the first serves on', async () => {
    const second = startCms({ port: await getPort(), cwd: app.dir, env: { ...generateSecrets(), ...database.env }, timeoutMs: 600_000 });
    await expect(second).rejects.toThrow(/Another CMS process is already using the SQLite database .*data\.db\. SQLite serves one process only/);
    expect((await request('GET', '/api/booking/rooms')).status).toBe(200);
  }, 15 * 60_000);

  it("offers the plugin's permissions to roles", async () => {
    const permissions = await asAdmin('GET', '/admin/permissions');
    expect(permissions.status).toBe(200);
    const actions = permissions.body.data.sections.plugins.map((p: { action: string }) => p.action);
    for (const uid of ['reservations.manage', 'activities.manage', 'closures.manage', 'personal-data.requests', 'audit.read', 'reports.read']) expect(actions).toContain(`plugin::booking.${uid}`);
  });

  it('takes a reservation of a room made in the admin, and an enrolment; mail without a provider fails nothing', async () => {
    // In the app's only locale (en): nothing needs Linli's zh-CN.
    const room = await asAdmin('POST', '/content-manager/collection-types/plugin::booking.room', { name: 'Hall', slug: 'hall', capacity: 20, requiresApproval: false });
    expect(room.status).toBe(201);
    const roomId = room.body.data.documentId;
    expect((await asAdmin('POST', `/content-manager/collection-types/plugin::booking.room/${roomId}/actions/publish`, {})).status).toBe(200);
    expect((await request('GET', '/api/booking/rooms')).body.data.map((r: { slug: string }) => r.slug)).toEqual(['hall']);

    const booked = await request('POST', '/api/booking/reservations', { data: reservation({ room: 'hall', start: at(dayAhead(2), '19:00'), end: at(dayAhead(2), '20:00') }) });
    expect(booked.status).toBe(201);
    expect((await manageLink({ request }, 'reservations', booked.body.data.manageToken).show()).body.data).toMatchObject({ status: 'confirmed' });

    const course = await asAdmin('POST', '/content-manager/collection-types/plugin::booking.course', {
      title: 'Tai chi',
      slug: 'tai-chi',
      capacity: 10,
      room: { connect: [{ documentId: roomId }] },
      schedule: weekly(['thu'], dayAhead(1, 1), dayAhead(7, 3), '10:00', 60),
    });
    expect(course.status).toBe(201);
    expect((await asAdmin('POST', `/content-manager/collection-types/plugin::booking.course/${course.body.data.documentId}/actions/publish`, {})).status).toBe(200);
    const enrolled = await request('POST', '/api/booking/enrolments', { data: { ...CONSENT, course: 'tai-chi', name: '王芳', phone: '13900000001', email: 'wang.fang@example.org' } });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.data.status).toBe('confirmed');

    // Strapi's default mail provider (sendmail) gets the messages; whatever it answers on a machine
    // without a mail server, the process stays up and the bookings stand.
    const db = await openDatabase(database);
    try {
      await pWaitFor(async () => (await db.query(`SELECT attempts FROM booking_messages WHERE recipient = ?`, ['li.xiuying@example.org'])).some((m) => Number(m.attempts) >= 1), {
        interval: 250,
        timeout: 120_000,
      });
    } finally {
      await db.close();
    }
    expect((await request('GET', '/_health')).status).toBeLessThan(300);
    expect((await manageLink({ request }, 'enrolments', enrolled.body.data.manageToken).show()).body.data).toMatchObject({ status: 'confirmed' });
  });
});
