import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startCms, type RunningCms } from '../../scripts/lib/cms-process.mts';
import getPort from 'get-port';
import { generateSecrets } from '../../scripts/lib/secrets.mts';

export type TestDatabaseKind = 'postgres' | 'sqlite';

/** Where a test CMS keeps its data; two CMS processes given the same one share it. */
export interface TestDatabase {
  kind: TestDatabaseKind;
  env: Record<string, string>;
}

export const TEST_ADMIN = { email: 'staff@linli.test', password: 'Linli-Test-2026' };

export const testDatabaseKind = (): TestDatabaseKind => {
  const kind = process.env.LINLI_TEST_DB;
  if (kind !== 'postgres' && kind !== 'sqlite') throw new Error('LINLI_TEST_DB must be postgres or sqlite (set by the jest project)');
  return kind;
};

/** A fresh, empty database of the project's kind, so every test file starts from nothing. */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const kind = testDatabaseKind();
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'linli-test-sqlite-'));
    return { kind, env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') } };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: run the postgres project through jest (its globalSetup starts PostgreSQL)');
  const name = `linli_test_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { kind, env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() } };
};

export interface TestCms extends RunningCms {
  database: TestDatabase;
  /** Where this CMS writes the mail it sends (the outbox provider). */
  mailDir: string;
  /** Where this CMS writes the text messages it sends (the SMS outbox provider). */
  smsDir: string;
  /** fetch() against the CMS, JSON in and out. */
  request(method: string, urlPath: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  get(urlPath: string): Promise<{ status: number; body: any; headers: Headers }>;
}

/** fetch() against a base URL (a CMS, or a proxy in front of several), JSON in and out. */
export const jsonRequests = (baseUrl: string): Pick<TestCms, 'request' | 'get'> => {
  const request: TestCms['request'] = async (method, urlPath, body, headers = {}) => {
    const res = await fetch(baseUrl + urlPath, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return { request, get: (urlPath) => request('GET', urlPath) };
};

// One set of secrets for the whole test run, so processes sharing a database accept each other's tokens.
const secrets = generateSecrets();

/** Boots the real CMS (compiled app, real database) as a child process on a free port. */
export const startTestCms = async (
  options: { database?: TestDatabase; demo?: boolean; env?: Record<string, string>; /** How long the boot may take (default 120 s). */ timeoutMs?: number } = {}
): Promise<TestCms> => {
  const database = options.database ?? (await createTestDatabase());
  const mailDir = mkdtempSync(path.join(tmpdir(), 'linli-test-mail-'));
  const smsDir = mkdtempSync(path.join(tmpdir(), 'linli-test-sms-'));
  const cms = await startCms({
    timeoutMs: options.timeoutMs,
    port: await getPort(),
    env: {
      ...secrets,
      ...database.env,
      SERVE_ADMIN_PANEL: 'false',
      DEMO_CONTENT: options.demo ? 'true' : 'false',
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      MAIL_OUTBOX_DIR: mailDir,
      SMS_OUTBOX_DIR: smsDir,
      SITE_URL: 'http://site.test',
      // Tests send many requests from one address; the limit itself is tested with its own value.
      BOOKING_RATE_LIMIT_MAX: '100000',
      BOOKING_READ_LIMIT_MAX: '100000',
      ...options.env,
    },
  });
  return { ...cms, database, mailDir, smsDir, ...jsonRequests(cms.url) };
};
