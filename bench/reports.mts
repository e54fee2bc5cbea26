// `npm run bench` (after the reservations bench): how long the service report of a year takes.
//
// Starts an embedded PostgreSQL in a temporary folder and the compiled CMS against it, creates 30
// rooms, 4 categories and 40 weekly courses through the admin API (publishing makes a year of
// sessions), then seeds with SQL what a year at the centre leaves behind: term enrolments, the
// attendance marked at most past sessions (present and walk-ins; some left unmarked), and two room
// bookings a room a day (a few cancelled). It measures GET /booking/reports/service for that year
// (goal: under 500 ms) and the .xlsx of it, and writes bench/results/reports-<date>.json and .md.
//
// Options (flags, or the environment variables in brackets):
//   --runs <n>     measured requests, one after another   [BENCH_REPORT_RUNS, default 20]
//   --out <dir>    where the result files go               [BENCH_OUT, default bench/results]
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { requireNode24 } from '../scripts/lib/node-version.mts';
import { addDays, centreToday, DAY_MS, instantOf, utcTimestamp as utc, WEEKDAYS } from './lib/centre-dates.mts';
import { cmsClient, expectStatus } from './lib/cms-client.mts';
import { printHelp, resultsDir, wholeNumber } from './lib/options.mts';
import { logger, round, seconds } from './lib/progress.mts';
import { machine, packageVersion, runDate, sourceState, writeResults } from './lib/results-file.mts';
import { documentId, prng } from './lib/seed-values.mts';
import { runBench, startStack } from './lib/stack.mts';

requireNode24();

const { values: flags } = parseArgs({ options: { runs: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (flags.help) printHelp(import.meta.url, 13);
const runs = wholeNumber('--runs', flags.runs, 'BENCH_REPORT_RUNS', 20);
const settings = { rooms: 30, courses: 40, enrolmentsPerCourse: 15, residents: 3000, markedShare: 0.9, bookingsPerRoomDay: 2, cancelledShare: 0.05, days: 365, goalMs: 500, runs };
const outDir = resultsDir(flags.out);

const log = logger('bench reports');
const tokenHash = () => createHash('sha256').update(randomBytes(32)).digest('hex');

let cms: ReturnType<typeof cmsClient>;
/** Creates and publishes a document as an editor does in the content manager (categories have no drafts). */
const publish = (token: string, uid: string, data: Record<string, unknown>) => cms.createPublished(token, uid, data, `${uid} ${data.slug}`, uid !== 'plugin::booking.category');

const OPEN_HOURS = Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '08:00', end: '22:00' }]]));
const CATEGORIES = [['course', '课程'], ['talk', '讲座'], ['film', '观影'], ['rehearsal', '文艺排练']];

/** Rows in bulk: one INSERT … SELECT FROM unnest per batch of columns. */
const insertMany = async (db: pg.Client, table: string, columns: Array<[name: string, type: string]>, rows: unknown[][]) => {
  const sql = `INSERT INTO ${table} (${columns.map(([c]) => c).join(', ')}) SELECT * FROM unnest(${columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`;
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000);
    await db.query(sql, columns.map((_, c) => batch.map((r) => r[c])));
  }
};

