import type { Core } from '@strapi/strapi';
import { attendanceSchema, cancelSessionSchema, moveSessionSchema, reportQuery, rosterQuery, sessionParams } from '../http/activity-staff-schemas';
import { answeringConflicts } from '../http/conflict-error';
import { parseDataOrThrow, parseOrThrow } from '../http/validation';
import type { ActivityReportService } from '../services/activity-report';
import type { SessionStaffService } from '../services/session-staff';
import { sendCsv } from '../views/csv';

/** Staff's side of courses and events: rosters, attendance, the service-volume report, cancelling and moving sessions. */
const adminActivities = ({ strapi }: { strapi: Core.Strapi }) => {
  const staff = (): SessionStaffService => strapi.plugin('booking').service('sessionStaff');
  const reports = (): ActivityReportService => strapi.plugin('booking').service('activityReport');

  return {
    async roster(ctx: any) {
      const { id } = parseOrThrow(sessionParams, ctx.params);
      const { format } = parseOrThrow(rosterQuery, ctx.query);
      const roster = await staff().roster(id);
      if (format === 'csv') {
        const sheet = staff().rosterSheet(roster);
        sendCsv(ctx, sheet.filename, sheet.rows);
      } else ctx.body = { data: roster };
    },

    async attendance(ctx: any) {
      const { id } = parseOrThrow(sessionParams, ctx.params);
      const data = parseDataOrThrow(attendanceSchema, ctx.request.body);
      ctx.body = { data: await staff().markAttendance(id, data, new Date()) };
    },

    async report(ctx: any) {
      const q = parseOrThrow(reportQuery, ctx.query);
      const report = await reports().report(q.from, q.to, new Date());
      if (q.format === 'csv') {
        const sheet = reports().reportSheet(report);
        sendCsv(ctx, sheet.filename, sheet.rows);
      } else ctx.body = { data: report };
    },

    async cancel(ctx: any) {
      const { id } = parseOrThrow(sessionParams, ctx.params);
      const data = parseDataOrThrow(cancelSessionSchema, ctx.request.body);
      ctx.body = { data: await staff().cancel(id, data.reason, new Date()) };
    },

    async move(ctx: any) {
      const { id } = parseOrThrow(sessionParams, ctx.params);
      const data = parseDataOrThrow(moveSessionSchema, ctx.request.body);
      await answeringConflicts(ctx, async () => {
        ctx.body = { data: await staff().move(id, data, new Date()) };
      });
    },
  };
};

export default adminActivities;
