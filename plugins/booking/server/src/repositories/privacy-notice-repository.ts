import type { Core, UID } from '@strapi/strapi';
import { SITE_SETTINGS_UID, TABLES } from '../constants';
import type { NoticeLanguage } from '../core/privacy/notice';

interface SiteSettingsDocument {
  privacyNotice?: string | null;
}

/** Versions this process knows are archived: a version's text never changes, so once stored it stays. */
const archived = new Set<string>();

/**
 * The texts in several languages with one query (every booking checks its consent against both):
 * the rows the Document Service would read by default, its drafts where the type has drafts.
 */
const writtenTexts = async (strapi: Core.Strapi, languages: readonly NoticeLanguage[]): Promise<Map<NoticeLanguage, string>> => {
  const texts = new Map<NoticeLanguage, string>();
  const contentType = strapi.contentTypes[SITE_SETTINGS_UID as keyof typeof strapi.contentTypes] as
    | { options?: { draftAndPublish?: boolean }; attributes?: Record<string, unknown> }
    | undefined;
  if (!contentType) return texts;
  // An app whose settings are not translated has one text for every language.
  const localized = Boolean(contentType.attributes?.locale);
  const rows = (await strapi.db.query(SITE_SETTINGS_UID as UID.Schema).findMany({
    select: localized ? ['locale', 'privacyNotice'] : ['privacyNotice'],
    where: { ...(localized ? { locale: { $in: [...languages] } } : {}), ...(contentType.options?.draftAndPublish ? { publishedAt: { $null: true } } : {}) },
    orderBy: { id: 'asc' },
  })) as Array<SiteSettingsDocument & { locale?: NoticeLanguage }>;
  for (const language of languages) {
    const row = rows.find((r) => !localized || r.locale === language);
    const text = row?.privacyNotice?.trim();
    if (text) texts.set(language, text);
  }
  return texts;
};

/** The privacy notice as the centre wrote it in Site settings, and the archive of versions people agreed to. */
export const privacyNoticeRepository = (strapi: Core.Strapi) => ({
  /** The text in one language; null when Site settings (or the app's single type) has none. */
  async writtenText(language: NoticeLanguage): Promise<string | null> {
    return (await writtenTexts(strapi, [language])).get(language) ?? null;
  },

  writtenTexts: (languages: readonly NoticeLanguage[]) => writtenTexts(strapi, languages),

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
