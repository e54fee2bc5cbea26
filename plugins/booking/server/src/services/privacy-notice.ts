import type { Core } from '@strapi/strapi';
import { DEFAULT_PRIVACY_NOTICE, NOTICE_LANGUAGES, noticeVersion, type ConsentRecord, type NoticeLanguage } from '../core/privacy/notice';
import { privacyNoticeRepository } from '../repositories/privacy-notice-repository';
import { validationError } from '../utils/errors';

/**
 * The privacy notice the forms show and the consent they record. The version is the text's own
 * hash, so a form built before the text changed sends an old version, which is refused: a person
 * agrees to the words the centre uses now.
 */
const privacyNotice = ({ strapi }: { strapi: Core.Strapi }) => {
  const repo = privacyNoticeRepository(strapi);

  const noticeOf = (language: NoticeLanguage, written: string | null | undefined) => {
    const text = written ?? DEFAULT_PRIVACY_NOTICE[language];
    return { language, version: noticeVersion(text), text };
  };
  const current = async (language: NoticeLanguage) => noticeOf(language, await repo.writtenText(language));

  return {
    current,

    /**
     * The person ticked the box by the notice of `version`: today's notice in either language (they
     * read it in the page's language, which need not be the one they want messages in).
     */
    async acceptedByPerson(version: string, now: Date): Promise<ConsentRecord> {
      const written = await repo.writtenTexts(NOTICE_LANGUAGES);
      const notices = NOTICE_LANGUAGES.map((language) => noticeOf(language, written.get(language)));
      const notice = notices.find((n) => n.version === version);
      if (!notice) {
        throw validationError([{ path: 'consentVersion', message: `is not the current privacy notice (${notices.map((n) => n.version).join(' or ')}): read it again and tick the box`, code: 'consent_outdated' }]);
      }
      await repo.archive(notice, now);
      return { consentVersion: notice.version, consentAt: now, consentBy: 'person' };
    },

    /** Staff confirmed the caller heard today's notice (read out in their language) and agreed. */
    async confirmedByStaff(language: NoticeLanguage, now: Date): Promise<ConsentRecord> {
      const notice = await current(language);
      await repo.archive(notice, now);
      return { consentVersion: notice.version, consentAt: now, consentBy: 'staff' };
    },

    /** The consent a request carries: staff's confirmation, or the person's tick by a given version. */
    consentOf(request: { consentVersion?: string; language?: NoticeLanguage | null }, by: { staff: boolean; now: Date }): Promise<ConsentRecord> {
      const language = request.language ?? 'zh-CN';
      if (by.staff) return this.confirmedByStaff(language, by.now);
      return this.acceptedByPerson(request.consentVersion ?? '', by.now);
    },

    findVersion: (version: string) => repo.findVersion(version),
  };
};

export default privacyNotice;
export type PrivacyNoticeService = ReturnType<typeof privacyNotice>;
