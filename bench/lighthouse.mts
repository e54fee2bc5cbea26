// `npm run bench:site`: Lighthouse on the home page, the timetable and a room page of the built site.
//
// Starts an embedded PostgreSQL in a temporary folder and the compiled CMS with demo content,
// builds the site into a temporary folder, serves it with the static server `npm start` uses
// (scripts/lib/static-server.mts, brotli on), then runs Lighthouse with its defaults (mobile
// emulation, simulated throttling) in Debian's Chromium on each page, and writes
// bench/results/lighthouse-<date>.json and .md. See bench/README.md.
//
// Options (flags, or the environment variables in brackets):
//   --runs <n>      Lighthouse runs per page; the median run (by performance) is kept  [BENCH_LH_RUNS, default 3]
//   --chrome <path> the Chromium to drive                 [CHROME_PATH, default /usr/bin/chromium]
//   --out <dir>     where the result files go             [BENCH_OUT, default bench/results]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildIfNeeded } from '../scripts/lib/build.mts';
import { startCms, type RunningCms } from '../scripts/lib/cms-process.mts';
import getPort from 'get-port';
import { requireNode24 } from '../scripts/lib/node-version.mts';
import { repoRoot } from '../scripts/lib/paths.mts';
import { startPostgres, type RunningPostgres } from '../scripts/lib/postgres.mts';
import { generateSecrets } from '../scripts/lib/secrets.mts';
import { buildSite } from '../scripts/lib/site-build.mts';
import { startStaticServer, type StaticServer } from '../scripts/lib/static-server.mts';

requireNode24();

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string' },
    chrome: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (flags.help) {
  console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).slice(0, 13).map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}
const runs = Number(flags.runs ?? process.env.BENCH_LH_RUNS ?? 3);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got "${flags.runs ?? process.env.BENCH_LH_RUNS}"`);
const chromePath = flags.chrome ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
const outDir = path.resolve(flags.out ?? process.env.BENCH_OUT ?? path.join(repoRoot, 'bench', 'results'));
const chromeFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const metricAudits = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  speedIndexMs: 'speed-index',
  totalBytes: 'total-byte-weight',
} as const;

const log = (message: string) => console.log(`[bench:site ${new Date().toISOString().slice(11, 19)}] ${message}`);
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

let workDir: string | undefined;
let postgres: RunningPostgres | undefined;
let cms: RunningCms | undefined;
let server: StaticServer | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
let stopping: Promise<void> | undefined;

const stopEverything = (): Promise<void> =>
  (stopping ??= (async () => {
    for (const [what, step] of [
      ['Chromium', async () => chrome?.kill()],
      ['the site server', async () => server?.close()],
      ['the CMS', async () => cms?.stop()],
      ['PostgreSQL', async () => postgres?.stop()],
    ] as const) {
      try {
        await step();
      } catch (error) {
        console.error(`stopping ${what}: ${(error as Error).message}`);
      }
    }
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping…`);
    void stopEverything().finally(() => process.exit(130));
  });
}

const packageVersion = (name: string): string => {
  try {
    return JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
};

const osName = () => {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os.type();
  } catch {
    return os.type();
  }
};

const chromiumVersion = () => {
  const result = spawnSync(chromePath, ['--version'], { encoding: 'utf8' });
  return (/Chromium [\d.]+|Google Chrome [\d.]+|[\d]+\.[\d.]+/.exec(result.stdout ?? '')?.[0] ?? 'unknown').trim();
};

const machine = () => {
  const cpus = os.cpus();
  return {
    os: `${osName()} (${os.platform()} ${os.release()} ${os.arch()})`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    chromium: chromiumVersion(),
    loadAverageAtStart: os.loadavg().map((n) => round(n, 2)),
  };
};

const sourceState = () => {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
  const head = git('rev-parse', '--short=12', 'HEAD');
  if (head.status !== 0) return { commit: 'unknown', uncommittedChanges: null };
  const status = git('status', '--porcelain', '--', '.', ':(exclude)bench');
  return { commit: head.stdout.trim(), uncommittedChanges: status.status === 0 ? status.stdout.trim().length > 0 : null };
};

interface PageRun {
  scores: Record<(typeof categories)[number], number | null>;
  metrics: Record<keyof typeof metricAudits, number | null>;
  /** Audits that failed (score < 0.9), as `id: title`, for the accessibility, best-practices and SEO categories. */
  failedAudits: string[];
  warnings: string[];
}

