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
//   --reports <dir> also keep every run's whole Lighthouse report there, to see what a score is made of
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import getPort from 'get-port';
import lighthouse from 'lighthouse';
import { requireNode24 } from '../scripts/lib/node-version.mts';
import { repoRoot } from '../scripts/lib/paths.mts';
import { buildSite } from '../scripts/lib/site-build.mts';
import { startStaticServer, type StaticServer } from '../scripts/lib/static-server.mts';
import { printHelp, resultsDir, wholeNumber } from './lib/options.mts';
import { logger, round } from './lib/progress.mts';
import { machine as benchMachine, packageVersion, runDate, sourceState, writeResults } from './lib/results-file.mts';
import { runBench, startStack, stopAlso } from './lib/stack.mts';

requireNode24();

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string' },
    chrome: { type: 'string' },
    out: { type: 'string' },
    reports: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (flags.help) printHelp(import.meta.url, 14);
const runs = wholeNumber('--runs', flags.runs, 'BENCH_LH_RUNS', 3);
const chromePath = flags.chrome ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
const outDir = resultsDir(flags.out);
const reportsDir = flags.reports ? path.resolve(flags.reports) : undefined;
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

const log = logger('bench:site');

let server: StaticServer | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;

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

/** The common record, with the OS and Chromium that Lighthouse's figures also depend on. */
const machine = () => {
  const { platform, ...common } = benchMachine();
  return { os: `${osName()} (${platform})`, ...common, chromium: chromiumVersion() };
};

interface PageRun {
  scores: Record<(typeof categories)[number], number | null>;
  metrics: Record<keyof typeof metricAudits, number | null>;
  /** Audits that failed (score < 0.9), as `id: title`, for the accessibility, best-practices and SEO categories. */
  failedAudits: string[];
  warnings: string[];
}

const runLighthouse = async (url: string, reportName: string): Promise<PageRun> => {
  const result = await lighthouse(url, { port: chrome!.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const lhr = result.lhr;
  if (reportsDir) writeFileSync(path.join(reportsDir, `${reportName}.json`), JSON.stringify(lhr));
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
  if (reportsDir) mkdirSync(reportsDir, { recursive: true });

  let siteDir = '';
  const stack = await startStack({
    name: 'site',
    log,
    // The static server first: the room page's availability island calls the CMS from the site's origin.
    beforeCms: async (workDir) => {
      siteDir = path.join(workDir, 'site');
      mkdirSync(siteDir);
      server = await startStaticServer({ root: () => siteDir, port: await getPort() });
      stopAlso('the site server', () => server?.close());
      log('The CMS gets the demo content.');
      return { DEMO_CONTENT: 'true', SITE_BUILD_HOOK_URL: '', CORS_ORIGINS: server.url, SITE_URL: server.url };
    },
  });
  const cms = stack.cms;
  const siteServer = server!;

  log(`Building the site into ${siteDir}…`);
  const buildStarted = Date.now();
  await buildSite({ cmsUrl: cms.url, publicCmsUrl: cms.url, siteUrl: siteServer.url, outDir: siteDir });
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
  stopAlso('Chromium', () => chrome?.kill());
  const results = [];
  for (const page of pages) {
    const url = siteServer.url + page.path;
    const status = (await fetch(url)).status;
    if (status !== 200) throw new Error(`${url} answered ${status}`);
    const pageRuns: PageRun[] = [];
    for (let i = 0; i < runs; i++) {
      log(`Lighthouse ${page.path} (run ${i + 1} of ${runs})…`);
      pageRuns.push(await runLighthouse(url, `${page.path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${i + 1}`));
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

  const base = writeResults(outDir, 'lighthouse', runDate(startedAt), report, markdown(report));
  log(`Wrote ${path.relative(repoRoot, base)}.json and .md`);
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

await runBench(main);
