import { createHash } from 'node:crypto';

export const NOTICE_LANGUAGES = ['zh-CN', 'en'] as const;

export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

/**
 * What every form says by its consent box until the centre writes its own in Site settings: what is
 * collected, why, for how long, who sees it, and how to ask for it to be deleted (PIPL art. 17).
 */
export const DEFAULT_PRIVACY_NOTICE: Record<NoticeLanguage, string> = {
  'zh-CN':
    '我们收集您填写的姓名、电话、电子邮箱和备注（儿童活动另收集监护人信息、孩子的名字和年级及接送人），仅用于办理本次预约或报名、通知您变动和统计服务情况。' +
    '信息在最后一次活动日期后保存12个月，之后自动匿名化。只有本中心工作人员可以查看，不会公开或提供给他人。' +
    '如需查阅、导出或删除您的信息，请致电或到前台联系我们。',
  en:
    'We collect the name, phone, e-mail and note you give (for children\'s activities also the guardian\'s details, the child\'s given name and school grade, and who may collect the child) only to handle this booking or enrolment, tell you of changes and count the centre\'s services. ' +
    'We keep them for 12 months after the last date, then anonymise them automatically. Only the centre\'s staff see them; they are never published or given to anyone else. ' +
    'To see, export or delete your data, call us or ask at the front desk.',
};

/**
 * A notice's version: the first 12 hex digits of the SHA-256 of its text. Any change to the words
 * is a new version without anyone having to remember to number it, and a version names one text.
 */
export const noticeVersion = (text: string): string => createHash('sha256').update(text.trim().normalize('NFC')).digest('hex').slice(0, 12);

export const NOTICE_VERSION_PATTERN = /^[0-9a-f]{12}$/;

/** What a booking or enrolment keeps of its consent: the notice's version, when, and who ticked the box. */
export interface ConsentRecord {
  consentVersion: string;
  consentAt: Date;
  consentBy: 'person' | 'staff';
}
