import type { Core } from '@strapi/strapi';

/**
 * A demo or CI machine gets its first admin from ADMIN_EMAIL and ADMIN_PASSWORD, so nobody has to
 * click through Strapi's registration page. Without them, Strapi's own first-run page asks.
 */
export const ensureFirstAdmin = async (strapi: Core.Strapi): Promise<void> => {
  const email = process.env.ADMIN_EMAIL?.trim();
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return;
  const users = strapi.admin!.services.user;
  if (await users.exists()) return;
  await users.createFirstAdmin({
    email: email.toLowerCase(),
    password,
    firstname: process.env.ADMIN_FIRSTNAME || 'Linli',
    lastname: process.env.ADMIN_LASTNAME || 'Admin',
  });
  strapi.log.info(`Created the first admin account ${email}`);
};
