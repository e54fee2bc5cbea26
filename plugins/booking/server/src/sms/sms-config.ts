import { MESSAGE_KINDS, type MessageKind } from '../messages/message-kind';
import type { MessageLanguage } from '../messages/rendering';

/**
 * The plugin config's `sms` section, read from the environment in `cms/config/plugins.ts`:
 *
 *   SMS_PROVIDER                       'tencent', or unset for the development outbox
 *   SMS_OUTBOX_DIR                     the outbox's folder (default cms/.sms)
 *   TENCENT_SMS_SECRET_ID, _SECRET_KEY the API key pair (CAM)
 *   TENCENT_SMS_REGION                 default ap-guangzhou
 *   TENCENT_SMS_APP_ID                 the SMS application's SdkAppId
 *   TENCENT_SMS_SIGN_NAME              the approved sign name, without 【】
 *   TENCENT_SMS_ENDPOINT               e.g. https://sms.internal.example (tests, private deployments)
 *   SMS_TEMPLATE_<KIND>[_EN]           one approved template id per message kind (and language)
 *
 * A kind without a template id is not sent by SMS (the caller tells the resident another way),
 * except in the outbox, which records every kind.
 */

export interface TencentSmsConfig {
  secretId: string | null;
  secretKey: string | null;
  region: string;
  appId: string | null;
  signName: string | null;
  /** The API's address when not Tencent's own (https://sms.tencentcloudapi.com). */
  endpoint: string | null;
}

export type SmsTemplateIds = Partial<Record<MessageKind, Partial<Record<MessageLanguage, string | null>>>>;

export interface SmsConfig {
  /** null: the development outbox (nothing leaves the machine). */
  provider: 'tencent' | null;
  /** The outbox's folder; null: env SMS_OUTBOX_DIR, else .sms in the working directory. */
  outboxDir: string | null;
  tencent: TencentSmsConfig;
  templates: SmsTemplateIds;
}

export const DEFAULT_SMS_CONFIG: SmsConfig = {
  provider: null,
  outboxDir: null,
  tencent: { secretId: null, secretKey: null, region: 'ap-guangzhou', appId: null, signName: null, endpoint: null },
  templates: {},
};

/** Every kind may go by SMS; the validator refuses a template for any other (a misspelt kind). */
export const SMS_KINDS: readonly MessageKind[] = MESSAGE_KINDS;

/** 'reservation.confirmed', 'en' -> 'SMS_TEMPLATE_RESERVATION_CONFIRMED_EN' (the Chinese template has no suffix). */
export const templateEnvName = (kind: MessageKind, language: MessageLanguage): string =>
  `SMS_TEMPLATE_${kind.replace(/\./g, '_').toUpperCase()}${language === 'en' ? '_EN' : ''}`;

const TENCENT_REQUIRED: Array<[keyof TencentSmsConfig, string]> = [
  ['secretId', 'TENCENT_SMS_SECRET_ID'],
  ['secretKey', 'TENCENT_SMS_SECRET_KEY'],
  ['region', 'TENCENT_SMS_REGION'],
  ['appId', 'TENCENT_SMS_APP_ID'],
  ['signName', 'TENCENT_SMS_SIGN_NAME'],
];

const isBlank = (v: unknown): boolean => v == null || (typeof v === 'string' && v.trim() === '');

/** Throws, naming the environment variables to set, when the `sms` section cannot work. */
export function validateSmsConfig(sms: SmsConfig | undefined): void {
  if (!sms) throw new Error('booking plugin: the "sms" section is missing');
  if (sms.provider !== null && sms.provider !== 'tencent') {
    throw new Error(`booking plugin: SMS_PROVIDER must be "tencent" or unset (the development outbox), got ${JSON.stringify(sms.provider)}`);
  }
  for (const kind of Object.keys(sms.templates ?? {})) {
    if (!SMS_KINDS.includes(kind as MessageKind)) throw new Error(`booking plugin: sms.templates has an unknown message kind ${JSON.stringify(kind)}`);
  }
  if (sms.provider !== 'tencent') return;

  const missing = TENCENT_REQUIRED.filter(([key]) => isBlank(sms.tencent?.[key])).map(([, env]) => env);
  if (missing.length > 0) throw new Error(`booking plugin: SMS_PROVIDER=tencent needs ${missing.join(', ')} (not set)`);
  if (!/^\d+$/.test(sms.tencent.appId!.trim())) {
    throw new Error(`booking plugin: TENCENT_SMS_APP_ID must be the SMS application's SdkAppId (digits), got ${JSON.stringify(sms.tencent.appId)}`);
  }
  if (/[【】]/.test(sms.tencent.signName!)) throw new Error('booking plugin: TENCENT_SMS_SIGN_NAME is the sign name without 【】');
  if (sms.tencent.endpoint) {
    let url: URL | null = null;
    try {
      url = new URL(sms.tencent.endpoint);
    } catch {
      // refused below
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || (url.pathname !== '/' && url.pathname !== '')) {
      throw new Error(`booking plugin: TENCENT_SMS_ENDPOINT must be an http(s) address without a path, got ${JSON.stringify(sms.tencent.endpoint)}`);
    }
  }
  for (const kind of SMS_KINDS) {
    for (const language of ['zh-CN', 'en'] as const) {
      const id = sms.templates?.[kind]?.[language];
      if (!isBlank(id) && !/^\d+$/.test(String(id).trim())) {
        throw new Error(`booking plugin: ${templateEnvName(kind, language)} must be an approved template's id (digits), got ${JSON.stringify(id)}`);
      }
    }
  }
}

export interface SmsTemplateChoice {
  templateId: string;
  /** The template's language: word the message in it (`smsText` with this language). */
  language: MessageLanguage;
}

/**
 * The template for a kind in the resident's language. A centre may register only Chinese templates:
 * an English reader then gets the Chinese one rather than no message. null: this kind is not sent by
 * SMS. The outbox records every kind, under the kind's name when no id is set.
 */
export function smsTemplate(sms: SmsConfig, kind: MessageKind, language: MessageLanguage): SmsTemplateChoice | null {
  const ids = sms.templates?.[kind] ?? {};
  const own = ids[language]?.trim();
  if (own) return { templateId: own, language };
  const chinese = ids['zh-CN']?.trim();
  if (chinese) return { templateId: chinese, language: 'zh-CN' };
  return sms.provider === null ? { templateId: `outbox:${kind}`, language } : null;
}

/** Whether a message of this kind can go by SMS at all. */
export const smsAvailable = (sms: SmsConfig, kind: MessageKind): boolean => smsTemplate(sms, kind, 'zh-CN') !== null;
