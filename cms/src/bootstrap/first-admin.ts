import type { Core } from '@strapi/strapi';

/** Admin interface languages the panel offers (cms/src/admin/app.ts); English is Strapi's fallback. */
const ADMIN_LANGUAGES = ['zh-Hans', 'en'];

/**
 * A demo or CI machine gets its first admin from ADMIN_EMAIL and ADMIN_PASSWORD, so nobody has to
 * click through Strapi's registration page. Without them, Strapi's own first-run page asks.
 * The admin reads the panel in Chinese (ADMIN_LANGUAGE=en for English); the panel switches to a
 * user's language when they sign in, and each can change it under their profile.
 */
export const ensureFirstAdmin = async (strapi: Core.Strapi): Promise<void> => {
  const email = process.env.ADMIN_EMAIL?.trim();
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return;
  const users = strapi.admin!.services.user;
  if (await users.exists()) return;
  const language = process.env.ADMIN_LANGUAGE?.trim() || 'zh-Hans';
  if (!ADMIN_LANGUAGES.includes(language)) throw new Error(`ADMIN_LANGUAGE must be one of ${ADMIN_LANGUAGES.join(', ')}, got "${language}"`);
  await users.createFirstAdmin({
    email: email.toLowerCase(),
    password,
    firstname: process.env.ADMIN_FIRSTNAME || 'Linli',
    lastname: process.env.ADMIN_LASTNAME || 'Admin',
    preferedLanguage: language,
  });
  strapi.log.info(`Created the first admin account ${email} (interface language ${language})`);
};
