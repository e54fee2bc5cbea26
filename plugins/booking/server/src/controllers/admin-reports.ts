import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { serviceReportQuery } from '../schemas/reports';
import { parseOrThrow } from '../schemas/parse';
import { reportFilename, reportWorkbook, sessionsSheet } from '../services/report-exports';
import { getService } from '../utils/get-service';
import { sendCsv } from './respond';

/** The service report (统计报表): figures as JSON, a workbook, the sessions as CSV. */
const adminReports = ({ strapi }: { strapi: Core.Strapi }) => {
  const report = (ctx: Context) => {
    const { from, to } = parseOrThrow(serviceReportQuery, ctx.query);
    return getService(strapi, 'serviceReport').report({ from, to }, new Date());
  };
  return {
    async service(ctx: Context) {
      ctx.body = { data: await report(ctx) };
    },

    async serviceXlsx(ctx: Context) {
      const r = await report(ctx);
      ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      ctx.set('Content-Disposition', `attachment; filename="${reportFilename(r, 'xlsx')}"`);
      ctx.body = await reportWorkbook(r);
    },

    async serviceCsv(ctx: Context) {
      sendCsv(ctx, sessionsSheet(await report(ctx)));
    },
  };
};

export default adminReports;
