// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

// Canonical links, share cards and the sitemap give absolute addresses on the site's public one:
// a SITE_URL that is not one stops the build here instead of publishing broken links.
const siteUrl = process.env.SITE_URL || 'http://localhost:4321';
if (!URL.canParse(siteUrl) || !['http:', 'https:'].includes(new URL(siteUrl).protocol)) {
  throw new Error(`SITE_URL must be the site's absolute public address, such as https://www.example.org (it is "${siteUrl}")`);
}

export default defineConfig({
  site: siteUrl,
  output: 'static',
  // Tests build into a folder of their own, so they never overwrite the site `npm start` serves.
  outDir: process.env.SITE_OUT_DIR || './dist',
  trailingSlash: 'ignore',
  i18n: {
    locales: ['zh-CN', 'en'],
    defaultLocale: 'zh-CN',
    // Chinese, the residents' language, lives at the root; English under /en/.
    routing: { prefixDefaultLocale: false },
  },
  integrations: [
    // /sitemap-index.xml: every page in both languages, each with its twin in the other (hreflang);
    // not the 404 page, nor the foyer screen (a page for the lobby television, not for readers).
    sitemap({
      filter: (page) => !/\/(404|screen)\/?$/.test(new URL(page).pathname),
      i18n: { defaultLocale: 'zh-CN', locales: { 'zh-CN': 'zh-CN', en: 'en' } },
    }),
  ],
});
