// `npm run bench:build`: how long the Astro build of the site takes, and how much memory, at a
// large centre's scale.
//
// Starts an embedded PostgreSQL in a temporary folder and the compiled CMS against it, creates
// 200 rooms, 50 weekly courses with a year of sessions and 20 events through the admin API (as
// editors do: publishing makes the sessions), writes 1,000 news items in Chinese and English with
// SQL (rows laid out as the Document Service writes them, checked through the API), then builds
// the site against it and writes bench/results/site-build-<date>.json and .md: total time, peak
// memory of the build's process tree, and time per page kind. See bench/README.md.
//
// Options (flags, or the environment variables in brackets):
//   --rooms <n>    rooms                        [BENCH_ROOMS, default 200]
//   --courses <n>  weekly courses, a year each  [BENCH_COURSES, default 50]
//   --events <n>   events                       [BENCH_EVENTS, default 20]
//   --news <n>     news items, in both languages [BENCH_NEWS, default 1000]
//   --out <dir>    where the result files go    [BENCH_OUT, default bench/results]
//   --keep         then keep the CMS running with the dataset (to profile a build against it) until Ctrl-C
import { spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { requireNode24 } from '../scripts/lib/node-version.mts';
import { buildSite } from '../scripts/lib/site-build.mts';
import { addDays, centreToday, WEEKDAYS, weekdayOf } from './lib/centre-dates.mts';
import { cmsClient, expectStatus, inParallel } from './lib/cms-client.mts';
import { printHelp, resultsDir, wholeNumber } from './lib/options.mts';
import { logger, round, seconds } from './lib/progress.mts';
import { machine, packageVersion, runDate, sourceState, writeResults } from './lib/results-file.mts';
import { documentId } from './lib/seed-values.mts';
import { runBench, startStack } from './lib/stack.mts';

requireNode24();

const { values: flags } = parseArgs({
  options: {
    rooms: { type: 'string' },
    courses: { type: 'string' },
    events: { type: 'string' },
    news: { type: 'string' },
    out: { type: 'string' },
    keep: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (flags.help) printHelp(import.meta.url, 17);
const dataset = {
  rooms: wholeNumber('--rooms', flags.rooms, 'BENCH_ROOMS', 200, 1),
  courses: wholeNumber('--courses', flags.courses, 'BENCH_COURSES', 50, 0),
  events: wholeNumber('--events', flags.events, 'BENCH_EVENTS', 20, 0),
  news: wholeNumber('--news', flags.news, 'BENCH_NEWS', 1000, 0),
};
if (dataset.courses + dataset.events > dataset.rooms) throw new Error('every course and event has a room of its own: give --rooms at least --courses + --events');
const outDir = resultsDir(flags.out);
/** The goal of issue #13. */
const GOAL = { seconds: 60, memoryGiB: 2 };

const log = logger('bench:build');

// ---------------------------------------------------------------------------------------------
// The CMS's admin API, as an editor uses it

let cms: ReturnType<typeof cmsClient> & { url: string };

const OPEN_HOURS = Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '08:00', end: '21:30' }]]));
const COURSE_TITLES = ['书法班', '二胡班', '太极拳', '合唱团', '智能手机课', '国画班', '英语角', '舞蹈队', '四点半课堂', '象棋班'];

const seedThroughApi = async (token: string, today: string) => {
  const roomIds: string[] = [];
  await inParallel(dataset.rooms, 4, async (i) => {
    roomIds[i] = await cms.createPublished(token, 'plugin::booking.room', { name: `活动室 ${i + 1}`, slug: `room-${String(i + 1).padStart(3, '0')}`, capacity: 10 + (i % 8) * 10, requiresApproval: false, openingHours: OPEN_HOURS }, `room ${i + 1}`);
  });
  // Each course in a room of its own, weekly on one day, from this week for a year: 52 or 53 sessions.
  await inParallel(dataset.courses, 2, async (i) => {
    await cms.createPublished(token, 'plugin::booking.course', {
      title: `${COURSE_TITLES[i % COURSE_TITLES.length]} ${i + 1}`,
      slug: `course-${i + 1}`,
      summary: '每周一次，欢迎居民报名。',
      description: '由社区志愿者授课，**免费**参加。\n\n请提前十分钟到场。',
      capacity: 20,
      enrolmentMode: 'term',
      room: { connect: [{ documentId: roomIds[i], locale: 'zh-CN' }] },
      schedule: { frequency: 'weekly', weekdays: [WEEKDAYS[i % 7]], startDate: today, endDate: addDays(today, 364), startTime: '16:30', durationMinutes: 90 },
    }, `course ${i + 1}`);
  });
  // Events: one afternoon each, a week apart, in the rooms after the courses'.
  await inParallel(dataset.events, 2, async (i) => {
    const day = addDays(today, 3 + i * 7);
    await cms.createPublished(token, 'plugin::booking.event', {
      title: `邻里节活动 ${i + 1}`,
      slug: `event-${i + 1}`,
      summary: '社区一年一度的邻里节。',
      capacity: 100,
      enrolmentMode: 'term',
      room: { connect: [{ documentId: roomIds[dataset.courses + i], locale: 'zh-CN' }] },
      schedule: { frequency: 'weekly', weekdays: [weekdayOf(day)], startDate: day, endDate: day, startTime: '14:00', durationMinutes: 120 },
    }, `event ${i + 1}`);
  });
};

