// `npm run screenshots`: runs the browser tests, which save their screenshots in
// tests/artifacts/screenshots (ignored), and copies over the pictures docs/screenshots holds, only
// when the tests passed (a new picture is copied there once by hand). Arguments go to jest in place
// of `tests/browser` (one file, for example). Paths go before --selectProjects, which takes several values.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/paths.mts';
import { docsScreenshots, docsScreenshotsDir, screenshotsDir } from './lib/screenshots.mts';

// Only this run's pictures are copied: none left from an earlier run.
rmSync(screenshotsDir, { recursive: true, force: true });
const args = process.argv.slice(2);
const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'test.mts'), ...(args.length ? args : ['tests/browser']), '--selectProjects', 'postgres'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (run.status !== 0) {
  console.error('The browser tests failed: docs/screenshots is left as it was.');
  process.exit(run.status ?? 1);
}
const missing: string[] = [];
for (const name of docsScreenshots()) {
  const taken = path.join(screenshotsDir, name);
  if (!existsSync(taken)) {
    missing.push(name);
    continue;
  }
  copyFileSync(taken, path.join(docsScreenshotsDir, name));
  console.log(`docs/screenshots/${name} refreshed`);
}
if (missing.length) console.log(`Not taken by this run, left as they were: ${missing.join(', ')}`);
