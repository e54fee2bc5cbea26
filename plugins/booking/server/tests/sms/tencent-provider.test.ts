import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SmsSendError } from '../../src/sms/provider';
import type { TencentSmsConfig } from '../../src/sms/sms-config';
import { tencentSmsProvider } from '../../src/sms/tencent-provider';

/**
 * The adapter with Tencent Cloud's real SDK, its HTTP layer pointed at a server in this process that
 * answers as the SMS API does (API 3.0, JSON over POST, TC3-HMAC-SHA256). No outside network.
 */

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
}
type Answer = { status: number; body: unknown };

let server: http.Server;
let endpoint: string;
let received: Received[] = [];
let answer: (request: Received) => Answer;

const savedProxy = { http_proxy: process.env.http_proxy, HTTP_PROXY: process.env.HTTP_PROXY };

beforeAll(async () => {
  // The SDK sends through http_proxy when one is set; this test talks to 127.0.0.1 only.
  delete process.env.http_proxy;
  delete process.env.HTTP_PROXY;
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const request: Received = { method: req.method!, url: req.url!, headers: req.headers, raw, body: raw ? JSON.parse(raw) : {} };
      received.push(request);
      const { status, body } = answer(request);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const [key, value] of Object.entries(savedProxy)) if (value !== undefined) process.env[key] = value;
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
});

const SECRET_KEY = 'test-secret-key-never-real';
const config = (over: Partial<TencentSmsConfig> = {}): TencentSmsConfig => ({
  secretId: 'AKIDtest0000000000000000000000000000',
  secretKey: SECRET_KEY,
  region: 'ap-guangzhou',
  appId: '1400006666',
  signName: '邻里中心',
  endpoint,
  ...over,
});

const PHONE = '+8613800138000';
const message = {
  phone: PHONE,
  kind: 'reservation.confirmed' as const,
  templateId: '1234567',
  params: ['张阿姨', '多功能厅', '11月24日 周二 19:00–21:00', 'LL-7K3Q9', 'manage/#token=Ab3'],
  text: 'ignored by the provider',
};

const sent = (status: Partial<{ SerialNo: string; Code: string; Message: string; Fee: number }>, requestId = 'a0aabda6-cf91-4f3e-a81f-9198114a2279') => ({
  status: 200,
  body: {
    Response: {
      SendStatusSet: [{ SerialNo: '', PhoneNumber: PHONE, Fee: 0, SessionContext: '', IsoCode: 'CN', Message: '', Code: 'Ok', ...status }],
      RequestId: requestId,
    },
  },
});

const hmac = (key: crypto.BinaryLike, text: string) => crypto.createHmac('sha256', key).update(text).digest();
const sha256hex = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** Tencent Cloud's TC3-HMAC-SHA256, as its API documentation describes it, checked over what was received. */
function verifyTc3(request: Received, secretKey: string): boolean {
  const match = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
    String(request.headers.authorization),
  );
  if (!match) return false;
  const [, , date, service, signedHeaders, signature] = match;
  const host = String(request.headers.host).replace(/:\d+$/, '');
  const values: Record<string, string> = { 'content-type': String(request.headers['content-type']), host };
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((h) => `${h}:${values[h] ?? String(request.headers[h])}\n`)
    .join('');
  const canonicalRequest = [request.method, '/', '', canonicalHeaders, signedHeaders, sha256hex(request.raw)].join('\n');
  const timestamp = String(request.headers['x-tc-timestamp']);
  const toSign = ['TC3-HMAC-SHA256', timestamp, `${date}/${service}/tc3_request`, sha256hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  return crypto.createHmac('sha256', key).update(toSign).digest('hex') === signature;
}

async function failure(promise: Promise<unknown>): Promise<SmsSendError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SmsSendError);
    return error as SmsSendError;
  }
  throw new Error('expected the send to fail');
}

