import type { Core } from '@strapi/strapi';
import type { AuditEntryView, ListAudit } from '../../../shared/contracts/audit';
import { auditRepository, type AuditRow } from '../audit/audit-repository';
import { dayBounds, instantToZonedIso } from '../core/time/zoned';
import type { AuditQuery } from '../schemas/audit';
import { bookingConfig } from '../utils/plugin-config';

const toView = (row: AuditRow, tz: string): AuditEntryView => ({ ...row, at: instantToZonedIso(row.at, tz) });

/** The audit trail for those allowed to read it: filtered, newest first. Nothing here changes it. */
const auditLog = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(query: AuditQuery): Promise<ListAudit.Response> {
    const tz = bookingConfig(strapi).timezone;
    const repo = auditRepository(strapi);
    const { rows, capped } = await repo.list({
      actorId: query.actor,
      action: query.action,
      subjectKind: query.subject?.kind,
      subjectId: query.subject?.id,
      since: query.from ? dayBounds(query.from, tz).start : undefined,
      until: query.to ? dayBounds(query.to, tz).end : undefined,
      before: query.before,
      limit: query.limit,
    });
    return { data: rows.map((r) => toView(r, tz)), meta: { capped, limit: query.limit, ...(await repo.facets()) } };
  },
});

export default auditLog;