// ---------------------------------------------------------------------------------------------
// News with SQL: per item a Chinese and an English version, each a draft and a published row,
// as the Document Service writes a published, translated entry.

const NEWS_INSERT = `
INSERT INTO news (document_id, title, slug, kind, published_date, summary, body, tags, created_at, updated_at, published_at, locale)
SELECT d.document_id, CASE WHEN l.locale = 'en' THEN 'Centre news ' || d.n ELSE '社区动态 ' || d.n END,
  'news-' || d.n, CASE WHEN d.n % 10 = 0 THEN 'notice' ELSE 'news' END, d.published_date,
  CASE WHEN l.locale = 'en' THEN 'What happened at the centre this week.' ELSE '本周社区服务中心发生的事。' END,
  CASE WHEN l.locale = 'en' THEN E'The reading club met in the **reading room**.\\n\\n- 30 residents came\\n- next time: Saturday' ELSE E'读书会在**阅览室**举行。\\n\\n- 30 位居民参加\\n- 下次：周六' END,
  CASE WHEN l.locale = 'en' THEN E'reading\\nclub' ELSE E'读书\\n活动' END,
  now(), now(), CASE WHEN s.published THEN now() ELSE NULL END, l.locale
FROM unnest($1::varchar[], $2::int[], $3::date[]) AS d(document_id, n, published_date)
CROSS JOIN (VALUES ('zh-CN'), ('en')) AS l(locale)
CROSS JOIN (VALUES (false), (true)) AS s(published)`;

const seedNews = async (db: pg.Client, today: string) => {
  const n = Array.from({ length: dataset.news }, (_, i) => i + 1);
  // One a day or so, backwards from today.
  await db.query(NEWS_INSERT, [n.map(documentId), n, n.map((i) => addDays(today, -Math.floor(i * 0.8)))]);
  for (const locale of ['zh-CN', 'en']) {
    const listed = await cms.request('GET', `/api/news?locale=${locale}&pagination[pageSize]=1`);
    expectStatus(`news in ${locale}`, listed, 200);
    if (listed.body.meta.pagination.total !== dataset.news) throw new Error(`seed check: /api/news lists ${listed.body.meta.pagination.total} items in ${locale}, the seed wrote ${dataset.news}`);
  }
};

// ---------------------------------------------------------------------------------------------
// Watching the build

/** Resident memory (bytes) of a process and all its descendants, from /proc. */
const treeRss = (rootPid: number): { bytes: number; pids: number } => {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parentOf) if (tree.has(parent) && !tree.has(pid)) tree.add(pid), (grew = true);
  }
  let bytes = 0;
  for (const pid of tree) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) bytes += Number(rss[1]) * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return { bytes, pids: tree.size };
};

/** "/en/rooms/room-001/index.html" → "rooms/[slug]"; the language does not make another kind. */
const pageKind = (file: string): string => {
  const parts = file.replace(/^\/(en\/)?/, '').replace(/(^|\/)index\.html$/, '').split('/').filter(Boolean);
  if (parts.length === 0) return '/ (home)';
  return parts.length === 1 ? parts[0] : `${parts[0]}/[${parts[0] === 'timetable' ? 'week' : 'slug'}]`;
};

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

interface BuildMeasurement {
  totalSeconds: number;
  /** From the start until Astro began writing pages: loading content from the CMS and bundling. */
  beforePagesSeconds: number;
  pagesSeconds: number;
  peakRssMiB: number;
  kinds: Array<{ kind: string; pages: number; totalMs: number; meanMs: number; maxMs: number }>;
  pages: number;
  files: number;
  /** Astro's own progress lines (content sync, bundling, …) with the second of the build they came at. */
  phases: Array<{ atSeconds: number; line: string }>;
}

