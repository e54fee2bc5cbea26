import knexFactory, { type Knex } from 'knex';
import { asAdmin } from '../harness/admin';
import { startTestCms, createTestDatabase, type TestCms, type TestDatabase } from '../harness/cms';
import { CONSENT, at, createActivity, createRoom, dayAhead, reservation, weekly } from '../harness/fixtures';
import { openDatabase, type RawDatabase } from '../harness/database';
import { MIGRATIONS, REPAIRS } from '../../plugins/booking/server/src/migrations';
import { MIGRATIONS_TABLE, runMigrations } from '../../plugins/booking/server/src/migrations/runner';

/*
 * A database made by the plugin as it was on 2026-11-23 (its first release: rooms, reservations,
 * holds, activities and enrolments, and only the holds, idempotency and capacity-lock tables of its
 * own), with rows in it, upgraded by a start of today's CMS. The shape is that release's as far as
 * the plugin's own tables and the reservation and enrolment columns go; other content types keep
 * today's columns.
 *
 * The old shape is made from today's: a CMS starts once and takes a few bookings, then everything the
 * plugin gained since is taken away again (its later tables, triggers and indexes, the columns its
 * content types gained, the record of applied migrations), and Strapi's stored schema is forgotten
 * as an older Strapi app's would differ.
 */
const GAINED_TABLES = [
  MIGRATIONS_TABLE,
  'booking_messages',
  'booking_cant_come_codes',
  'booking_absences',
  'booking_privacy_notices',
  'booking_audit_log',
  'booking_data_version',
  'booking_rate_limits',
];
const GAINED_COLUMNS: Record<string, string[]> = {
  booking_reservations: ['notify_by', 'person_key', 'consent_version', 'consent_at', 'consent_by', 'override_reason', 'found_token_hash'],
  booking_enrolments: ['notify_by', 'person_key', 'consent_version', 'consent_at', 'consent_by', 'guardian_consent', 'child_name', 'child_grade', 'collectors', 'cancel_reason', 'found_token_hash'],
};
const GAINED_INDEXES = [
  'booking_reservations_reference_series_unique',
  'booking_reservations_reference_idx',
  'booking_reservations_manage_token_hash_idx',
  'booking_enrolments_manage_token_hash_idx',
  'booking_reservations_found_token_hash_idx',
  'booking_enrolments_found_token_hash_idx',
  'booking_sessions_activity_id_idx',
  'booking_enrolments_activity_id_idx',
];

/** Rooms, a course, reservations and enrolments, with and without an e-mail address. */
const takeBookings = async (cms: TestCms) => {
  const admin = await asAdmin(cms);
  const roomId = await createRoom(admin, { slug: 'test-room', requiresApproval: false });
  for (const [i, extra] of [{}, { email: undefined }, { email: undefined, organization: '戏迷协会' }].entries()) {
    const date = dayAhead(2 + i);
    const made = await cms.request('POST', '/api/booking/reservations', { data: reservation({ start: at(date, '19:00'), end: at(date, '20:00'), ...extra }) });
    if (made.status !== 201) throw new Error(`reservation: ${made.status} ${JSON.stringify(made.body)}`);
  }
  const { published } = await createActivity(admin, 'course', { slug: 'calligraphy', roomId, schedule: weekly(['sat'], dayAhead(6), dayAhead(6, 3), '09:00', 60) });
  if (published.status !== 200) throw new Error(`course: ${published.status}`);
  for (const person of [{ name: '王芳', phone: '13900000001', email: 'wang.fang@example.org' }, { name: '张伟', phone: '13900000002' }]) {
    const made = await cms.request('POST', '/api/booking/enrolments', { data: { ...CONSENT, course: 'calligraphy', people: 1, ...person } });
    if (made.status !== 201) throw new Error(`enrolment: ${made.status} ${JSON.stringify(made.body)}`);
  }
};