const seedYear = async (db: pg.Client, from: string, to: string) => {
  const random = prng(20261130);
  const phone = (n: number) => `139${String(10_000_000 + n).padStart(8, '0')}`;
  const sessions = (await db.query('SELECT document_id, activity_id, starts_at FROM booking_sessions WHERE status = $1 AND starts_at < now() ORDER BY starts_at', ['scheduled'])).rows;
  const courses = [...new Set(sessions.map((s) => s.activity_id as string))];
  const termStart = instantOf(addDays(from, -7), 600);

  const enrolments: unknown[][] = [];
  const byCourse = new Map<string, Array<{ id: string; people: number }>>();
  for (const course of courses) {
    const list: Array<{ id: string; people: number }> = [];
    for (let i = 0; i < settings.enrolmentsPerCourse; i++) {
      const id = documentId();
      const people = random() < 0.2 ? 2 : 1;
      list.push({ id, people });
      const n = Math.floor(random() * settings.residents);
      enrolments.push([id, 'course', course, null, `居民${n}`, phone(n), null, 'sms', people, 'confirmed', 'zh-CN', tokenHash(), utc(termStart), utc(termStart), utc(termStart)]);
    }
    byCourse.set(course, list);
  }
  await insertMany(
    db,
    'booking_enrolments',
    [['document_id', 'varchar'], ['activity_kind', 'varchar'], ['activity_id', 'varchar'], ['session_id', 'varchar'], ['name', 'varchar'], ['phone', 'varchar'], ['email', 'varchar'], ['notify_by', 'varchar'], ['people', 'int'], ['status', 'varchar'], ['language', 'varchar'], ['manage_token_hash', 'varchar'], ['created_at', 'timestamp'], ['updated_at', 'timestamp'], ['published_at', 'timestamp']],
    enrolments
  );

  const attendance: unknown[][] = [];
  let marked = 0;
  for (const s of sessions) {
    if (random() >= settings.markedShare) continue;
    marked += 1;
    const at = utc(new Date(new Date(s.starts_at).getTime() + 2 * 3_600_000));
    for (const e of byCourse.get(s.activity_id) ?? []) if (random() < 0.75) attendance.push([documentId(), s.document_id, e.id, e.people, at, at, at]);
    attendance.push([documentId(), s.document_id, null, Math.floor(random() * 6), at, at, at]);
  }
  await insertMany(db, 'booking_attendances', [['document_id', 'varchar'], ['session_id', 'varchar'], ['enrolment_id', 'varchar'], ['people', 'int'], ['created_at', 'timestamp'], ['updated_at', 'timestamp'], ['published_at', 'timestamp']], attendance);

  // Two bookings a room a day, 09:00–11:00 and 14:00–16:00 (the courses meet at 19:00).
  const rooms = (await db.query('SELECT id, document_id, slug, published_at FROM booking_rooms ORDER BY id')).rows;
  const roomIds = [...new Set(rooms.map((r) => r.document_id as string))];
  const reservations: unknown[][] = [];
  const links: Array<[string, number]> = [];
  const holds: unknown[][] = [];
  let reference = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const room of roomIds) {
      for (const startMinutes of [540, 840]) {
        const start = instantOf(date, startMinutes);
        const end = instantOf(date, startMinutes + 120);
        const id = documentId();
        const cancelled = random() < settings.cancelledShare;
        const created = new Date(start.getTime() - (1 + random() * 20) * DAY_MS);
        const updated = cancelled ? new Date(start.getTime() - random() * 3 * DAY_MS) : created;
        const n = Math.floor(random() * 200);
        reference += 1;
        reservations.push([id, `LL-B${String(reference).padStart(6, '0')}`, utc(start), utc(end), cancelled ? 'cancelled' : 'confirmed', '排练 Rehearsal', `团体${n}`, `联系人${n}`, phone(settings.residents + n), 5 + Math.floor(random() * 30), 'zh-CN', 0, 'public', tokenHash(), utc(created), utc(updated), utc(created)]);
        for (const r of rooms.filter((x) => x.document_id === room)) links.push([id, r.id]);
        if (!cancelled) holds.push([room, 'reservation', id, start.toISOString(), end.toISOString(), end.toISOString()]);
      }
    }
  }
  await insertMany(
    db,
    'booking_reservations',
    [['document_id', 'varchar'], ['reference', 'varchar'], ['starts_at', 'timestamp'], ['ends_at', 'timestamp'], ['status', 'varchar'], ['purpose', 'varchar'], ['organization', 'varchar'], ['contact_name', 'varchar'], ['phone', 'varchar'], ['attendees', 'int'], ['language', 'varchar'], ['series_index', 'int'], ['source', 'varchar'], ['manage_token_hash', 'varchar'], ['created_at', 'timestamp'], ['updated_at', 'timestamp'], ['published_at', 'timestamp']],
    reservations
  );
  await db.query(
    `INSERT INTO booking_reservations_room_lnk (reservation_id, room_id)
     SELECT r.id, t.room_row FROM unnest($1::varchar[], $2::int[]) AS t(document_id, room_row) JOIN booking_reservations r ON r.document_id = t.document_id`,
    [links.map((l) => l[0]), links.map((l) => l[1])]
  );
  await insertMany(db, 'booking_holds', [['room_id', 'varchar'], ['kind', 'varchar'], ['source_id', 'varchar'], ['starts_at', 'timestamptz'], ['ends_at', 'timestamptz'], ['blocked_until', 'timestamptz']], holds);
  await db.query('VACUUM ANALYZE');
  return { sessions: sessions.length, markedSessions: marked, enrolments: enrolments.length, attendanceLines: attendance.length, reservations: reservations.length };
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const markdown = (r: any) =>
  [
    `# Service report benchmark, ${r.date}`,
    '',
    'Made by `npm run bench` (bench/reports.mts). Figures depend on the machine: compare runs made on one machine only.',
    '',
    `| Request | Runs | p50 (ms) | p90 (ms) | max (ms) | Goal | Answer size |`,
    '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
    ...r.scenarios.map((s: any) => `| ${s.title}<br>\`GET ${s.path}\` | ${s.runs} | ${s.p50Ms} | ${s.p90Ms} | ${s.maxMs} | ${s.goalMs ? `< ${s.goalMs} ms: ${s.p50Ms < s.goalMs ? 'met' : 'NOT met'}` : '–'} | ${Math.round(s.bytes / 1024)} KiB |`),
    '',
    'Requests one after another (one connection), after two unmeasured ones.',
    '',
    '## Machine',
    '',
    `- CPU: ${r.machine.cpuModel} × ${r.machine.cpuCount}; memory ${r.machine.totalMemoryGiB} GiB; Node ${r.machine.node}, ${r.machine.platform}`,
    `- Load average at start (1/5/15 min): ${r.machine.loadAverageAtStart.join(' / ')}`,
    `- Code: commit ${r.source.commit}${r.source.uncommittedChanges ? ', with uncommitted changes in the working tree' : ''}`,
    `- Software: Strapi ${r.software.strapi}, PostgreSQL ${r.software.postgres} (embedded); CMS and database share the machine`,
    '',
    '## Dataset',
    '',
    `- ${r.dataset.rooms} rooms, ${r.dataset.courses} weekly courses (one evening a week each), ${r.dataset.from} to ${r.dataset.to}`,
    `- ${r.dataset.sessions.toLocaleString('en')} sessions held, ${r.dataset.markedSessions.toLocaleString('en')} with attendance marked (${r.dataset.attendanceLines.toLocaleString('en')} sign-in lines); ${r.dataset.enrolments.toLocaleString('en')} term enrolments`,
    `- ${r.dataset.reservations.toLocaleString('en')} room bookings (${r.settings.bookingsPerRoomDay} a room a day, ${r.settings.cancelledShare * 100}% cancelled)`,
    `- Whole run: ${r.timings.totalSeconds} s (CMS start ${r.timings.cmsStartSeconds} s, content through the API ${r.timings.contentSeconds} s, SQL seed ${r.timings.seedSeconds} s)`,
    '',
  ].join('\n');

