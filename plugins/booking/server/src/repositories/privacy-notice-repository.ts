import type { Core } from '@strapi/strapi';
import { SITE_SETTINGS_UID, TABLES } from '../constants';
import type { NoticeLanguage } from '../core/privacy/notice';
import { documentsOf } from './documents';

interface SiteSettingsDocument {
  privacyNotice?: string | null;
}

/** Versions this process knows are archived: a version's text never changes, so once stored it stays. */
const archived = new Set<string>();

/** The privacy notice as the centre wrote it in Site settings, and the archive of versions people agreed to. */
export const privacyNoticeRepository = (strapi: Core.Strapi) => ({
  /** The text in one language; null when Site settings (or the app's single type) has none. */
  async writtenText(language: NoticeLanguage): Promise<string | null> {
    if (!strapi.contentTypes[SITE_SETTINGS_UID as keyof typeof strapi.contentTypes]) return null;
    const settings = await documentsOf<SiteSettingsDocument>(strapi, SITE_SETTINGS_UID).findFirst({ locale: language, fields: ['privacyNotice'] });
    const text = settings?.privacyNotice?.trim();
    return text ? text : null;
  },

  /**
   * Keeps the text of a version once; later calls for the same version change nothing. It is
   * looked up before it is written (and remembered), so a booking does not write outside its own
   * transaction each time: on SQLite that write would wait on, and fail with, a lock the booking's
   * transaction is made to answer with a 503.
   */
  async archive(notice: { version: string; language: NoticeLanguage; text: string }, now: Date): Promise<void> {
    if (archived.has(notice.version)) return;
    if (await strapi.db.connection(TABLES.privacyNotices).where({ version: notice.version }).first()) {
      archived.add(notice.version);
      return;
    }
    await strapi.db
      .connection(TABLES.privacyNotices)
      .insert({ version: notice.version, language: notice.language, text: notice.text, first_accepted_at: now })
      .onConflict('version')
      .ignore();
    archived.add(notice.version);
  },

  async findVersion(version: string): Promise<{ version: string; language: NoticeLanguage; text: string; firstAcceptedAt: Date } | null> {
    const row = await strapi.db.connection(TABLES.privacyNotices).where({ version }).first();
    return row ? { version: row.version, language: row.language, text: row.text, firstAcceptedAt: new Date(row.first_accepted_at) } : null;
  },
});
