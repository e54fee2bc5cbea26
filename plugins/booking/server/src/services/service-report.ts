import type { Core } from '@strapi/strapi';
import type { ServiceReport } from '../../../shared/contracts/reports';
import { UID } from '../constants';
import { computeFigures, indexReport, activityKey, type ReportActivity, type ReportData, type ReportRoom } from '../core/reports/figures';
import { lastYearPeriod, previousPeriod, type Period } from '../core/reports/periods';
import { reportSentences } from '../core/reports/sentences';
import { openIntervalsOn, type WeeklyHours } from '../core/hours/opening-hours';
import { hoursOfRoom } from '../core/rules/room-rules';
import { addDays, datesInRange, wallClockToInstant } from '../core/time/zoned';
import { activityRepository, type ActivityKind } from '../repositories/activity-repository';
import { documentsOf, type Version } from '../repositories/documents';
import { reportRepository } from '../repositories/report-repository';
import { roomRepository, type RoomRow } from '../repositories/room-repository';
import { defaultLocaleOf } from '../utils/locales';
import { personKeyOfRow, personKeys, type Contact } from '../utils/person-key';
import { bookingConfig } from '../utils/plugin-config';
import { centreHours } from './centre-hours';

/** Hours open over a period by weekly hours (closures are not taken off: a closure is staff's choice, not the room's capacity). */
const openHoursOver = (period: Period, hours: WeeklyHours, tz: string) =>
  datesInRange(period.from, period.to).reduce((n, date) => n + openIntervalsOn(date, hours, tz).reduce((m, i) => m + (+i.end - +i.start), 0), 0) / 3_600_000;

/**
 * The service report (服务统计) of a period, compared with the one before and the same period a
 * year earlier: every figure of the three from one read of the rows they span.
 */
const serviceReport = ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(period: Period, now: Date): Promise<ServiceReport> {
    const { timezone: tz, lateCancellationHours } = bookingConfig(strapi);
    const previous = previousPeriod(period);
    const lastYear = lastYearPeriod(period);
    const instants = (p: Period) => ({ start: wallClockToInstant(p.from, '00:00', tz), end: wallClockToInstant(addDays(p.to, 1), '00:00', tz) });
    const span = { start: new Date(Math.min(+instants(previous).start, +instants(lastYear).start)), end: instants(period).end };

    const rows = reportRepository(strapi);
    // A resident books and comes many times a year: each contact is parsed and hashed once.
    const hashed = personKeys(strapi);
    const known = new Map<string, string | null>();
    const keyFor = (c: Contact) => {
      const text = `${c.phone ?? ''}\n${c.email ?? ''}`;
      if (!known.has(text)) known.set(text, hashed(c));
      return known.get(text)!;
    };
    const [sessions, attendance, absences, reservations, firstServedRows] = await Promise.all([
      rows.sessions(span.start, span.end),
      rows.attendance(span.start, span.end),
      rows.absences(span.start, span.end),
      rows.reservations(span.start, span.end),
      rows.firstServed(span.end),
    ]);
    const enrolments = await rows.enrolments([...new Set(sessions.map((s) => s.activityId))]);

    const locale = await defaultLocaleOf(strapi);
    // Published versions first; an activity or room withdrawn since still has its draft.
    const versions: Version[] = [{ locale, status: 'published' }, { locale, status: 'draft' }];
    const english = new Map(
      (await documentsOf<{ slug: string; name: string }>(strapi, UID.category).findMany({ locale: 'en', fields: ['slug', 'name'], limit: 1000 })).map((c) => [c.slug, c.name])
    );
    const activities = new Map<string, ReportActivity>();
    for (const kind of ['course', 'event'] as ActivityKind[]) {
      const ids = [...new Set(sessions.filter((s) => s.kind === kind).map((s) => s.activityId))];
      for (const [id, a] of await activityRepository(strapi).findByIds(kind, ids, versions)) {
        activities.set(activityKey(kind, id), {
          title: a.title,
          audience: a.audience,
          category: a.category ? { slug: a.category.slug, name: a.category.name, nameEn: english.get(a.category.slug) ?? null, sortOrder: a.category.sortOrder } : null,
        });
      }
    }
    const rooms = new Map<string, RoomRow>((await roomRepository(strapi).findPublished(locale)).map((r) => [r.documentId, r]));
    const used = [...sessions.map((s) => s.roomId), ...reservations.map((r) => r.roomId)].filter((id): id is string => !!id && !rooms.has(id));
    for (const [id, r] of await roomRepository(strapi).findByIds([...new Set(used)], versions)) rooms.set(id, r);
    const centre = await centreHours(strapi);

    // Most rooms follow the centre's hours: each distinct week of hours is counted once per period.
    const openCache = new Map<string, number>();
    const openHours = (p: Period, hours: WeeklyHours) => {
      const key = `${p.from}/${p.to}/${JSON.stringify(hours)}`;
      if (!openCache.has(key)) openCache.set(key, openHoursOver(p, hours, tz));
      return openCache.get(key)!;
    };
    const firstServed = new Map<string, Date>();
    for (const row of firstServedRows) {
      const key = personKeyOfRow(keyFor, row);
      if (key && row.first <= now && !(firstServed.get(key)! <= row.first)) firstServed.set(key, row.first);
    }
    // Each row keyed once, for the three periods.
    const keyedEnrolments = enrolments.map((e) => ({ ...e, personKey: personKeyOfRow(keyFor, e) }));
    const keyedReservations = reservations.map((r) => ({ ...r, personKey: personKeyOfRow(keyFor, r) }));
    const data = (p: Period): ReportData => ({
      sessions,
      attendance,
      absences,
      enrolments: keyedEnrolments,
      reservations: keyedReservations,
      activities,
      rooms: [...rooms.values()]
        .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.slug.localeCompare(b.slug))
        .map((r): ReportRoom => ({ id: r.documentId, slug: r.slug, name: r.name, sortOrder: r.sortOrder, openHours: openHours(p, hoursOfRoom(r, centre)) })),
      firstServed,
    });
    const index = indexReport(data(period), tz);
    // A year's previous period is the year before, the same as last year's: counted once.
    const computed = new Map<string, ReturnType<typeof computeFigures>>();
    const figuresOf = (p: Period) => {
      const key = `${p.from}/${p.to}`;
      if (!computed.has(key)) computed.set(key, computeFigures(data(p), { period: p, ...instants(p), now, tz, lateCancellationHours }, index));
      return computed.get(key)!;
    };

    const current = figuresOf(period);
    const before = figuresOf(previous).figures;
    return {
      period,
      previous,
      lastYear,
      current: current.figures,
      previousFigures: before,
      lastYearFigures: figuresOf(lastYear).figures,
      sentences: reportSentences(period, current.figures, before),
      sessions: current.lines(),
    };
  },
});

export type { ServiceReport };
export default serviceReport;
export type ServiceReportService = ReturnType<typeof serviceReport>;