const runLighthouse = async (url: string): Promise<PageRun> => {
  const result = await lighthouse(url, { port: chrome!.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(categories.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score! * 100)])) as PageRun['scores'];
  const metrics = Object.fromEntries(
    Object.entries(metricAudits).map(([key, id]) => {
      const value = lhr.audits[id]?.numericValue;
      return [key, value == null ? null : key === 'cls' ? round(value, 3) : Math.round(value)];
    })
  ) as PageRun['metrics'];
  const failedAudits = categories
    .filter((c) => c !== 'performance')
    .flatMap((c) => lhr.categories[c]?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
    .map((a) => {
      // What the audit found, briefly: console errors, the elements at fault.
      const items: any[] = (a.details as any)?.items ?? [];
      const found = items
        .slice(0, 3)
        .map((item) => String(item.description ?? item.node?.snippet ?? item.url ?? '').replace(/\s+/g, ' ').slice(0, 160))
        .filter(Boolean);
      return `${a.id}: ${a.title}${found.length ? ` (${found.join(' | ')})` : ''}`;
    });
  return { scores, metrics, failedAudits: [...new Set(failedAudits)], warnings: lhr.runWarnings ?? [] };
};

const median = <T,>(items: T[], key: (t: T) => number): T => [...items].sort((a, b) => key(a) - key(b))[Math.floor((items.length - 1) / 2)];

const main = async () => {
  const startedAt = new Date();
  const machineAtStart = machine();
  const source = sourceState();
  if (!existsSync(chromePath)) throw new Error(`No Chromium at ${chromePath} (apt-get install chromium, or --chrome <path>)`);

  buildIfNeeded({ serverOnly: true, log });
  workDir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-site-'));
  log(`Starting PostgreSQL in ${workDir}…`);
  postgres = await startPostgres({ dataDir: path.join(workDir, 'postgres'), quiet: true });
  await postgres.createDatabase('linli_bench');
  const siteDir = path.join(workDir, 'site');
  mkdirSync(siteDir);
  server = await startStaticServer({ root: () => siteDir, port: await getPort() });
  log('Starting the CMS with demo content…');
  cms = await startCms({
    port: await getPort(),
    env: {
      ...generateSecrets(),
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: postgres.urlFor('linli_bench'),
      SERVE_ADMIN_PANEL: 'false',
      DEMO_CONTENT: 'true',
      MAIL_OUTBOX_DIR: path.join(workDir, 'mail'),
      SITE_BUILD_HOOK_URL: '',
      // The room page's availability island calls the CMS from the site's origin.
      CORS_ORIGINS: server.url,
      SITE_URL: server.url,
    },
  });

  log(`Building the site into ${siteDir}…`);
  const buildStarted = Date.now();
  await buildSite({ cmsUrl: cms.url, publicCmsUrl: cms.url, siteUrl: server.url, outDir: siteDir });
  const buildSeconds = round((Date.now() - buildStarted) / 1000, 1);

  const rooms = (await (await fetch(`${cms.url}/api/booking/rooms`)).json()) as { data?: { slug: string }[] };
  const firstRoom: string | undefined = rooms?.data?.[0]?.slug;
  const roomPage = firstRoom && existsSync(path.join(siteDir, 'rooms', firstRoom, 'index.html')) ? `/rooms/${firstRoom}/` : undefined;
  const pages = [
    { name: 'Home', path: '/' },
    { name: 'Timetable', path: '/timetable/' },
    roomPage
      ? { name: `Room (${firstRoom})`, path: roomPage }
      : { name: 'Rooms list', path: '/rooms/', note: `the site has no page /rooms/${firstRoom ?? '<slug>'}/ yet, so the rooms list was measured instead` },
  ];

  log(`Launching ${chromePath}…`);
  chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
  const results = [];
  for (const page of pages) {
    const url = server.url + page.path;
    const status = (await fetch(url)).status;
    if (status !== 200) throw new Error(`${url} answered ${status}`);
    const pageRuns: PageRun[] = [];
    for (let i = 0; i < runs; i++) {
      log(`Lighthouse ${page.path} (run ${i + 1} of ${runs})…`);
      pageRuns.push(await runLighthouse(url));
    }
    const kept = median(pageRuns, (r) => r.scores.performance ?? 0);
    results.push({ ...page, runs: pageRuns.map((r) => ({ scores: r.scores, metrics: r.metrics })), median: kept });
  }

  const report = {
    benchmark: 'lighthouse',
    date: startedAt.toISOString(),
    source,
    settings: {
      runsPerPage: runs,
      formFactor: 'mobile (Lighthouse default: emulated Moto G Power, simulated slow 4G and 4x CPU slowdown)',
      categories,
      chromeFlags,
      server: 'scripts/lib/static-server.mts (sirv) on 127.0.0.1, brotli',
      siteBuildSeconds: buildSeconds,
    },
    software: { lighthouse: packageVersion('lighthouse'), astro: packageVersion('astro'), strapi: packageVersion('@strapi/strapi') },
    machine: machineAtStart,
    pages: results,
  };

  mkdirSync(outDir, { recursive: true });
  const stamp = startedAt.toISOString().slice(0, 10);
  const jsonFile = path.join(outDir, `lighthouse-${stamp}.json`);
  const mdFile = path.join(outDir, `lighthouse-${stamp}.md`);
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(mdFile, markdown(report));
  log(`Wrote ${path.relative(repoRoot, jsonFile)} and ${path.relative(repoRoot, mdFile)}`);
  console.log(`\n${markdown(report)}`);
};

