// Which database a local run uses: SQLite when asked, the server DATABASE_URL names, or else an
// embedded PostgreSQL whose files stay in .data/postgres so a restart keeps everything.
import path from 'node:path';
import { dataDir } from './paths.mts';
import { startPostgres } from './postgres.mts';

export interface RunDatabase {
  env: Record<string, string>;
  description: string;
  stop(): Promise<void>;
}

export const openRunDatabase = async (): Promise<RunDatabase> => {
  if (process.env.DATABASE_CLIENT === 'sqlite') {
    return { env: { DATABASE_CLIENT: 'sqlite' }, description: `SQLite (${process.env.DATABASE_FILENAME || 'cms/.tmp/data.db'})`, stop: async () => {} };
  }
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: process.env.DATABASE_URL },
      description: `PostgreSQL at ${url.host}${url.pathname}`,
      stop: async () => {},
    };
  }
  const pg = await startPostgres({
    dataDir: path.join(dataDir, 'postgres'),
    port: Number(process.env.POSTGRES_PORT || 54329),
  });
  await pg.createDatabase('linli');
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: pg.urlFor('linli') },
    description: `embedded PostgreSQL on port ${pg.port} (files in .data/postgres)`,
    stop: () => pg.stop(),
  };
};
