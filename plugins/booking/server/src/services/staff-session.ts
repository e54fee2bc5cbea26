import type { Core } from '@strapi/strapi';
import { activityRepository } from '../repositories/activity-repository';
import { roomRepository } from '../repositories/room-repository';
import { sessionRepository, type SessionRow } from '../repositories/session-repository';
import { notFound } from '../utils/errors';
import { defaultLocaleOf } from '../utils/locales';

/** The reads every staff action on one session starts from (roster, attendance, changes). */
export const staffSession = (strapi: Core.Strapi) => ({
  async load(id: string): Promise<SessionRow> {
    const session = await sessionRepository(strapi).findById(id);
    if (!session) throw notFound(`There is no session ${id}`);
    return session;
  },

  /** The activity in the default locale; an unpublished one still has its draft. */
  async activityOf(s: SessionRow) {
    return activityRepository(strapi).findPublishedOrDraft(s.activityKind, s.activityId, await defaultLocaleOf(strapi));
  },

  /** The room in the default locale, published or else its draft. */
  async roomOf(roomId: string | null) {
    if (!roomId) return null;
    const locale = await defaultLocaleOf(strapi);
    return roomRepository(strapi).findById(roomId, [{ locale, status: 'published' }, { locale, status: 'draft' }]);
  },
});
