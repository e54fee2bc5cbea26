import pluginConfig, { DEFAULT_CONFIG, type BookingPluginConfig } from '../../src/config';
import { DEFAULT_SMS_CONFIG, SMS_KINDS, smsAvailable, smsProvider, smsTemplate, templateEnvName, validateSmsConfig, type SmsConfig } from '../../src/sms';

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
