import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { auditQuery } from '../schemas/audit';
import { parseOrThrow } from '../schemas/parse';
import { getService } from '../utils/get-service';

/** The audit trail, read only: there is no route that changes or deletes an entry. */
const adminAudit = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    ctx.body = await getService(strapi, 'auditLog').list(parseOrThrow(auditQuery, ctx.query));
  },
});

export default adminAudit;