const makeOld = async (db: RawDatabase, kind: TestDatabase['kind']) => {
  if (kind === 'postgres') {
    const triggers = await db.query(`SELECT tgrelid::regclass::text AS t FROM pg_trigger WHERE tgname = 'booking_data_version'`);
    for (const { t } of triggers) await db.query(`DROP TRIGGER booking_data_version ON ${String(t)}`);
    await db.query('DROP FUNCTION booking_bump_data_version()');
  } else {
    const triggers = await db.query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'booking_data_version%'`);
    for (const { name } of triggers) await db.query(`DROP TRIGGER ${String(name)}`);
  }
  for (const table of GAINED_TABLES) await db.query(`DROP TABLE IF EXISTS ${table}`);
  for (const index of GAINED_INDEXES) await db.query(`DROP INDEX IF EXISTS ${index}`);
  for (const [table, columns] of Object.entries(GAINED_COLUMNS)) {
    for (const column of columns) await db.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
  }
  await db.query('DELETE FROM strapi_database_schema');
};

const tablesOf = async (db: RawDatabase, kind: TestDatabase['kind']): Promise<string[]> => {
  const rows =
    kind === 'postgres'
      ? await db.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`)
      : await db.query(`SELECT name FROM sqlite_master WHERE type = 'table'`);
  return rows.map((r) => String(r.name)).sort();
};

const columnsOf = async (db: RawDatabase, kind: TestDatabase['kind'], table: string): Promise<string[]> => {
  const rows =
    kind === 'postgres'
      ? await db.query(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?`, [table])
      : await db.query(`SELECT name FROM pragma_table_info(?)`, [table]);
  return rows.map((r) => String(r.name)).sort();
};

/** Every table, column, index, constraint and trigger, as the database describes them. */
const schemaOf = async (db: RawDatabase, kind: TestDatabase['kind']) => {
  if (kind === 'sqlite') return db.query(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`);
  return [
    ...(await db.query(`SELECT table_name, column_name, data_type, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`)),
    ...(await db.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 2`)),
    ...(await db.query(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1`)),
    ...(await db.query(`SELECT tgname, tgrelid::regclass::text AS on_table FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`)),
  ];
};

