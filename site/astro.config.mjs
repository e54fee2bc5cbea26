// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
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
});
