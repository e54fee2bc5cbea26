import type { SmsFacts } from '../messages/sms-facts';
import { smsText } from '../messages/sms-texts';
import { outboxSmsProvider } from './outbox-provider';
import { SmsSendError, type SmsProvider, type SmsSendResult } from './provider';
import { smsTemplate, type SmsConfig } from './sms-config';
import { tencentSmsProvider } from './tencent-provider';

/**
 * Text messages, the provider half. For one message of kind K to a resident in language L:
 *
 *   const choice = smsTemplate(config.sms, K, L);            // null: K does not go by SMS
 *   const { params, text } = smsText({ ...facts, language: choice.language });
 *   await smsProvider(config.sms).send({ phone, kind: K, templateId: choice.templateId, params, text });
 *   // resolves { id, answer } once the provider took it; throws SmsSendError { answer, permanent } otherwise
 *
 * or all of it in one call: `await sendSms(config.sms, phone, facts)`.
 */
export { SmsSendError } from './provider';
export type { SmsProvider, SmsSendInput, SmsSendResult } from './provider';
export { smsAvailable, smsTemplate, validateSmsConfig, templateEnvName, DEFAULT_SMS_CONFIG, SMS_KINDS } from './sms-config';
export type { SmsConfig, SmsTemplateChoice } from './sms-config';

/** The provider the config names: Tencent Cloud SMS, or the development outbox when none is set. */
export function smsProvider(sms: SmsConfig): SmsProvider {
  return sms.provider === 'tencent' ? tencentSmsProvider(sms.tencent) : outboxSmsProvider(sms.outboxDir);
}

/**
 * Sends one text message: the template for its kind and the resident's language (the Chinese one
 * when that language has none: `facts.when` is then shown as it was formatted), its parameters and
 * text, through the configured provider. Throws SmsSendError, permanent, when the kind has no template.
 */
export async function sendSms(sms: SmsConfig, phone: string, facts: SmsFacts): Promise<SmsSendResult> {
  const choice = smsTemplate(sms, facts.kind, facts.language);
  if (!choice) throw new SmsSendError(`no SMS template for ${facts.kind}`, { permanent: true });
  const { params, text } = smsText({ ...facts, language: choice.language });
  return smsProvider(sms).send({ phone, kind: facts.kind, templateId: choice.templateId, params, text });
}
