// `npm test`: builds what the tests boot (plugin bundle, compiled CMS and its admin panel, which
// a browser test drives), then runs every jest project: unit, PostgreSQL, SQLite. Extra
// arguments go to jest.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded } from './lib/build.mts';
import { requireNode24 } from './lib/node-version.mts';
import { repoRoot } from './lib/paths.mts';

requireNode24();
buildIfNeeded();
const jest = path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(process.execPath, [jest, ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', ASTRO_TELEMETRY_DISABLED: '1' },
});
process.exit(result.status ?? 1);
