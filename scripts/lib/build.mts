// Builds what a run needs, and only when its sources are newer than the last build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { cmsDir, pluginDir, repoRoot, strapiBin } from './paths.mts';

const newestMtime = (target: string): number => {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
};

const isStale = (output: string, sources: string[]): boolean =>
  !existsSync(output) || Math.max(...sources.map(newestMtime)) > statSync(output).mtimeMs;

const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } });
  if (result.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')} failed in ${cwd}`);
};

const sdkPluginBin = path.join(repoRoot, 'node_modules', '@strapi', 'sdk-plugin', 'bin', 'strapi-plugin.js');

export const buildPlugin = () => run(process.execPath, [sdkPluginBin, 'build'], pluginDir);

/** The plugin bundle, then the CMS: its server code, and its admin panel unless `serverOnly`. */
export const buildIfNeeded = (options: { serverOnly?: boolean; log?: (m: string) => void } = {}) => {
  const log = options.log ?? ((m: string) => console.log(m));
  const pluginOut = path.join(pluginDir, 'dist', 'server', 'index.js');
  if (isStale(pluginOut, [path.join(pluginDir, 'server', 'src'), path.join(pluginDir, 'admin', 'src'), path.join(pluginDir, 'shared'), path.join(pluginDir, 'package.json')])) {
    log('Building the booking plugin…');
    buildPlugin();
  }
  const cmsSources = [path.join(cmsDir, 'src'), path.join(cmsDir, 'config'), path.join(cmsDir, 'package.json'), path.join(pluginDir, 'dist')];
  if (options.serverOnly) {
    if (isStale(path.join(cmsDir, 'dist', 'src', 'index.js'), cmsSources)) {
      log('Compiling the CMS…');
      run(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], cmsDir);
    }
    return;
  }
  if (isStale(path.join(cmsDir, 'dist', 'build', 'index.html'), cmsSources)) {
    log('Building the CMS and its admin panel (a minute or two the first time)…');
    run(process.execPath, [strapiBin, 'build'], cmsDir);
  }
};
