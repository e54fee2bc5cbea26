import { outboxSmsProvider } from './outbox-provider';
import type { SmsProvider } from './provider';
import type { SmsConfig } from './sms-config';
import { tencentSmsProvider } from './tencent-provider';

/**
 * Text messages, the provider half. For one message of kind K to a resident in language L:
 *
 *   const choice = smsTemplate(config.sms, K, L);            // null: K does not go by SMS
 *   const { params, text } = smsText({ ...facts, language: choice.language });
 *   await smsProvider(config.sms).send({ phone, kind: K, templateId: choice.templateId, params, text });
 *   // resolves { id, answer } once the provider took it; throws SmsSendError { answer, permanent } otherwise
 */
export { SmsSendError } from './provider';
export type { SmsProvider, SmsSendInput, SmsSendResult } from './provider';
export { smsAvailable, smsTemplate, validateSmsConfig, templateEnvName, DEFAULT_SMS_CONFIG, SMS_KINDS } from './sms-config';
export type { SmsConfig, SmsTemplateChoice } from './sms-config';

/** The provider the config names: Tencent Cloud SMS, or the development outbox when none is set. */
export function smsProvider(sms: SmsConfig): SmsProvider {
  return sms.provider === 'tencent' ? tencentSmsProvider(sms.tencent) : outboxSmsProvider(sms.outboxDir);
}
