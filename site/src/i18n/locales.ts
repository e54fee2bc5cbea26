export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The same page in another language: Chinese at the root, English under /en/. */
export const localizedPath = (path: string, locale: Locale): string => {
  const bare = path.replace(/^\/en(?=\/|$)/, '') || '/';
  return locale === 'en' ? `/en${bare === '/' ? '/' : bare}` : bare;
};
