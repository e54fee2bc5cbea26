// Where the browser tests save their screenshots, and where the README's pictures live.
//
// Tests write only to an ignored folder, so a test run never changes a tracked file; the pictures
// in docs/screenshots change only through `npm run screenshots`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mts';

export const screenshotsDir = path.join(repoRoot, 'tests', 'artifacts', 'screenshots');
export const docsScreenshotsDir = path.join(repoRoot, 'docs', 'screenshots');

/** The pictures docs/screenshots holds, by file name: the ones `npm run screenshots` refreshes. */
export const docsScreenshots = (): string[] => readdirSync(docsScreenshotsDir).filter((name) => name.endsWith('.png'));
