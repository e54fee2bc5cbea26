// `npm test`: builds what the integration tests boot (plugin bundle, compiled CMS; no admin
// panel), then runs every jest project: unit, PostgreSQL, SQLite. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded } from './lib/build.mts';
import { requireNode24 } from './lib/node-version.mts';
import { repoRoot } from './lib/paths.mts';

requireNode24();
buildIfNeeded({ serverOnly: true });
const jest = path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(process.execPath, [jest, ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', ASTRO_TELEMETRY_DISABLED: '1' },
});
process.exit(result.status ?? 1);
