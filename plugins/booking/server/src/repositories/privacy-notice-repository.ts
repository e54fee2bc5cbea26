import type { Core } from '@strapi/strapi';
import { SITE_SETTINGS_UID, TABLES } from '../constants';
import type { NoticeLanguage } from '../core/privacy/notice';
import { documentsOf } from './documents';

interface SiteSettingsDocument {
  privacyNotice?: string | null;
}

/** The privacy notice as the centre wrote it in Site settings, and the archive of versions people agreed to. */
export const privacyNoticeRepository = (strapi: Core.Strapi) => ({
  /** The text in one language; null when Site settings (or the app's single type) has none. */
  async writtenText(language: NoticeLanguage): Promise<string | null> {
    if (!strapi.contentTypes[SITE_SETTINGS_UID as keyof typeof strapi.contentTypes]) return null;
    const settings = await documentsOf<SiteSettingsDocument>(strapi, SITE_SETTINGS_UID).findFirst({ locale: language, fields: ['privacyNotice'] });
    const text = settings?.privacyNotice?.trim();
    return text ? text : null;
  },

  /** Keeps the text of a version once; later calls for the same version change nothing. */
  async archive(notice: { version: string; language: NoticeLanguage; text: string }, now: Date): Promise<void> {
    await strapi.db
      .connection(TABLES.privacyNotices)
      .insert({ version: notice.version, language: notice.language, text: notice.text, first_accepted_at: now })
      .onConflict('version')
      .ignore();
  },

  async findVersion(version: string): Promise<{ version: string; language: NoticeLanguage; text: string; firstAcceptedAt: Date } | null> {
    const row = await strapi.db.connection(TABLES.privacyNotices).where({ version }).first();
    return row ? { version: row.version, language: row.language, text: row.text, firstAcceptedAt: new Date(row.first_accepted_at) } : null;
  },
});
