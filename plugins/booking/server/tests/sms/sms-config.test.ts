import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pluginConfig, { DEFAULT_CONFIG, type BookingPluginConfig } from '../../src/config';
import type { SmsFacts } from '../../src/messages/sms-facts';
import {
  DEFAULT_SMS_CONFIG,
  SMS_KINDS,
  SmsSendError,
  sendSms,
  smsAvailable,
  smsProvider,
  smsTemplate,
  templateEnvName,
  validateSmsConfig,
  type SmsConfig,
} from '../../src/sms';

const tencent = (over: Partial<SmsConfig['tencent']> = {}, templates: SmsConfig['templates'] = {}): SmsConfig => ({
  provider: 'tencent',
  outboxDir: null,
  tencent: { secretId: 'AKIDx', secretKey: 'key', region: 'ap-guangzhou', appId: '1400006666', signName: '邻里中心', endpoint: null, ...over },
  templates,
});

describe('sms config', () => {
  it('accepts the defaults (the development outbox) and a complete Tencent setup', () => {
    expect(() => validateSmsConfig(DEFAULT_SMS_CONFIG)).not.toThrow();
    expect(() => validateSmsConfig(tencent({}, { reminder: { 'zh-CN': '1234567', en: null } }))).not.toThrow();
    expect(() => pluginConfig.validator(DEFAULT_CONFIG)).not.toThrow();
  });

  it('refuses a Tencent setup with a setting missing, naming every variable to set', () => {
    expect(() => validateSmsConfig(tencent({ secretKey: null, signName: '  ' }))).toThrow(
      'booking plugin: SMS_PROVIDER=tencent needs TENCENT_SMS_SECRET_KEY, TENCENT_SMS_SIGN_NAME (not set)',
    );
    // Through the plugin's own validator, as Strapi calls it at start.
    const config: BookingPluginConfig = { ...DEFAULT_CONFIG, sms: tencent({ secretId: null }) };
    expect(() => pluginConfig.validator(config)).toThrow(/TENCENT_SMS_SECRET_ID/);
  });

  it('refuses an unknown provider, a malformed SdkAppId, sign name, endpoint or template id, naming the variable', () => {
    expect(() => validateSmsConfig({ ...DEFAULT_SMS_CONFIG, provider: 'aliyun' as 'tencent' })).toThrow(/SMS_PROVIDER must be "tencent" or unset/);
    expect(() => validateSmsConfig(tencent({ appId: 'app-1' }))).toThrow(/TENCENT_SMS_APP_ID/);
    expect(() => validateSmsConfig(tencent({ signName: '【邻里中心】' }))).toThrow(/TENCENT_SMS_SIGN_NAME/);
    expect(() => validateSmsConfig(tencent({ endpoint: 'sms.example' }))).toThrow(/TENCENT_SMS_ENDPOINT/);
    expect(() => validateSmsConfig(tencent({ endpoint: 'https://sms.example/v3' }))).toThrow(/TENCENT_SMS_ENDPOINT/);
    expect(() => validateSmsConfig(tencent({ endpoint: 'http://127.0.0.1:9000' }))).not.toThrow();
    expect(() => validateSmsConfig(tencent({}, { 'session.moved': { en: 'SMS_123' } }))).toThrow(/SMS_TEMPLATE_SESSION_MOVED_EN/);
    expect(() => validateSmsConfig({ ...DEFAULT_SMS_CONFIG, templates: { 'reservation.confirm': {} } as SmsConfig['templates'] })).toThrow(
      /unknown message kind "reservation.confirm"/,
    );
  });

  it('names one variable per kind and language', () => {
    expect(templateEnvName('reservation.confirmed', 'zh-CN')).toBe('SMS_TEMPLATE_RESERVATION_CONFIRMED');
    expect(templateEnvName('reminder', 'en')).toBe('SMS_TEMPLATE_REMINDER_EN');
    expect(new Set(SMS_KINDS.map((k) => templateEnvName(k, 'zh-CN'))).size).toBe(SMS_KINDS.length);
  });
});

describe('smsTemplate and smsAvailable', () => {
  const config = tencent({}, { 'reservation.confirmed': { 'zh-CN': '1001', en: '2001' }, reminder: { 'zh-CN': '1002' } });

  it("with Tencent: the language's template, else the Chinese one; a kind without a template does not go by SMS", () => {
    expect(smsTemplate(config, 'reservation.confirmed', 'en')).toEqual({ templateId: '2001', language: 'en' });
    expect(smsTemplate(config, 'reminder', 'en')).toEqual({ templateId: '1002', language: 'zh-CN' });
    expect(smsTemplate(config, 'session.moved', 'zh-CN')).toBeNull();
    expect(smsAvailable(config, 'reminder')).toBe(true);
    expect(smsAvailable(config, 'session.moved')).toBe(false);
  });

  it('in the outbox: every kind, under its own name unless an id is set', () => {
    expect(SMS_KINDS.every((kind) => smsAvailable(DEFAULT_SMS_CONFIG, kind))).toBe(true);
    expect(smsTemplate(DEFAULT_SMS_CONFIG, 'session.moved', 'en')).toEqual({ templateId: 'outbox:session.moved', language: 'en' });
  });

  it('smsProvider gives the provider the config names', () => {
    expect(smsProvider(DEFAULT_SMS_CONFIG).name).toBe('outbox');
    expect(smsProvider(config).name).toBe('tencent');
  });
});

describe('sendSms', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-send-sms-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const written = () => fs.readdirSync(tmp).sort().map((f) => JSON.parse(fs.readFileSync(path.join(tmp, f), 'utf8')));
  const reminder: SmsFacts = {
    kind: 'reminder',
    language: 'en',
    name: 'Mrs Li',
    what: 'Tai chi',
    when: 'Tuesday 24 November, 09:00–10:00',
    link: 'https://linli.example/en/c/#k=7Hq2',
  };

  it("words the message in the template's language and hands it to the configured provider", async () => {
    await sendSms({ ...DEFAULT_SMS_CONFIG, outboxDir: tmp }, '+8613800138000', reminder);
    await sendSms({ ...DEFAULT_SMS_CONFIG, outboxDir: tmp, templates: { reminder: { 'zh-CN': '1002' } } }, '+8613800138001', reminder);
    const [english, chinese] = written();
    expect(english).toMatchObject({
      to: '+8613800138000',
      templateId: 'outbox:reminder',
      text: "Dear Mrs Li, a reminder: Tai chi, Tuesday 24 November, 09:00–10:00. Can't come? Tap https://linli.example/en/c/#k=7Hq2",
    });
    // Only a Chinese template is registered: the English reader gets it rather than nothing.
    expect(chinese).toMatchObject({
      to: '+8613800138001',
      templateId: '1002',
      params: ['Mrs Li', 'Tai chi', 'Tuesday 24 November, 09:00–10:00', 'en/c/#k=7Hq2'],
      text: 'Mrs Li您好，温馨提醒：Tai chi，时间Tuesday 24 November, 09:00–10:00。去不了请点：https://linli.example/en/c/#k=7Hq2',
    });
  });

  it('refuses, for good, a kind the provider has no template for', async () => {
    const error = await sendSms(tencent(), '+8613800138000', reminder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect(error).toMatchObject({ answer: 'no SMS template for reminder', permanent: true });
  });
});