const ms = (n: number | null) => (n == null ? '–' : `${(n / 1000).toFixed(2)} s`);
const kib = (n: number | null) => (n == null ? '–' : `${round(n / 1024, 1)} KiB`);

const markdown = (r: any): string =>
  [
    `# Lighthouse, ${r.date.slice(0, 10)}`,
    '',
    `Made by \`npm run bench:site\` (bench/lighthouse.mts); see bench/README.md. Lighthouse ${r.software.lighthouse} with its defaults: ${r.settings.formFactor}. ` +
      `Median of ${r.settings.runsPerPage} run${r.settings.runsPerPage === 1 ? '' : 's'} per page (by performance score). The site is the demo content's, built with Astro ${r.software.astro} and served from 127.0.0.1 with brotli.`,
    '',
    '| Page | Path | Performance | Accessibility | Best practices | SEO | FCP | LCP | TBT | CLS | Speed index | Total bytes |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.pages.map((p: any) => {
      const { scores: s, metrics: m } = p.median;
      return `| ${p.name} | \`${p.path}\` | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${ms(m.fcpMs)} | ${ms(m.lcpMs)} | ${m.tbtMs} ms | ${m.cls} | ${ms(m.speedIndexMs)} | ${kib(m.totalBytes)} |`;
    }),
    '',
    ...r.pages.filter((p: any) => p.note).map((p: any) => `Note: ${p.note}.`),
    ...(r.pages.some((p: any) => p.note) ? [''] : []),
    'Audits below 90 in accessibility, best practices and SEO (median run):',
    '',
    ...r.pages.map((p: any) => `- ${p.name}: ${p.median.failedAudits.length ? p.median.failedAudits.join('; ') : 'none'}`),
    ...(r.pages.some((p: any) => p.median.warnings.length) ? ['', 'Lighthouse warnings:', '', ...r.pages.flatMap((p: any) => p.median.warnings.map((w: string) => `- ${p.name}: ${w}`))] : []),
    '',
    '## Machine',
    '',
    `- OS: ${r.machine.os}`,
    `- CPU: ${r.machine.cpuModel} × ${r.machine.cpuCount}`,
    `- Memory: ${r.machine.totalMemoryGiB} GiB`,
    `- Node: ${r.machine.node}`,
    `- Chromium: ${r.machine.chromium} (${r.settings.chromeFlags.join(' ')})`,
    `- Load average at start (1/5/15 min): ${r.machine.loadAverageAtStart.join(' / ')}`,
    `- Commit: ${r.source.commit}${r.source.uncommittedChanges ? ' with uncommitted changes' : ''}`,
    '',
    'Lighthouse simulates a slow phone and network from a trace taken on this machine, so scores move a little with its load; compare runs made on one machine.',
    '',
  ].join('\n');

try {
  await main();
  await stopEverything();
} catch (error) {
  console.error(`\nbench:site failed: ${(error as Error).stack ?? error}`);
  await stopEverything();
  process.exit(1);
}
