import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Found from the working directory rather than import.meta, so that jest (which runs these files
// as CommonJS) and Node's own TypeScript loader can both use this module.
const findRepoRoot = (from: string): string => {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'linli') return dir;
    if (path.dirname(dir) === dir) throw new Error(`Run this inside the Linli repository (not found above ${from})`);
  }
};

export const repoRoot = findRepoRoot(process.cwd());
export const cmsDir = path.join(repoRoot, 'cms');
export const siteDir = path.join(repoRoot, 'site');
export const pluginDir = path.join(repoRoot, 'plugins', 'booking');
/** Everything a local run keeps between restarts (database files); ignored by git. */
export const dataDir = path.join(repoRoot, '.data');
export const strapiBin = path.join(repoRoot, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
/** Our app's `strapi start` without the CLI (the file says why). */
export const cmsServer = path.join(cmsDir, 'server.js');
