// Builds the static site from a running CMS.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot, siteDir } from './paths.mts';

export const astroBin = path.join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Two astro builds at once clash on site/.astro, so every build waits its turn on this lock (flock(1)). */
export const siteBuildLock = '/tmp/linli-site-build.lock';

export const buildSite = (options: {
  cmsUrl: string;
  publicCmsUrl?: string;
  outDir?: string;
  siteUrl?: string;
  echo?: boolean;
  /** Called with the build's process (flock, then astro under it), e.g. to watch its memory. */
  onStart?: (child: ChildProcess) => void;
  /** Every chunk of output as it comes. */
  onOutput?: (chunk: string) => void;
}): Promise<string> =>
  new Promise((resolve, reject) => {
    let output = '';
    const child = spawn('flock', [siteBuildLock, process.execPath, astroBin, 'build'], {
      cwd: siteDir,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        CMS_URL: options.cmsUrl,
        PUBLIC_CMS_URL: options.publicCmsUrl ?? options.cmsUrl,
        ...(options.outDir ? { SITE_OUT_DIR: options.outDir } : {}),
        ...(options.siteUrl ? { SITE_URL: options.siteUrl } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    options.onStart?.(child);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      options.onOutput?.(chunk.toString());
      if (options.echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`astro build failed (exit ${code}):\n${output.slice(-6000)}`))
    );
  });
