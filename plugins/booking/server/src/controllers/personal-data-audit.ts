import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/**
 * The audit trail's entries for personal data leaving or being erased: exports (roster sheets,
 * a person's file) and erasures. The subject names a record, never a person's phone or e-mail, so
 * an erasure never has to rewrite the trail.
 */
export const recordPersonalDataAction = async (
  strapi: Core.Strapi,
  ctx: Context,
  action: 'personal-data.export' | 'personal-data.erase' | 'retention.run',
  subject: { kind: string; id: string } | null,
  details: Record<string, unknown>
): Promise<void> => {
  const user = ctx.state.user as { id?: number } | undefined;
  strapi.log.info(`[booking] audit: ${action} by admin user ${user?.id ?? '?'} ${subject ? `${subject.kind}:${subject.id}` : ''} ${JSON.stringify(details)}`);
};

export const recordPersonalDataExport = (strapi: Core.Strapi, ctx: Context, subject: { kind: string; id: string }, details: Record<string, unknown>) =>
  recordPersonalDataAction(strapi, ctx, 'personal-data.export', subject, details);
