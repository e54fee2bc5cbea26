import type { Core } from '@strapi/strapi';

/** The centre publishes in Chinese first and English second. */
export const SITE_LOCALES = [
  { code: 'zh-CN', name: 'Chinese (Simplified, China) (zh-CN)' },
  { code: 'en', name: 'English (en)' },
] as const;

export const DEFAULT_LOCALE = SITE_LOCALES[0].code;

export const ensureLocales = async (strapi: Core.Strapi): Promise<void> => {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of SITE_LOCALES) {
    if (!(await locales.findByCode(locale.code))) await locales.create({ ...locale });
  }
  // Only on a database that still has i18n's own default: an editor's later choice stands.
  const initialised = await strapi.store({ type: 'plugin', name: 'linli' }).get({ key: 'locales-initialised' });
  if (!initialised) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
    await strapi.store({ type: 'plugin', name: 'linli' }).set({ key: 'locales-initialised', value: true });
  }
};
