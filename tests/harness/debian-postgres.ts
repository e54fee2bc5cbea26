import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import getPort from 'get-port';
import { Client } from 'pg';

const run = promisify(execFile);

/** Debian's PostgreSQL 15 (package postgresql-15, which .ci/run installs), whose pg_dump and pg_restore match it. */
export const DEBIAN_PG_BIN = '/usr/lib/postgresql/15/bin';

export interface DebianPostgres {
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL 15 server in a temp folder on a free port. The embedded PostgreSQL of the
 * other tests is version 18, which Debian's pg_dump 15 refuses to dump. PostgreSQL will not run as
 * root, so as root the server runs as the `postgres` user the package made.
 */
export const startDebianPostgres = async (): Promise<DebianPostgres> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'linli-test-pg15-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout), Number(gid));
  }
  const pgTool = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(DEBIAN_PG_BIN, tool), ...args]) : run(path.join(DEBIAN_PG_BIN, tool), args);
  const port = await getPort();
  await pgTool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C']);
  await pgTool('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    urlFor,
    async createDatabase(name) {
      const client = new Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
    },
    async stop() {
      await pgTool('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
