import path from 'node:path';
import { env } from '@strapi/utils';
import pluginsConfig from '../../../../cms/config/plugins';
import pluginConfig, { DEFAULT_CONFIG, type BookingPluginConfig } from '../../../../plugins/booking/server/src/config';
import { SMS_KINDS, templateEnvName } from '../../../../plugins/booking/server/src/sms';

/** The CMS's booking config for a given environment, as Strapi computes it at start. */
function cmsConfigWith(vars: Record<string, string>): Record<string, { config: Record<string, unknown> }> {
  const saved = { ...process.env };
  try {
    for (const key of Object.keys(process.env)) if (key.startsWith('SMS_') || key.startsWith('TENCENT_SMS_')) delete process.env[key];
    Object.assign(process.env, vars);
    return pluginsConfig({ env } as unknown as Parameters<typeof pluginsConfig>[0]) as Record<string, { config: Record<string, unknown> }>;
  } finally {
    process.env = saved;
  }
}
const bookingConfigWith = (vars: Record<string, string>): BookingPluginConfig => ({ ...DEFAULT_CONFIG, ...cmsConfigWith(vars).booking.config });

describe('the CMS config: text messages from the environment', () => {
  it('without SMS_PROVIDER: the development outbox in .sms beside the mail outbox (cms/.mail), and the plugin accepts it', () => {
    const config = bookingConfigWith({});
    expect(config.sms.provider).toBeNull();
    const mailDir = (cmsConfigWith({}).email.config.providerOptions as { dir: string }).dir;
    expect(path.basename(mailDir)).toBe('.mail');
    expect(config.sms.outboxDir).toBe(path.join(path.dirname(mailDir), '.sms'));
    expect(() => pluginConfig.validator(config)).not.toThrow();
  });

  it('reads every Tencent setting and one template id per kind and language, under the names the README gives', () => {
    const vars: Record<string, string> = {
      SMS_PROVIDER: 'tencent',
      TENCENT_SMS_SECRET_ID: 'AKIDx',
      TENCENT_SMS_SECRET_KEY: 'key',
      TENCENT_SMS_REGION: 'ap-beijing',
      TENCENT_SMS_APP_ID: '1400006666',
      TENCENT_SMS_SIGN_NAME: '邻里中心',
      TENCENT_SMS_ENDPOINT: 'http://127.0.0.1:9000',
    };
    SMS_KINDS.forEach((kind, i) => {
      vars[templateEnvName(kind, 'zh-CN')] = String(1000 + i);
      vars[templateEnvName(kind, 'en')] = String(2000 + i);
    });
    const config = bookingConfigWith(vars);
    expect(config.sms.provider).toBe('tencent');
    expect(config.sms.tencent).toEqual({
      secretId: 'AKIDx',
      secretKey: 'key',
      region: 'ap-beijing',
      appId: '1400006666',
      signName: '邻里中心',
      endpoint: 'http://127.0.0.1:9000',
    });
    expect(config.sms.templates).toEqual(Object.fromEntries(SMS_KINDS.map((kind, i) => [kind, { 'zh-CN': String(1000 + i), en: String(2000 + i) }])));
    expect(() => pluginConfig.validator(config)).not.toThrow();
  });

  it('stops the start when SMS_PROVIDER=tencent lacks a setting, naming it', () => {
    const config = bookingConfigWith({ SMS_PROVIDER: 'tencent', TENCENT_SMS_SECRET_ID: 'AKIDx', TENCENT_SMS_SECRET_KEY: 'key', TENCENT_SMS_APP_ID: '1400006666' });
    expect(() => pluginConfig.validator(config)).toThrow('booking plugin: SMS_PROVIDER=tencent needs TENCENT_SMS_SIGN_NAME (not set)');
  });
});
