import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

declare global {
  // eslint-disable-next-line no-var
  var __linliPostgres: ChildProcess | undefined;
}

/**
 * Starts one embedded PostgreSQL for the whole postgres project unless TEST_DATABASE_URL names a
 * server to use; each test file then makes its own database in it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'linli-test-pg-'));
  const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'postgres-server.mts'), path.join(dir, 'data')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with code ${code}`)));
  });
  process.env.TEST_DATABASE_URL = JSON.parse(line).url;
  globalThis.__linliPostgres = child;
}
