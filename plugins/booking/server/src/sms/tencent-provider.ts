import { sms } from 'tencentcloud-sdk-nodejs-sms';
import type { SmsProvider, SmsSendInput, SmsSendResult } from './provider';
import { SmsSendError } from './provider';
import type { TencentSmsConfig } from './sms-config';

/**
 * Tencent Cloud SMS through its SDK (API 2021-01-11, action SendSms, signed TC3-HMAC-SHA256):
 * one number per call, so each message has its own answer and retry. The call succeeds only when
 * the number's SendStatus says "Ok"; an API error, a refused number, an HTTP error or an endpoint
 * that cannot be reached throws an SmsSendError with what happened.
 *
 * `endpoint` (TENCENT_SMS_ENDPOINT) points the SDK elsewhere, e.g. http://127.0.0.1:9000 in tests.
 */

const Client = sms.v20210111.Client;

const DEFAULT_HOST = 'sms.tencentcloudapi.com';
// The SDK waits 60 s by default; the delivery job would rather retry.
const TIMEOUT_SECONDS = 15;

// Codes (API errors and per-number SendStatus codes, Tencent's error code list) the same request never gets past.
const PERMANENT = [
  /^AuthFailure\./,
  /^UnauthorizedOperation\./,
  /^InvalidParameter/,
  /^MissingParameter/,
  /^UnsupportedOperation\./,
  /^FailedOperation\.(PhoneNumberInBlacklist|TemplateIncorrectOrUnapproved|SignatureIncorrectOrUnapproved|ContainSensitiveWord)$/,
];
const isPermanent = (code: string | undefined): boolean => Boolean(code && PERMANENT.some((p) => p.test(code)));

interface SdkError extends Error {
  code?: string;
  httpCode?: number;
  requestId?: string;
}

const requestPart = (requestId: string | undefined) => (requestId ? ` (request ${requestId})` : '');

/** What the SDK threw, as one line for the delivery log. */
function sdkFailure(error: SdkError): SmsSendError {
  if (error.httpCode) return new SmsSendError(`HTTP ${error.httpCode} ${error.message}`.trim());
  if (error.code) return new SmsSendError(`${error.code}: ${error.message}${requestPart(error.requestId)}`, { permanent: isPermanent(error.code) });
  // Not reached at all: DNS, refused connection, timeout.
  return new SmsSendError(`no answer: ${error.message}`);
}

export function tencentSmsProvider(config: TencentSmsConfig): SmsProvider {
  const endpoint = config.endpoint ? new URL(config.endpoint) : null;
  const client = new Client({
    credential: { secretId: config.secretId!, secretKey: config.secretKey! },
    region: config.region,
    profile: {
      httpProfile: {
        endpoint: endpoint ? endpoint.host : DEFAULT_HOST,
        protocol: endpoint ? endpoint.protocol + '//' : 'https://',
        reqTimeout: TIMEOUT_SECONDS,
      },
    },
  });

  return {
    name: 'tencent',
    async send({ phone, templateId, params }: SmsSendInput): Promise<SmsSendResult> {
      let answer;
      try {
        answer = await client.SendSms({
          PhoneNumberSet: [phone],
          SmsSdkAppId: config.appId!,
          SignName: config.signName!,
          TemplateId: templateId,
          TemplateParamSet: params,
        });
      } catch (error) {
        throw sdkFailure(error as SdkError);
      }
      const status = answer.SendStatusSet?.find((s) => s.PhoneNumber === phone) ?? answer.SendStatusSet?.[0];
      if (!status) throw new SmsSendError(`no send status for ${phone} in the answer${requestPart(answer.RequestId)}`);
      if (status.Code !== 'Ok') {
        throw new SmsSendError(`${status.Code}: ${status.Message ?? ''}${requestPart(answer.RequestId)}`, { permanent: isPermanent(status.Code) });
      }
      const fee = status.Fee != null ? `, ${status.Fee} part${status.Fee === 1 ? '' : 's'}` : '';
      return { id: status.SerialNo ?? null, answer: `Ok: ${status.Message ?? 'send success'}${fee}${requestPart(answer.RequestId)}` };
    },
  };
}
