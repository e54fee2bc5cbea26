import type { Core } from '@strapi/strapi';
import { addDays, wallClockToInstant, zonedDateOf, type IsoDate } from '../core/time/zoned';
import { activityRepository, type ActivityKind, type ActivityRow, type CategoryRow } from '../repositories/activity-repository';
import { attendanceRepository } from '../repositories/attendance-repository';
import type { Version } from '../repositories/documents';
import { roomRepository } from '../repositories/room-repository';
import { sessionRepository, type SessionRow } from '../repositories/session-repository';
import type { CsvSheet } from '../utils/csv';
import { defaultLocaleOf } from '../utils/locales';
import { bookingConfig } from '../utils/plugin-config';

interface Count {
  sessions: number;
  personVisits: number;
}

export interface ActivityReport {
  from: IsoDate;
  to: IsoDate;
  totals: Count & { sessionsWithoutAttendance: number };
  byCategory: ({ slug: string | null; name: string | null } & Count)[];
  byRoom: ({ slug: string | null; name: string | null } & Count)[];
  byMonth: ({ month: string } & Count)[];
}

/** Every month 'YYYY-MM' from the one holding `from` to the one holding `to`. */
const monthsBetween = (from: IsoDate, to: IsoDate): string[] => {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const label = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    months.push(label);
    if (label >= last) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
};

/**
 * The centre's service volume: sessions held (scheduled, not cancelled, already begun) and
 * person-visits (人次: everyone marked present, walk-ins included) by category, room and month.
 */
const activityReport = ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(from: IsoDate, to: IsoDate, now: Date): Promise<ActivityReport> {
    const tz = bookingConfig(strapi).timezone;
    const locale = await defaultLocaleOf(strapi);
    const range = { start: wallClockToInstant(from, '00:00', tz), end: wallClockToInstant(addDays(to, 1), '00:00', tz) };
    const held = (await sessionRepository(strapi).inRange(range.start, range.end)).filter(
      (s) => s.status === 'scheduled' && s.start >= range.start && s.start < range.end && s.start <= now
    );
    const visits = new Map<string, number>();
    for (const a of await attendanceRepository(strapi).forSessions(held.map((s) => s.documentId))) visits.set(a.sessionId, (visits.get(a.sessionId) ?? 0) + a.people);

    // Published versions first; an activity or room withdrawn since still has its draft.
    const versions: Version[] = [{ locale, status: 'published' }, { locale, status: 'draft' }];
    const activities = new Map<string, ActivityRow>();
    for (const kind of ['course', 'event'] as ActivityKind[]) {
      const ids = [...new Set(held.filter((s) => s.activityKind === kind).map((s) => s.activityId))];
      for (const [id, row] of await activityRepository(strapi).findByIds(kind, ids, versions)) activities.set(`${kind}:${id}`, row);
    }
    const rooms = await roomRepository(strapi).findByIds([...new Set(held.map((s) => s.roomId).filter((id): id is string => !!id))], versions);

    const tally = <K extends string>(keyOf: (s: SessionRow) => K) => {
      const counts = new Map<K, Count>();
      for (const s of held) {
        const c = counts.get(keyOf(s)) ?? { sessions: 0, personVisits: 0 };
        c.sessions += 1;
        c.personVisits += visits.get(s.documentId) ?? 0;
        counts.set(keyOf(s), c);
      }
      return counts;
    };
    // Ordered as editors order categories and rooms; the ones without come last.
    const order = (doc: { sortOrder: number | null; slug: string } | null) => [doc ? 0 : 1, doc?.sortOrder ?? 0, doc?.slug ?? ''] as const;
    const byOrder = (a: readonly [number, number, string], b: readonly [number, number, string]) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]);

    const categoryOf = (s: SessionRow) => activities.get(`${s.activityKind}:${s.activityId}`)?.category ?? null;
    const categories = new Map<string, CategoryRow>();
    for (const s of held) {
      const category = categoryOf(s);
      if (category) categories.set(category.slug, category);
    }
    const byCategory = [...tally((s) => categoryOf(s)?.slug ?? '')]
      .map(([slug, c]) => ({ doc: categories.get(slug) ?? null, c }))
      .sort((a, b) => byOrder(order(a.doc), order(b.doc)))
      .map(({ doc, c }) => ({ slug: doc?.slug ?? null, name: doc?.name ?? null, ...c }));

    const byRoom = [...tally((s) => s.roomId ?? '')]
      .map(([id, c]) => ({ doc: rooms.get(id) ?? null, c }))
      .sort((a, b) => byOrder(order(a.doc), order(b.doc)))
      .map(({ doc, c }) => ({ slug: doc?.slug ?? null, name: doc?.name ?? null, ...c }));

    const monthly = tally((s) => zonedDateOf(s.start, tz).slice(0, 7));
    const byMonth = monthsBetween(from, to).map((month) => ({ month, ...(monthly.get(month) ?? { sessions: 0, personVisits: 0 }) }));

    return {
      from,
      to,
      totals: {
        sessions: held.length,
        personVisits: [...visits.values()].reduce((n, v) => n + v, 0),
        sessionsWithoutAttendance: held.filter((s) => !visits.has(s.documentId)).length,
      },
      byCategory,
      byRoom,
      byMonth,
    };
  },

  /** The same figures as one table: a section column, then key, name, sessions and person-visits. */
  reportSheet(r: ActivityReport): CsvSheet {
    return {
      filename: `attendance-${r.from}-${r.to}.csv`,
      rows: [
        ['分组 Section', '代码 Key', '名称 Name', '场次 Sessions', '人次 Person-visits'],
        ['合计 Total', `${r.from}/${r.to}`, `${r.from} – ${r.to}`, r.totals.sessions, r.totals.personVisits],
        ...r.byCategory.map((c) => ['类别 Category', c.slug ?? '', c.name ?? '（未分类）uncategorised', c.sessions, c.personVisits]),
        ...r.byRoom.map((c) => ['功能室 Room', c.slug ?? '', c.name ?? '（无功能室）no room', c.sessions, c.personVisits]),
        ...r.byMonth.map((m) => ['月份 Month', m.month, m.month, m.sessions, m.personVisits]),
      ],
    };
  },
});

export default activityReport;
export type ActivityReportService = ReturnType<typeof activityReport>;
