import type { MessageKind } from '../messages/message-kind';

/**
 * What sends a text message: Tencent Cloud SMS (`tencent-provider.ts`) or, with no provider
 * configured, the development outbox (`outbox-provider.ts`). Made by `smsProvider(config)` in
 * `index.ts`; the delivery job calls `send` once per attempt.
 *
 * `send` resolves only when the provider accepted the message for this number, with the provider's
 * id for it (null when it gives none) and its answer in one line for the delivery log. Anything else
 * throws an `SmsSendError` carrying the provider's answer, so the job retries and logs it.
 */
export interface SmsSendInput {
  /** E.164, e.g. +8613800138000. */
  phone: string;
  kind: MessageKind;
  /** The provider's id of the approved template (`smsTemplate` in `sms-config.ts`). */
  templateId: string;
  /** The template's parameters in order (`smsText` in `messages/sms-texts.ts`). */
  params: string[];
  /** The whole text as the resident reads it: the outbox records it; a provider renders its template instead. */
  text: string;
}

export interface SmsSendResult {
  id: string | null;
  answer: string;
}

export interface SmsProvider {
  /** 'tencent' | 'outbox': what the delivery log names as the sender. */
  name: string;
  send(input: SmsSendInput): Promise<SmsSendResult>;
}

/**
 * A message the provider did not accept. `answer` is what it said (or why it could not be asked),
 * for the delivery log; `permanent` when sending the same message again cannot succeed (a number the
 * provider refuses, a template or sign name it has not approved, wrong keys), so retries may stop.
 */
export class SmsSendError extends Error {
  readonly answer: string;
  readonly permanent: boolean;

  constructor(answer: string, { permanent = false }: { permanent?: boolean } = {}) {
    super(`SMS not sent: ${answer}`);
    this.name = 'SmsSendError';
    this.answer = answer;
    this.permanent = permanent;
  }
}
