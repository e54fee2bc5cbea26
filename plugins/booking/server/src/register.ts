import type { Core } from '@strapi/strapi';
import { ACTIVITY_UID, type ActivityKind } from './repositories/activity-repository';
import type { SessionSyncService } from './services/session-sync';

const KIND_OF_UID = Object.fromEntries(Object.entries(ACTIVITY_UID).map(([kind, uid]) => [uid, kind])) as Record<string, ActivityKind>;

/**
 * Publishing a course or event (in the admin panel or through the Document Service) regenerates its
 * sessions; a schedule that clashes with bookings in its room is refused before it is published.
 */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Stored as JSON; the admin panel edits it with a form (admin/src/components/ScheduleInput).
  strapi.customFields.register({ name: 'schedule', plugin: 'booking', type: 'json' });
  strapi.documents.use(async (context: any, next: () => Promise<any>) => {
    const kind = KIND_OF_UID[context.uid];
    if (!kind || !['publish', 'unpublish', 'delete'].includes(context.action)) return next();
    const sync = (): SessionSyncService => strapi.plugin('booking').service('sessionSync');
    const documentId: string | undefined = context.params?.documentId;
    if (context.action === 'publish' && documentId) await sync().checkDraft(kind, documentId, new Date());
    const result = await next();
    if (documentId) await sync().sync(kind, documentId, new Date());
    return result;
  });
};

export default register;
