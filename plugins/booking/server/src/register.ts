import type { Core } from '@strapi/strapi';
import { publicCachedReadStrategy } from './auth/public-cached-read';
import { holdSqliteFile } from './bootstrap/sqlite-single-process';
import { UID } from './constants';
import { ACTIVITY_UID, type ActivityKind } from './repositories/activity-repository';
import { centreWrite } from './schemas/centre';
import { parseEditorDataOrThrow } from './schemas/parse';
import { applicationError } from './utils/errors';
import { getService } from './utils/get-service';

/** Kept by the plugin's services, which move rooms' holds, send the mails and run the waiting lists with every change. */
const SERVICE_OWNED = new Set<string>([UID.reservation, UID.session, UID.enrolment, UID.attendance]);

/** What a Document Service middleware is told about the call it wraps. */
interface DocumentCall {
  uid: string;
  action: string;
  params?: { documentId?: string; data?: Record<string, unknown> };
}
type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];

/** The Document Service types its middlewares' context per content type; ours read only these fields. */
const documentMiddleware = (handle: (call: DocumentCall, next: () => Promise<unknown>) => Promise<unknown>) =>
  handle as unknown as DocumentMiddleware;
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

const KIND_OF_UID = Object.fromEntries(Object.entries(ACTIVITY_UID).map(([kind, uid]) => [uid, kind])) as Record<string, ActivityKind>;

/**
 * The centre's hours are refused unless they parse. Publishing a course or event (in the admin panel or through the Document Service) regenerates its
 * sessions; a schedule that clashes with bookings in its room is refused before it is published.
 */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // First, before Strapi syncs the schema: a second process on the same SQLite file must change nothing.
  holdSqliteFile(strapi);
  // Stored as JSON; the admin panel edits it with a form (admin/src/components/ScheduleInput).
  strapi.customFields.register({ name: 'schedule', plugin: 'booking', type: 'json' });
  // Anonymous reads of rooms and availability, allowed as users-permissions would allow them, without its per-request work.
  strapi.get('auth').register('content-api', publicCachedReadStrategy(strapi));
  // Staff's text in the admin panel meets the rule the public forms apply.
  getService(strapi, 'textGuard').guard((uid) => uid.startsWith('plugin::booking.'));
  // The content manager lists and shows sessions (the others are hidden from it), but an edit made
  // through its API would skip the services: a deleted reservation would keep its room busy, a
  // cancelled enrolment would move nobody up. Writes the content manager makes while publishing a
  // course (its sessions) name the course, not the session.
  strapi.documents.use(documentMiddleware(async (context, next) => {
    if (SERVICE_OWNED.has(context.uid) && WRITES.has(context.action)) {
      const url: string = strapi.requestContext.get()?.request?.url ?? '';
      if (url.startsWith('/content-manager/') && url.includes(`/${context.uid}`)) {
        throw applicationError(
          'Reservations, sessions and enrolments change through the booking plugin, which keeps rooms, mails and waiting lists right: use Room requests, or the course or event. 预约、课次和报名请在“场地预约申请”或课程、活动中处理。'
        );
      }
    }
    return next();
  }));

  // The centre's hours are checked as staff save them: they see their mistake at once, and
  // availability and bookings never meet hours nobody can read.
  strapi.documents.use(documentMiddleware(async (context, next) => {
    const data = context.params?.data;
    if (context.uid !== UID.centre || !['create', 'update'].includes(context.action) || !data || !('openingHours' in data)) return next();
    const { openingHours } = parseEditorDataOrThrow(centreWrite, data, '开放时间格式有误 Opening hours are invalid');
    data.openingHours = openingHours ?? null;
    return next();
  }));

  strapi.documents.use(documentMiddleware(async (context, next) => {
    const kind = KIND_OF_UID[context.uid];
    if (!kind || !['publish', 'unpublish', 'delete'].includes(context.action)) return next();
    const sync = () => getService(strapi, 'sessionSync');
    const documentId = context.params?.documentId;
    if (context.action === 'publish' && documentId) await sync().checkDraft(kind, documentId, new Date());
    // What the people enrolled knew it as, should this unpublish or delete withdraw it.
    const before = context.action !== 'publish' && documentId ? await sync().published(kind, documentId) : null;
    const result = await next();
    if (documentId) await sync().sync(kind, documentId, new Date(), before);
    return result;
  }));
};

export default register;
