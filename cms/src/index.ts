import type { Core } from '@strapi/strapi';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { ensureLocales } from './bootstrap/locales';
import { grantPublicContent } from './bootstrap/public-content';
import { loadDemoContent } from './demo/load-demo-content';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureFirstAdmin(strapi);
    await grantPublicContent(strapi);
    if (process.env.DEMO_CONTENT !== 'false') await loadDemoContent(strapi);
  },
};
