import type { Core } from '@strapi/strapi';
import { bookingConfig } from './plugin-config';

export type SiteLanguage = 'zh-CN' | 'en';

/**
 * A page of the public site in the reader's language (English pages live under /en), or null when
 * the app has not said where its site is. `path` starts with a slash.
 */
export const siteLink = (strapi: Core.Strapi, path: string, language: SiteLanguage): string | null => {
  const site = bookingConfig(strapi).siteUrl;
  return site ? `${site.replace(/\/$/, '')}${language === 'en' ? '/en' : ''}${path}` : null;
};

/**
 * The page where a resident sees or cancels a reservation (`token`) or an enrolment (`enrolment`).
 * The secret is in the fragment (#…), which browsers never send to a server, so no access log of
 * the site or its CDN ever holds it.
 */
export const manageLink = (strapi: Core.Strapi, what: 'token' | 'enrolment', secret: string, language: SiteLanguage): string | null =>
  siteLink(strapi, `/manage/#${what}=${encodeURIComponent(secret)}`, language);

/** A course's or event's page. */
export const activityLink = (strapi: Core.Strapi, kind: 'course' | 'event', slug: string, language: SiteLanguage): string | null =>
  siteLink(strapi, `/${kind === 'course' ? 'courses' : 'events'}/${slug}/`, language);

/**
 * The "我去不了 / I can't come" page a reminder links to, with its code in the fragment (as a manage
 * link's secret). One page in both languages, Chinese first: a text message has no room for two links.
 */
export const cantComeLink = (strapi: Core.Strapi, code: string): string | null => siteLink(strapi, `/cant-come/#code=${code}`, 'zh-CN');
