import type { Core } from '@strapi/strapi';
import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import { auditActorOf, recordStaffAction } from '../audit/record';
import { parseDataOrThrow, parseOrThrow } from '../schemas/parse';
import { eraseSchema, personalDataQuery } from '../schemas/personal-data';
import { now as clockNow } from '../utils/clock';
import { getService } from '../utils/get-service';
import { answeringConflicts } from './respond';

/**
 * A request names a person by phone or e-mail; the audit trail must not keep either (erasure would
 * have to rewrite it), so it names the request by a short one-way digest of what was searched.
 */
const requestId = (query: { phone?: string; email?: string }) =>
  createHash('sha256').update(JSON.stringify([query.phone ?? '', query.email ?? ''])).digest('hex').slice(0, 12);

/** Personal data requests (the "Personal data requests" permission): find, export, erase; retention by hand. */
const adminPersonalData = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { format, ...query } = parseOrThrow(personalDataQuery, ctx.query);
    const service = getService(strapi, 'personalData');
    if (format === 'json') {
      ctx.body = { data: await service.find(query, new Date()) };
      return;
    }
    const file = await service.exportFile(query, new Date());
    ctx.set('Content-Type', 'application/json; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="${file.filename}"`);
    ctx.body = file.body;
    await recordStaffAction(strapi, ctx, {
      action: 'person.export',
      subject: { kind: 'person-request', id: requestId(query) },
      details: {
        format: 'json-file',
        reservations: file.data.reservations.length,
        enrolments: file.data.enrolments.length,
        messages: file.data.messages.length,
      },
    });
  },

  async erase(ctx: Context) {
    const { confirmation, ...query } = parseDataOrThrow(eraseSchema, ctx.request.body);
    await answeringConflicts(ctx, async () => {
      // Recorded inside the erasure's transaction: both happen, or neither.
      const erased = await getService(strapi, 'personalData').erase({ ...query, confirmation }, new Date(), (counts) =>
        recordStaffAction(strapi, ctx, { action: 'person.erase', subject: { kind: 'person-request', id: requestId(query) }, details: { ...counts } })
      );
      ctx.body = { data: erased };
    });
  },

  /** What retention would anonymise now, on the clock the job runs by. */
  async retention(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'retention').preview(clockNow()) };
  },

  /** Runs retention now rather than at night (after changing the period, say). */
  async runRetention(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'retention').run(clockNow(), auditActorOf(ctx)) };
  },
});

export default adminPersonalData;
