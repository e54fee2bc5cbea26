// `npm run cms`: the CMS alone (API and admin panel), on the embedded PostgreSQL unless
// DATABASE_URL or DATABASE_CLIENT=sqlite says otherwise.
import path from 'node:path';
import { buildIfNeeded } from './lib/build.mts';
import { startCms } from './lib/cms-process.mts';
import { openRunDatabase } from './lib/database.mts';
import { requireNode24 } from './lib/node-version.mts';
import { cmsDir } from './lib/paths.mts';
import { ensureSecrets } from './lib/secrets.mts';

requireNode24();
ensureSecrets(path.join(cmsDir, '.env'));
buildIfNeeded();
const database = await openRunDatabase();
const port = Number(process.env.PORT || 1337);
let cms;
try {
  cms = await startCms({ port, env: database.env, echo: true });
} catch (error) {
  console.error((error as Error).message);
  await database.stop();
  process.exit(1);
}
console.log(`\nLinli CMS on ${database.description}\n  API:         http://localhost:${port}/api/booking/rooms\n  Admin panel: http://localhost:${port}/admin\nCtrl-C stops it.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await cms.stop();
  await database.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
cms.child.on('exit', () => void stop());
