// `npm start`: database, CMS with demo content, the site built from it and served, rebuilt after
// editors publish; Ctrl-C stops all.
import path from 'node:path';
import { buildIfNeeded } from './lib/build.mts';
import { startCms, type RunningCms } from './lib/cms-process.mts';
import { openRunDatabase, type RunDatabase } from './lib/database.mts';
import { startLiveSite, type LiveSite } from './lib/live-site.mts';
import { requireNode24 } from './lib/node-version.mts';
import { cmsDir } from './lib/paths.mts';
import { ensureSecrets } from './lib/secrets.mts';
import { buildSite } from './lib/site-build.mts';

requireNode24();
const cmsPort = Number(process.env.PORT || 1337);
const sitePort = Number(process.env.SITE_PORT || 4321);
const publicCmsUrl = process.env.PUBLIC_CMS_URL || `http://localhost:${cmsPort}`;
const siteUrl = process.env.SITE_URL || `http://localhost:${sitePort}`;
// What startCms answers on; the site's build reads the CMS there.
const cmsUrl = `http://127.0.0.1:${cmsPort}`;

let database: RunDatabase | undefined;
let cms: RunningCms | undefined;
let site: LiveSite | undefined;
let stopping = false;

const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await site?.stop();
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
  // The site's server and its local build hook come first: the CMS is told the hook's address.
  // Each build goes into a fresh folder and is served only once complete (scripts/lib/live-site.mts).
  site = await startLiveSite({
    build: (outDir) => buildSite({ cmsUrl, publicCmsUrl, siteUrl, outDir }),
    port: sitePort,
    host: '0.0.0.0',
  });
  const ownHook = process.env.SITE_BUILD_HOOK_URL;
  console.log('Starting the CMS…');
  cms = await startCms({
    port: cmsPort,
    env: {
      ...database.env,
      CORS_ORIGINS: process.env.CORS_ORIGINS || siteUrl,
      // Publishing in the admin panel rebuilds the site served here, unless a hook of your own is set.
      SITE_BUILD_HOOK_URL: ownHook || site.hookUrl,
    },
  });
  cms.child.on('exit', () => void stop(stopping ? 0 : 1));
  console.log('Building the site from the CMS…');
  await site.firstBuild();
  console.log(
    ownHook
      ? 'SITE_BUILD_HOOK_URL is set: the CMS calls that hook after edits, and the site served here is not rebuilt.'
      : `The site is rebuilt ${Number(process.env.SITE_BUILD_DEBOUNCE_MS || 15_000) / 1000} s after editors stop publishing.`
  );
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
