import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { staffActivitiesQuery, staffActivityParams } from '../schemas/activities';
import { parseDataOrThrow, parseOrThrow } from '../schemas/parse';
import { attendanceSchema, cancelSessionSchema, daySessionsQuery, moveSessionSchema, reportQuery, rosterQuery, sessionParams } from '../schemas/sessions';
import { contactsFor } from '../utils/contact-exposure';
import { recordStaffAction } from '../audit/record';
import { getService } from '../utils/get-service';
import { answeringConflicts, sendCsv } from './respond';

/** Staff's side of courses and events: the desk's list and detail, a day's sessions, rosters, attendance, the service-volume report, cancelling and moving sessions. */
const adminActivities = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const query = parseOrThrow(staffActivitiesQuery, ctx.query);
    ctx.body = { data: await getService(strapi, 'activityDesk').list(query, new Date()) };
  },

  async detail(ctx: Context) {
    const { type, documentId } = parseOrThrow(staffActivityParams, ctx.params);
    ctx.body = { data: contactsFor(ctx, await getService(strapi, 'activityDesk').detail(type, documentId, new Date())) };
  },

  async sessionsOfDay(ctx: Context) {
    const { date } = parseOrThrow(daySessionsQuery, ctx.query);
    ctx.body = { data: await getService(strapi, 'sessionDay').list(date, new Date()) };
  },

  async roster(ctx: Context) {
    const { id } = parseOrThrow(sessionParams, ctx.params);
    const { format } = parseOrThrow(rosterQuery, ctx.query);
    const rosters = getService(strapi, 'sessionRoster');
    const roster = contactsFor(ctx, await rosters.roster(id));
    if (format !== 'csv') {
      ctx.body = { data: roster };
      return;
    }
    // A sheet of names and phone numbers leaves the system: the trail says who took it.
    const sheet = rosters.sheetOf(roster);
    await recordStaffAction(strapi, ctx, { action: 'roster.export', subject: { kind: 'session', id }, details: { format: 'csv', rows: Math.max(0, sheet.rows.length - 1) } });
    sendCsv(ctx, sheet);
  },

  async attendance(ctx: Context) {
    const { id } = parseOrThrow(sessionParams, ctx.params);
    const data = parseDataOrThrow(attendanceSchema, ctx.request.body);
    const marked = await getService(strapi, 'sessionAttendance').markAttendance(id, data, new Date());
    await recordStaffAction(strapi, ctx, {
      action: 'attendance.mark',
      subject: { kind: 'session', id },
      details: { present: data.present.length, walkIns: data.walkIns ?? 0 },
    });
    ctx.body = { data: marked };
  },

  async report(ctx: Context) {
    const q = parseOrThrow(reportQuery, ctx.query);
    const reports = getService(strapi, 'activityReport');
    const report = await reports.report(q.from, q.to, new Date());
    if (q.format === 'csv') sendCsv(ctx, reports.reportSheet(report));
    else ctx.body = { data: report };
  },

  async cancel(ctx: Context) {
    const { id } = parseOrThrow(sessionParams, ctx.params);
    const data = parseDataOrThrow(cancelSessionSchema, ctx.request.body);
    const cancelled = await getService(strapi, 'sessionChanges').cancel(id, data.reason, new Date());
    await recordStaffAction(strapi, ctx, { action: 'session.cancel', subject: { kind: 'session', id } });
    ctx.body = { data: cancelled };
  },

  async move(ctx: Context) {
    const { id } = parseOrThrow(sessionParams, ctx.params);
    const data = parseDataOrThrow(moveSessionSchema, ctx.request.body);
    await answeringConflicts(ctx, async () => {
      const moved = await getService(strapi, 'sessionChanges').move(id, data, new Date());
      await recordStaffAction(strapi, ctx, { action: 'session.move', subject: { kind: 'session', id }, details: { start: data.start, end: data.end, room: data.room } });
      ctx.body = { data: moved };
    });
  },
});

export default adminActivities;
