import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface SentFile {
  to: unknown;
  cc?: unknown;
  bcc?: unknown;
  from: string | null;
  replyTo: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  sentAt: string;
}
interface OutboxProvider {
  dir: string;
  send(options: Record<string, unknown>): Promise<string>;
}
interface OutboxModule {
  init(providerOptions?: Record<string, unknown> | null, settings?: Record<string, unknown> | null): OutboxProvider;
}

const PROVIDER_NAME = '@linli/strapi-plugin-booking/email-outbox';
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..', '..');
const pluginRoot = path.join(repoRoot, 'plugins', 'booking');

// By its package name, as the CMS config names it: this also checks the package's "exports".
const outbox: OutboxModule = require(PROVIDER_NAME);

const settings = { defaultFrom: 'Centre <no-reply@centre.test>', defaultReplyTo: 'Desk <desk@centre.test>' };

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-outbox-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const messageFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const readAll = (dir: string): SentFile[] => messageFiles(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));

describe('email-outbox provider', () => {
  it('resolves by package name to the plain file in the plugin', () => {
    expect(fs.realpathSync(require.resolve(PROVIDER_NAME))).toBe(fs.realpathSync(path.join(pluginRoot, 'email-outbox.js')));
    const pkg = JSON.parse(fs.readFileSync(path.join(pluginRoot, 'package.json'), 'utf8'));
    expect(pkg.exports['./email-outbox']).toBe('./email-outbox.js');
    expect(pkg.files).toContain('email-outbox.js');
  });

  it('writes one readable JSON file per message with every field', async () => {
    const dir = path.join(tmp, 'nested', 'outbox');
    const provider = outbox.init({ dir }, settings);
    expect(fs.existsSync(dir)).toBe(true);

    const before = Date.now();
    const file = await provider.send({
      to: 'resident@example.org',
      from: 'Staff <staff@centre.test>',
      replyTo: 'reply@centre.test',
      subject: '预约已确认 LL-7K3Q9：多功能厅',
      text: '张阿姨，您好！\n预约已确认。',
      html: '<p>张阿姨，您好！</p>',
    });
    const after = Date.now();

    expect(path.dirname(file)).toBe(dir);
    expect(messageFiles(dir)).toEqual([path.basename(file)]);
    const sent: SentFile = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(sent).toEqual({
      to: 'resident@example.org',
      from: 'Staff <staff@centre.test>',
      replyTo: 'reply@centre.test',
      subject: '预约已确认 LL-7K3Q9：多功能厅',
      text: '张阿姨，您好！\n预约已确认。',
      html: '<p>张阿姨，您好！</p>',
      sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    expect(Date.parse(sent.sentAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(sent.sentAt)).toBeLessThanOrEqual(after);
    // No temporary file is left behind.
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });

  it('fills from and replyTo from the settings when the message has none', async () => {
    const provider = outbox.init({ dir: tmp }, settings);
    await provider.send({ to: 'a@example.org', subject: 's', text: 't' });
    expect(readAll(tmp)).toEqual([
      expect.objectContaining({ from: settings.defaultFrom, replyTo: settings.defaultReplyTo, subject: 's', text: 't', html: null }),
    ]);
  });

  it('names files so that sorting them gives the order of sending, even within one millisecond', async () => {
    const provider = outbox.init({ dir: tmp }, settings);
    const subjects = Array.from({ length: 25 }, (_, k) => `message ${k}`);
    // Sent without waiting in between: several land in the same millisecond.
    const files = await Promise.all(subjects.map((subject) => provider.send({ to: 'a@example.org', subject, text: subject })));
    expect(new Set(files).size).toBe(25);
    expect(messageFiles(tmp)).toHaveLength(25);
    expect(readAll(tmp).map((m) => m.subject)).toEqual(subjects);
    const times = readAll(tmp).map((m) => Date.parse(m.sentAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const f of messageFiles(tmp)) expect(f).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-\d{6}-[0-9a-f]{6}\.json$/);
  });

  it('keeps the order across milliseconds too', async () => {
    const provider = outbox.init({ dir: tmp }, settings);
    for (const subject of ['first', 'second', 'third']) {
      await provider.send({ to: 'a@example.org', subject });
      await new Promise((r) => setTimeout(r, 3));
    }
    expect(readAll(tmp).map((m) => m.subject)).toEqual(['first', 'second', 'third']);
  });

  it('recreates the folder if it was removed after init', async () => {
    const dir = path.join(tmp, 'box');
    const provider = outbox.init({ dir }, settings);
    fs.rmSync(dir, { recursive: true });
    await provider.send({ to: 'a@example.org', subject: 'again' });
    expect(readAll(dir).map((m) => m.subject)).toEqual(['again']);
  });

  it('refuses a message without a recipient and writes nothing', async () => {
    const provider = outbox.init({ dir: tmp }, settings);
    await expect(provider.send({ subject: 'nobody' })).rejects.toThrow(/to/);
    await expect(provider.send({ to: [], subject: 'nobody' })).rejects.toThrow(/to/);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  describe('folder when providerOptions has no dir', () => {
    const saved = process.env.MAIL_OUTBOX_DIR;
    afterEach(() => {
      if (saved === undefined) delete process.env.MAIL_OUTBOX_DIR;
      else process.env.MAIL_OUTBOX_DIR = saved;
      jest.restoreAllMocks();
    });

    it('uses MAIL_OUTBOX_DIR', async () => {
      process.env.MAIL_OUTBOX_DIR = path.join(tmp, 'from-env');
      const provider = outbox.init({}, settings);
      expect(provider.dir).toBe(path.join(tmp, 'from-env'));
      await provider.send({ to: 'a@example.org', subject: 'env' });
      expect(readAll(path.join(tmp, 'from-env')).map((m) => m.subject)).toEqual(['env']);
    });

    it('prefers providerOptions.dir over MAIL_OUTBOX_DIR', () => {
      process.env.MAIL_OUTBOX_DIR = path.join(tmp, 'from-env');
      expect(outbox.init({ dir: path.join(tmp, 'explicit') }, settings).dir).toBe(path.join(tmp, 'explicit'));
    });

    it('falls back to .mail in the working directory', async () => {
      delete process.env.MAIL_OUTBOX_DIR;
      jest.spyOn(process, 'cwd').mockReturnValue(tmp);
      const provider = outbox.init(undefined, undefined);
      expect(provider.dir).toBe(path.join(tmp, '.mail'));
      await provider.send({ to: 'a@example.org', from: 'x@example.org', subject: 'cwd' });
      expect(readAll(path.join(tmp, '.mail'))).toEqual([expect.objectContaining({ subject: 'cwd', from: 'x@example.org', replyTo: null })]);
    });
  });

  it("is what Strapi's email plugin loads for the provider name in the CMS config", async () => {
    // The real bootstrap of @strapi/email (by file path: the package does not export it).
    const { bootstrap } = require(path.join(repoRoot, 'node_modules', '@strapi', 'email', 'dist', 'server', 'bootstrap.js'));
    const emailPlugin: { provider?: OutboxProvider } = {};
    const fakeStrapi = {
      config: { get: (key: string) => (key === 'plugin::email' ? { provider: PROVIDER_NAME, providerOptions: { dir: tmp }, settings } : undefined) },
      plugin: (name: string) => (name === 'email' ? emailPlugin : undefined),
      service: () => ({ actionProvider: { registerMany: async () => undefined } }),
      log: { warn: () => undefined },
    };
    await bootstrap({ strapi: fakeStrapi });
    await emailPlugin.provider!.send({ to: 'a@example.org', subject: 'via strapi' });
    expect(readAll(tmp)).toEqual([expect.objectContaining({ to: 'a@example.org', subject: 'via strapi', from: settings.defaultFrom })]);
  });
});
