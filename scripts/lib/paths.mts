import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cmsDir = path.join(repoRoot, 'cms');
export const siteDir = path.join(repoRoot, 'site');
export const pluginDir = path.join(repoRoot, 'plugins', 'booking');
/** Everything a local run keeps between restarts (database files); ignored by git. */
export const dataDir = path.join(repoRoot, '.data');
export const strapiBin = path.join(repoRoot, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