describe('Tencent Cloud SMS adapter', () => {
  it('sends one SendSms request the way the API expects: action headers, JSON body, a valid signature', async () => {
    answer = () => sent({ SerialNo: '2028:6913436917210011000', Code: 'Ok', Message: 'send success', Fee: 2 });
    const result = await tencentSmsProvider(config()).send(message);

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/');
    expect(request.headers).toMatchObject({
      'x-tc-action': 'SendSms',
      'x-tc-version': '2021-01-11',
      'x-tc-region': 'ap-guangzhou',
      'content-type': 'application/json',
    });
    expect(Number(request.headers['x-tc-timestamp'])).toBeGreaterThan(Date.now() / 1000 - 300);
    expect(String(request.headers.authorization)).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtest0+\/\d{4}-\d{2}-\d{2}\//);
    expect(verifyTc3(request, SECRET_KEY)).toBe(true);
    expect(verifyTc3(request, 'another-key')).toBe(false);
    expect(request.body).toEqual({
      PhoneNumberSet: [PHONE],
      SmsSdkAppId: '1400006666',
      SignName: '邻里中心',
      TemplateId: '1234567',
      TemplateParamSet: message.params,
    });

    expect(result).toEqual({
      id: '2028:6913436917210011000',
      answer: 'Ok: send success, 2 parts (request a0aabda6-cf91-4f3e-a81f-9198114a2279)',
    });
  });

  it('throws with the code and message when the number is refused (SendStatus not "Ok"), permanent for a blocked number', async () => {
    answer = () => sent({ Code: 'FailedOperation.PhoneNumberInBlacklist', Message: 'phone number in blacklist' }, 'req-1');
    const error = await failure(tencentSmsProvider(config()).send(message));
    expect(error.answer).toBe('FailedOperation.PhoneNumberInBlacklist: phone number in blacklist (request req-1)');
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('FailedOperation.PhoneNumberInBlacklist');
  });

  it('leaves a per-number limit to the retries', async () => {
    answer = () => sent({ Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: 'the number of SMS messages sent from a single mobile number every day exceeds the upper limit' });
    const error = await failure(tencentSmsProvider(config()).send(message));
    expect(error.answer).toMatch(/^LimitExceeded\.PhoneNumberDailyLimit: /);
    expect(error.permanent).toBe(false);
  });

  it('throws with the API error when the request itself is refused (wrong keys)', async () => {
    answer = () => ({
      status: 200,
      body: {
        Response: {
          Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' },
          RequestId: 'ed93f3cb-f35e-473f-b9f3-0d451b8b79c6',
        },
      },
    });
    const error = await failure(tencentSmsProvider(config()).send(message));
    expect(error.answer).toBe('AuthFailure.SignatureFailure: The provided credentials could not be validated. (request ed93f3cb-f35e-473f-b9f3-0d451b8b79c6)');
    expect(error.permanent).toBe(true);
  });

  it('throws on an HTTP 500, to be tried again', async () => {
    answer = () => ({ status: 500, body: 'upstream failed' });
    const error = await failure(tencentSmsProvider(config()).send(message));
    expect(error.answer).toBe('HTTP 500 Internal Server Error');
    expect(error.permanent).toBe(false);
  });

  it('throws when the answer has no status for the number', async () => {
    answer = () => ({ status: 200, body: { Response: { SendStatusSet: [], RequestId: 'req-2' } } });
    const error = await failure(tencentSmsProvider(config()).send(message));
    expect(error.answer).toBe(`no send status for ${PHONE} in the answer (request req-2)`);
  });

  it('throws when the endpoint cannot be reached, to be tried again', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const error = await failure(tencentSmsProvider(config({ endpoint: `http://127.0.0.1:${port}` })).send(message));
    expect(error.answer).toMatch(/^no answer: .*ECONNREFUSED/);
    expect(error.permanent).toBe(false);
    expect(received).toHaveLength(0);
  });
});