/** The rows of the plugin's tables as the old schema has them: the given columns of each, in id order. */
const rowsOf = async (db: RawDatabase, columns: Record<string, string[]>) => {
  const out: Record<string, unknown[]> = {};
  for (const [table, cols] of Object.entries(columns)) {
    const order = cols.includes('id') ? 'id' : cols.join(', ');
    out[table] = await db.query(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM ${table} ORDER BY ${order}`);
  }
  return out;
};

describe('a database made by an older version of the plugin', () => {
  let database: TestDatabase;
  let oldColumns: Record<string, string[]>;
  let oldRows: Record<string, unknown[]>;

  beforeAll(async () => {
    const first = await startTestCms();
    database = first.database;
    try {
      await takeBookings(first);
    } finally {
      await first.stop();
    }
    const db = await openDatabase(database);
    try {
      await makeOld(db, database.kind);
      oldColumns = {};
      // Rows kept by the start itself change (expired idempotency answers are purged); the rest must stay.
      for (const table of (await tablesOf(db, database.kind)).filter((t) => t.startsWith('booking_') && t !== 'booking_idempotency_keys')) {
        oldColumns[table] = await columnsOf(db, database.kind, table);
      }
      oldRows = await rowsOf(db, oldColumns);
    } finally {
      await db.close();
    }
  });

  it('is upgraded by a start: every row kept, the new tables, columns and indexes made, the version recorded', async () => {
    expect(oldRows.booking_reservations.length).toBeGreaterThan(0);
    expect(oldRows.booking_enrolments.length).toBeGreaterThan(0);
    expect(oldRows.booking_holds.length).toBeGreaterThan(0);

    const cms = await startTestCms({ database });
    try {
      const rooms = await cms.get('/api/booking/rooms');
      expect(rooms.status).toBe(200);
      expect(rooms.body.data.length).toBeGreaterThan(0);
      expect(cms.output()).toContain(`Database upgraded to schema version ${MIGRATIONS.length}`);
    } finally {
      await cms.stop();
    }

    const db = await openDatabase(database);
    try {
      expect(await rowsOf(db, oldColumns)).toEqual(oldRows);
      const tables = await tablesOf(db, database.kind);
      for (const table of GAINED_TABLES.filter((t) => database.kind === 'postgres' || t !== 'booking_rate_limits')) expect(tables).toContain(table);
      for (const [table, columns] of Object.entries(GAINED_COLUMNS)) expect(await columnsOf(db, database.kind, table)).toEqual(expect.arrayContaining(columns));
      const schema = JSON.stringify(await schemaOf(db, database.kind));
      for (const index of GAINED_INDEXES) expect(schema).toContain(index);
      expect(schema).toContain('booking_data_version');
      if (database.kind === 'postgres') expect(schema).toContain('booking_holds_no_overlap');

      // Every step once, in order, under this plugin's version.
      const applied = await db.query(`SELECT version, id, plugin_version FROM ${MIGRATIONS_TABLE} ORDER BY version`);
      expect(applied.map((r) => [Number(r.version), r.id])).toEqual(MIGRATIONS.map((m) => [m.version, m.id]));
      expect(new Set(applied.map((r) => r.plugin_version))).toEqual(new Set([require('../../plugins/booking/package.json').version]));

      // The old bookings say how their people are told: as they were before the choice existed.
      for (const table of ['booking_reservations', 'booking_enrolments']) {
        const rows = await db.query(`SELECT email, notify_by FROM ${table}`);
        expect(rows.length).toBe(oldRows[table].length);
        for (const row of rows) expect(row.notify_by).toBe(row.email ? 'email' : 'call');
        expect(rows.some((r) => r.notify_by === 'email')).toBe(true);
      }
    } finally {
      await db.close();
    }
  });

  it('a second start changes nothing', async () => {
    const snapshot = async () => {
      const db = await openDatabase(database);
      try {
        // A start writes Strapi's settings store (Strapi's bootstrap and the plugin's), which raises the data version (a watched table).
        const changedByAnyStart = ['booking_idempotency_keys', 'booking_rate_limits', 'booking_capacity_locks', 'booking_data_version'];
        const tables = (await tablesOf(db, database.kind)).filter((t) => t.startsWith('booking_') && !changedByAnyStart.includes(t));
        const columns: Record<string, string[]> = {};
        for (const table of tables) columns[table] = await columnsOf(db, database.kind, table);
        return { schema: await schemaOf(db, database.kind), rows: await rowsOf(db, columns) };
      } finally {
        await db.close();
      }
    };
    const before = await snapshot();
    const cms = await startTestCms({ database });
    try {
      expect((await cms.get('/api/booking/rooms')).status).toBe(200);
      expect(cms.output()).not.toContain('Database upgraded');
    } finally {
      await cms.stop();
    }
    expect(await snapshot()).toEqual(before);
  });
});

// Two processes starting at once on one PostgreSQL: the advisory lock has them apply each step once.
const onPostgres = process.env.LINLI_TEST_DB === 'postgres' ? it : it.skip;
onPostgres('two processes migrating one new database at once apply each step once, both without error', async () => {
  const database = await createTestDatabase();
  const connect = (): Knex => knexFactory({ client: 'pg', connection: database.env.DATABASE_URL, pool: { min: 1, max: 1 } });
  const [a, b] = [connect(), connect()];
  const log = { info: () => {}, error: (m: string) => { throw new Error(m); } };
  try {
    const options = { postgres: true, migrations: MIGRATIONS, repairs: REPAIRS, pluginVersion: 'test', log };
    const [first, second] = await Promise.all([runMigrations(a, options), runMigrations(b, options)]);
    expect([...first, ...second].sort((x, y) => x - y)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await a(MIGRATIONS_TABLE).count({ n: '*' })).toEqual([{ n: String(MIGRATIONS.length) }]);
  } finally {
    await Promise.all([a.destroy(), b.destroy()]);
  }
});
