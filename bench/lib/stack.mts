// The system a bench measures: an embedded PostgreSQL in a temporary folder and the compiled CMS
// against it, built first when stale, and stopped whatever happens (an error, Ctrl-C): nothing is
// left running and the folder is removed.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import { buildIfNeeded } from '../../scripts/lib/build.mts';
import { startCms, type RunningCms } from '../../scripts/lib/cms-process.mts';
import { startPostgres, type RunningPostgres } from '../../scripts/lib/postgres.mts';
import { generateSecrets } from '../../scripts/lib/secrets.mts';
import { TIMEZONE } from './centre-dates.mts';
import { ADMIN } from './cms-client.mts';

export interface BenchStack {
  workDir: string;
  postgres: RunningPostgres;
  databaseUrl: string;
  cms: RunningCms;
}

let workDir: string | undefined;
let postgres: RunningPostgres | undefined;
let cms: RunningCms | undefined;
/** What the script started besides (a browser, a server), stopped first, the last started first. */
const others: Array<[what: string, stop: () => unknown]> = [];
let stopping: Promise<void> | undefined;

/** Registers something to stop before the CMS and PostgreSQL. */
export const stopAlso = (what: string, stop: () => unknown): void => {
  others.unshift([what, stop]);
};

export const stopEverything = (): Promise<void> =>
  (stopping ??= (async () => {
    for (const [what, stop] of [...others, ['the CMS', () => cms?.stop()], ['PostgreSQL', () => postgres?.stop()]] as const) {
      try {
        await stop();
      } catch (error) {
        console.error(`stopping ${what}: ${(error as Error).message}`);
      }
    }
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  })());

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping…`);
    void stopEverything().finally(() => process.exit(130));
  });
}

/**
 * Builds what is stale (no admin panel), starts PostgreSQL in a new temporary folder
 * (`linli-bench-<name>-…`) and the CMS on a free port: without demo content unless asked, with the
 * bench's admin account, mail to a folder, the centre in Asia/Shanghai. `env` adds to or overrides that.
 */
export const startStack = async (options: {
  name: string;
  log: (message: string) => void;
  env?: Record<string, string>;
  /** A loaded machine may take minutes to start Strapi. */
  timeoutMs?: number;
  /** Called once the folder exists, before the CMS starts (e.g. to start a server the CMS must know). */
  beforeCms?: (workDir: string) => Promise<Record<string, string> | void>;
}): Promise<BenchStack> => {
  buildIfNeeded({ serverOnly: true, log: options.log });
  workDir = mkdtempSync(path.join(os.tmpdir(), `linli-bench-${options.name}-`));
  options.log(`Starting PostgreSQL in ${workDir}…`);
  postgres = await startPostgres({ dataDir: path.join(workDir, 'postgres'), quiet: true });
  const database = `linli_bench_${options.name.replace(/\W/g, '_')}`;
  await postgres.createDatabase(database);
  const databaseUrl = postgres.urlFor(database);
  const extraEnv = (await options.beforeCms?.(workDir)) ?? {};
  options.log('Starting the CMS…');
  cms = await startCms({
    port: await getPort(),
    env: {
      ...generateSecrets(),
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: databaseUrl,
      SERVE_ADMIN_PANEL: 'false',
      DEMO_CONTENT: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      MAIL_OUTBOX_DIR: path.join(workDir, 'mail'),
      CENTRE_TIMEZONE: TIMEZONE,
      ...extraEnv,
      ...options.env,
    },
    timeoutMs: options.timeoutMs,
  });
  return { workDir, postgres, databaseUrl, cms };
};

/**
 * Runs a bench's main, then stops everything. On an error the exit status is 1 and the CMS's last
 * output is printed; an exit status `main` set (e.g. a goal missed) is kept.
 */
export const runBench = async (main: () => Promise<void>): Promise<never> => {
  try {
    await main();
  } catch (error) {
    process.exitCode = 1;
    console.error(`\nThe benchmark failed: ${(error as Error).stack ?? error}`);
    if (cms) console.error(`--- last CMS output ---\n${cms.output().slice(-4000)}`);
  }
  // Read before stopping: the run's status must survive whatever the stopping libraries do on exit.
  const code = process.exitCode;
  await stopEverything();
  process.exit(code ?? 0);
};
