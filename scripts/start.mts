// `npm start`: database, CMS with demo content, the site built from it and served; Ctrl-C stops all.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded } from './lib/build.mts';
import { startCms, waitForHttp, type RunningCms } from './lib/cms-process.mts';
import { openRunDatabase, type RunDatabase } from './lib/database.mts';
import { requireNode24 } from './lib/node-version.mts';
import { cmsDir, siteDir } from './lib/paths.mts';
import { ensureSecrets } from './lib/secrets.mts';
import { astroBin, buildSite } from './lib/site-build.mts';

requireNode24();
const cmsPort = Number(process.env.PORT || 1337);
const sitePort = Number(process.env.SITE_PORT || 4321);
const publicCmsUrl = process.env.PUBLIC_CMS_URL || `http://localhost:${cmsPort}`;
const siteUrl = process.env.SITE_URL || `http://localhost:${sitePort}`;

let database: RunDatabase | undefined;
let cms: RunningCms | undefined;
let preview: ChildProcess | undefined;
let stopping = false;

const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  preview?.kill('SIGTERM');
  await cms?.stop();
  await database?.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  ensureSecrets(path.join(cmsDir, '.env'));
  buildIfNeeded();
  database = await openRunDatabase();
  console.log(`Database: ${database.description}`);
  console.log('Starting the CMS…');
  cms = await startCms({
    port: cmsPort,
    env: { ...database.env, CORS_ORIGINS: process.env.CORS_ORIGINS || siteUrl },
  });
  cms.child.on('exit', () => void stop(stopping ? 0 : 1));
  console.log('Building the site from the CMS…');
  await buildSite({ cmsUrl: cms.url, publicCmsUrl, siteUrl });
  preview = spawn(process.execPath, [astroBin, 'preview', '--port', String(sitePort), '--host', '0.0.0.0'], {
    cwd: siteDir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  preview.on('exit', () => void stop(stopping ? 0 : 1));
  await waitForHttp(`http://127.0.0.1:${sitePort}/`, 30_000, () => preview!.exitCode === null);
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  await stop(1);
}

console.log(`
Linli is running.
  Site (中文):   ${siteUrl}/
  Site (English): ${siteUrl}/en/
  Admin panel:   http://localhost:${cmsPort}/admin${process.env.ADMIN_EMAIL ? `  (sign in as ${process.env.ADMIN_EMAIL})` : '  (the first visit asks you to create the first admin)'}
  Public API:    http://localhost:${cmsPort}/api/booking/rooms
Ctrl-C stops everything, database included.`);
