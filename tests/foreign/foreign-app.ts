import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cmsDir, pluginDir, repoRoot, strapiBin } from '../../scripts/lib/paths.mts';

const PLUGIN = '@linli/strapi-plugin-booking';

/**
 * The files a plain-JavaScript Strapi 5 app has, as create-strapi-app writes them (without its
 * example content), and one line that adds the packed plugin. Nothing of Linli's cms/.
 */
const APP_FILES: Record<string, string> = {
  'package.json': JSON.stringify(
    {
      name: 'foreign-strapi-app',
      version: '0.1.0',
      private: true,
      scripts: { build: 'strapi build', develop: 'strapi develop', start: 'strapi start' },
      dependencies: {
        '@strapi/plugin-users-permissions': '5.54.0',
        '@strapi/strapi': '5.54.0',
        [PLUGIN]: 'file:../plugin.tgz',
        'better-sqlite3': '*',
        pg: '*',
        react: '^18.0.0',
        'react-dom': '^18.0.0',
        'react-router-dom': '^6.0.0',
        'styled-components': '^6.0.0',
      },
      strapi: { uuid: 'foreign-app-test', telemetryDisabled: true },
    },
    null,
    2
  ),
  'config/database.js': `const path = require('path');

module.exports = ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const connections = {
    postgres: { connection: { connectionString: env('DATABASE_URL') }, pool: { min: 0, max: 10 } },
    sqlite: { connection: { filename: path.resolve(__dirname, '..', env('DATABASE_FILENAME', '.tmp/data.db')) }, useNullAsDefault: true },
  };
  return { connection: { client, ...connections[client], acquireConnectionTimeout: 60000 } };
};
`,
  'config/server.js': `module.exports = ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
});
`,
  'config/admin.js': `module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
});
`,
  'config/api.js': `module.exports = {
  rest: { defaultLimit: 25, maxLimit: 100, withCount: true },
};
`,
  'config/middlewares.js': `module.exports = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
`,
  // The one line a Strapi user adds; no mail provider, no site hook.
  'config/plugins.js': `module.exports = () => ({ booking: { enabled: true } });
`,
  'src/index.js': `module.exports = {
  register() {},
  bootstrap() {},
};
`,
  'public/robots.txt': '',
  'public/uploads/.gitkeep': '',
};

export interface ForeignApp {
  /** The temporary folder holding the app and the tarball: removed after the test. */
  root: string;
  dir: string;
  /** The files in the packed tarball, as `npm pack` lists them. */
  packedFiles: string[];
}

const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' }, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
};

/**
 * Packs the plugin (its build must be current: `scripts/test.mts` sees to it) and installs the
 * tarball into a new app. Instead of a second full `npm install`, the app's node_modules links every
 * package the workspace already installed, and the plugin itself is the unpacked tarball: so the
 * app sees the plugin exactly as npm would publish it, and nothing of the workspace's copy.
 */
export const makeForeignApp = (): ForeignApp => {
  const root = mkdtempSync(path.join(tmpdir(), 'linli-foreign-'));
  try {
    return fillForeignApp(root);
  } catch (error) {
    // The test's clean-up knows the folder only once this returns.
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
};

const fillForeignApp = (root: string): ForeignApp => {
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', root], pluginDir))[0];
  const tarball = path.join(root, 'plugin.tgz');
  run('mv', [path.join(root, packed.filename), tarball], root);

  const dir = path.join(root, 'app');
  for (const [file, text] of Object.entries(APP_FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  copyFileSync(path.join(cmsDir, 'favicon.png'), path.join(dir, 'favicon.png'));

  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(repoRoot, 'node_modules'))) {
    // Dot folders are caches of the workspace's own builds; @linli holds the workspace's packages.
    if (entry.startsWith('.') || entry === '@linli') continue;
    symlinkSync(path.join(repoRoot, 'node_modules', entry), path.join(modules, entry));
  }
  const installed = path.join(modules, ...PLUGIN.split('/'));
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], root);

  return { root, dir, packedFiles: packed.files.map((f: { path: string }) => f.path) };
};

/** `strapi build`: the app's admin panel, with the plugin's pages, into dist/build. */
export const buildForeignAdmin = (app: ForeignApp) => run(process.execPath, [strapiBin, 'build'], app.dir);
