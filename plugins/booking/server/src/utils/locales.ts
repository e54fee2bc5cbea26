import type { Core } from '@strapi/strapi';

/** The app's default content locale, or undefined when the app runs without i18n. */
export const defaultLocaleOf = async (strapi: Core.Strapi): Promise<string | undefined> => {
  const locales = strapi.plugin('i18n')?.service('locales');
  return locales ? ((await locales.getDefaultLocale()) as string) : undefined;
};