const main = async () => {
  const started = Date.now();
  const startedAt = new Date();
  const machineAtStart = machine();
  const source = sourceState();
  const today = centreToday();
  const from = addDays(today, -settings.days);
  const to = addDays(today, -1);

  let cmsStarted = 0;
  const stack = await startStack({ name: 'reports', log, beforeCms: async () => void (cmsStarted = Date.now()) });
  const cmsStartSeconds = seconds(cmsStarted);
  cms = cmsClient(stack.cms.url);
  const { request } = cms;
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const token = await cms.login();

    log(`Creating ${settings.rooms} rooms, ${CATEGORIES.length} categories and ${settings.courses} courses from ${from} to ${to} through the admin API…`);
    const contentStarted = Date.now();
    const rooms: string[] = [];
    for (let i = 0; i < settings.rooms; i++) rooms.push(await publish(token, 'plugin::booking.room', { name: `活动室 ${i + 1}`, slug: `room-${i + 1}`, capacity: 40, requiresApproval: false, openingHours: OPEN_HOURS }));
    const categories: string[] = [];
    for (const [slug, name] of CATEGORIES) categories.push(await publish(token, 'plugin::booking.category', { slug, name }));
    for (let i = 0; i < settings.courses; i++) {
      await publish(token, 'plugin::booking.course', {
        title: `课程 ${i + 1}`,
        slug: `course-${i + 1}`,
        capacity: 30,
        audience: ['长者', '少儿', '成人', '亲子'][i % 4],
        room: { connect: [{ documentId: rooms[i % settings.rooms], locale: 'zh-CN' }] },
        category: { connect: [{ documentId: categories[i % categories.length], locale: 'zh-CN' }] },
        schedule: { frequency: 'weekly', weekdays: [WEEKDAYS[i % 7]], startDate: from, endDate: to, startTime: '19:00', durationMinutes: 90 },
      });
    }
    const contentSeconds = seconds(contentStarted);
    log(`  done in ${contentSeconds} s`);

    log('Seeding enrolments, attendance and bookings with SQL…');
    const seedStarted = Date.now();
    const seeded = await seedYear(db, from, to);
    const seedSeconds = seconds(seedStarted);
    log(`  ${JSON.stringify(seeded)} in ${seedSeconds} s`);

    const scenarios = [];
    for (const [title, urlPath, goalMs] of [
      ['The year’s report (JSON)', `/booking/reports/service?from=${from}&to=${to}`, settings.goalMs],
      ['The year’s workbook (.xlsx)', `/booking/reports/service.xlsx?from=${from}&to=${to}`, null],
    ] as const) {
      const first = await request('GET', urlPath, undefined, token);
      expectStatus(urlPath, first, 200);
      if (typeof first.body === 'object' && first.body !== null && !(first.body.data.current.activities.held > 0 && first.body.data.current.visits.total > 0)) throw new Error(`${urlPath}: the report counts nothing: ${JSON.stringify(first.body.data.current).slice(0, 300)}`);
      await request('GET', urlPath, undefined, token);
      const times: number[] = [];
      for (let i = 0; i < settings.runs; i++) {
        const t = performance.now();
        expectStatus(urlPath, await request('GET', urlPath, undefined, token), 200);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      scenarios.push({ title, path: urlPath, runs: times.length, p50Ms: round(percentile(times, 50), 0), p90Ms: round(percentile(times, 90), 0), maxMs: round(times[times.length - 1], 0), meanMs: round(times.reduce((n, t) => n + t, 0) / times.length, 0), goalMs, bytes: first.bytes });
      log(`  ${title}: p50 ${scenarios[scenarios.length - 1].p50Ms} ms`);
    }

    const results = {
      benchmark: 'reports',
      date: runDate(startedAt),
      startedAt: startedAt.toISOString(),
      machine: machineAtStart,
      source,
      software: { strapi: packageVersion('@strapi/strapi'), postgres: (await db.query('SHOW server_version')).rows[0].server_version },
      settings,
      dataset: { rooms: settings.rooms, courses: settings.courses, from, to, ...seeded },
      timings: { totalSeconds: seconds(started), cmsStartSeconds, contentSeconds, seedSeconds },
      scenarios,
    };
    const base = writeResults(outDir, 'reports', results.date, results, markdown(results));
    log(`Results: ${path.relative(process.cwd(), base)}.json and .md`);
    if (scenarios[0].p50Ms >= settings.goalMs) {
      process.exitCode = 1;
      console.error(`The year's report took ${scenarios[0].p50Ms} ms (p50), over the goal of ${settings.goalMs} ms.`);
    }
  } finally {
    await db.end();
  }
};

await runBench(main);
