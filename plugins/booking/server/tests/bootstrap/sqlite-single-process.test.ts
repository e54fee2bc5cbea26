import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { claimSqliteFile } from '../../src/bootstrap/sqlite-single-process';

// The repository's Strapi app: it has the SQLite driver installed, as any app on SQLite must.
const appRoot = path.resolve(__dirname, '../../../../../cms');

/** What the claim reads of a Strapi: its database config and the app's folder. */
const strapiOn = (connection: Record<string, unknown>) => ({
  config: { get: (key: string) => (key === 'database.connection' ? connection : undefined) } as never,
  dirs: { app: { root: appRoot } },
});

describe('claimSqliteFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'linli-sqlite-claim-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second claim on the same SQLite file, naming the file and what to do, until the first lets go', () => {
    const filename = path.join(dir, 'data.db');
    const strapi = strapiOn({ client: 'sqlite', connection: { filename } });
    const release = claimSqliteFile(strapi);
    try {
      expect(() => claimSqliteFile(strapi)).toThrow(`Another CMS process is already using the SQLite database ${filename}.`);
      expect(() => claimSqliteFile(strapi)).toThrow(/stop the other process, or run several on PostgreSQL/);
      // Another database beside it is free.
      claimSqliteFile(strapiOn({ client: 'sqlite', connection: { filename: path.join(dir, 'other.db') } }))();
    } finally {
      release();
    }
    claimSqliteFile(strapi)();
  });

  it("makes the database's folder on a new app's first start", () => {
    const filename = path.join(dir, '.tmp', 'data.db');
    claimSqliteFile(strapiOn({ client: 'sqlite', connection: { filename } }))();
    expect(existsSync(`${filename}.lock`)).toBe(true);
  });

  it('leaves PostgreSQL alone: no file, nothing refused', () => {
    const strapi = strapiOn({ client: 'postgres', connection: { connectionString: `postgres://localhost/${path.basename(dir)}` } });
    claimSqliteFile(strapi);
    expect(() => claimSqliteFile(strapi)).not.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