const measureBuild = async (outSite: string): Promise<BuildMeasurement> => {
  let child: ChildProcess | undefined;
  let peak = 0;
  let started = 0;
  let firstPage = 0;
  const timings: Array<{ file: string; ms: number }> = [];
  let pending = '';
  let lastFile: string | undefined;
  // flock may wait for another build of this checkout's site first: the clock starts with Astro.
  const sampler = setInterval(() => {
    if (!child?.pid) return;
    const { bytes, pids } = treeRss(child.pid);
    if (pids > 1 && started === 0) started = Date.now();
    peak = Math.max(peak, bytes);
  }, 100);
  const phases: BuildMeasurement['phases'] = [];
  const onLine = (line: string) => {
    if (/\[(content|build|vite|types|check|@astrojs\/sitemap)\]/.test(line) && !/├─|└─/.test(line))
      phases.push({ atSeconds: round(((Date.now() - (started || Date.now())) / 1000)), line: line.trim().replace(/^\d\d:\d\d:\d\d /, '') });
    const page = /├─ (\S+)/.exec(line);
    if (page) {
      lastFile = page[1];
      if (firstPage === 0) firstPage = Date.now();
    }
    const time = /\(\+([\d.]+)(ms|s)\)/.exec(line);
    if (time && lastFile) {
      timings.push({ file: lastFile, ms: Number(time[1]) * (time[2] === 's' ? 1000 : 1) });
      lastFile = undefined;
    }
  };
  try {
    await buildSite({
      cmsUrl: cms.url,
      outDir: outSite,
      siteUrl: 'https://linli.example.org',
      onStart: (c) => (child = c),
      onOutput: (chunk) => {
        const lines = (pending + stripAnsi(chunk)).split('\n');
        pending = lines.pop() ?? '';
        lines.forEach(onLine);
      },
    });
  } finally {
    clearInterval(sampler);
  }
  onLine(pending);
  const ended = Date.now();
  started ||= ended;
  const byKind = new Map<string, number[]>();
  for (const t of timings) byKind.set(pageKind(t.file), [...(byKind.get(pageKind(t.file)) ?? []), t.ms]);
  const files = spawnSync('find', [outSite, '-type', 'f'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).length;
  return {
    totalSeconds: round((ended - started) / 1000),
    beforePagesSeconds: round(((firstPage || ended) - started) / 1000),
    pagesSeconds: round((ended - (firstPage || ended)) / 1000),
    peakRssMiB: Math.round(peak / 2 ** 20),
    kinds: [...byKind]
      .map(([kind, ms]) => ({ kind, pages: ms.length, totalMs: Math.round(ms.reduce((a, b) => a + b, 0)), meanMs: round(ms.reduce((a, b) => a + b, 0) / ms.length), maxMs: Math.round(Math.max(...ms)) }))
      .sort((a, b) => b.totalMs - a.totalMs),
    pages: timings.length,
    files,
    phases,
  };
};

// ---------------------------------------------------------------------------------------------
// Results

const markdown = (r: any): string => {
  const b: BuildMeasurement = r.build;
  const verdict = (ok: boolean) => (ok ? 'within' : '**over**');
  return [
    `# Site build benchmark, ${r.date}`,
    '',
    'Made by `npm run bench:build` (bench/site-build.mts); see bench/README.md. Figures depend on the machine: compare runs made on one machine only.',
    '',
    '| Build | Time (s) | Peak memory (MiB) | Pages | Files |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| \`astro build\` of site/ | ${b.totalSeconds} | ${b.peakRssMiB} | ${b.pages} | ${b.files} |`,
    '',
    `Goal (issue #13): under ${GOAL.seconds} s and ${GOAL.memoryGiB} GiB: time ${verdict(b.totalSeconds < GOAL.seconds)}, memory ${verdict(b.peakRssMiB < GOAL.memoryGiB * 1024)} the goal.`,
    `Of the time, ${b.beforePagesSeconds} s went before the first page was written (loading content from the CMS, bundling) and ${b.pagesSeconds} s to writing pages.`,
    'Peak memory is the largest sum of resident memory (RSS) of the build and all its processes, sampled every 100 ms.',
    '',
    '| Page kind (both languages) | Pages | Total (ms) | Mean (ms) | Slowest (ms) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...b.kinds.map((k) => `| ${k.kind} | ${k.pages} | ${k.totalMs} | ${k.meanMs} | ${k.maxMs} |`),
    '',
    'Per page: the time Astro prints for rendering and writing it (pages are rendered one after another).',
    '',
    "Astro's progress (seconds since the build started):",
    '',
    ...b.phases.map((p) => `- ${p.atSeconds} s: ${p.line.replace(/\|/g, '\\|')}`),
    '',
    '## Machine',
    '',
    `- CPU: ${r.machine.cpuModel} × ${r.machine.cpuCount}`,
    `- Memory: ${r.machine.totalMemoryGiB} GiB`,
    `- Node: ${r.machine.node}, ${r.machine.platform}`,
    `- Load average at start (1/5/15 min): ${r.machine.loadAverageAtStart.join(' / ')}`,
    `- Code: commit ${r.source.commit}${r.source.uncommittedChanges ? ', with uncommitted changes in the working tree' : ''}`,
    `- Software: Astro ${r.software.astro}, Strapi ${r.software.strapi}, PostgreSQL ${r.software.postgres} (embedded); CMS, database and build share the machine`,
    '',
    '## Dataset',
    '',
    `- Rooms: ${r.dataset.rooms} (published, through the admin API)`,
    `- Courses: ${r.dataset.courses}, weekly, each in a room of its own, ${r.dataset.sessionsFrom} to ${r.dataset.sessionsTo}: ${r.dataset.sessions.toLocaleString('en')} sessions with the events' (made by publishing, as editors do)`,
    `- Events: ${r.dataset.events}, one afternoon each, a week apart`,
    `- News: ${r.dataset.news.toLocaleString('en')} items in Chinese and English, written with SQL as the Document Service writes them`,
    `- Seeding took ${r.timings.seedSeconds} s; the whole run ${r.timings.totalSeconds} s`,
    '',
  ].join('\n');
};

// ---------------------------------------------------------------------------------------------
// The run

const main = async () => {
  const started = Date.now();
  const startedAt = new Date();
  const today = centreToday();
  const machineAtStart = machine();
  const source = sourceState();
  process.env.FORCE_COLOR = '0';

  const stack = await startStack({
    name: 'build',
    log,
    env: { BOOKING_RATE_LIMIT_MAX: '100000000', BOOKING_READ_LIMIT_MAX: '100000000' },
    // A busy machine may take minutes to start Strapi; the build is what is measured.
    timeoutMs: 300_000,
  });
  cms = { ...cmsClient(stack.cms.url), url: stack.cms.url };
  log(`  CMS up at ${cms.url}`);
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  // Ctrl-C stops PostgreSQL under this idle client (e.g. with --keep): that is no error.
  db.on('error', (error) => log(`database connection: ${error.message}`));
  await db.connect();
  try {
    const token = await cms.login();

    const seedStarted = Date.now();
    log(`Creating ${dataset.rooms} rooms, ${dataset.courses} courses and ${dataset.events} events through the admin API…`);
    await seedThroughApi(token, today);
    log(`Writing ${dataset.news} news items in two languages with SQL…`);
    await seedNews(db, today);
    await db.query('VACUUM ANALYZE');
    const seedSeconds = seconds(seedStarted);
    const sessions = Number((await db.query('SELECT count(*) AS n FROM booking_sessions')).rows[0].n);
    log(`  seeded in ${seedSeconds} s (${sessions} sessions)`);

    log('Building the site…');
    const build = await measureBuild(path.join(stack.workDir, 'site'));
    log(`  ${build.totalSeconds} s, peak ${build.peakRssMiB} MiB, ${build.pages} pages`);

    const results = {
      benchmark: 'site-build',
      date: runDate(startedAt),
      startedAt: startedAt.toISOString(),
      machine: machineAtStart,
      source,
      software: { astro: packageVersion('astro'), strapi: packageVersion('@strapi/strapi'), postgres: (await db.query('SHOW server_version')).rows[0].server_version },
      goal: GOAL,
      dataset: { ...dataset, sessions, sessionsFrom: today, sessionsTo: addDays(today, 364) },
      timings: { totalSeconds: seconds(started), seedSeconds },
      build,
    };
    const base = writeResults(outDir, 'site-build', results.date, results, markdown(results));
    log(`Results: ${path.relative(process.cwd(), base)}.json and .md`);
    if (flags.keep) {
      log(`The CMS keeps running at ${cms.url} (CMS_URL=${cms.url} for a build of site/), its database at ${stack.databaseUrl}; Ctrl-C stops both.`);
      await new Promise(() => {});
    }
  } finally {
    await db.end();
  }
};

await runBench(main);
