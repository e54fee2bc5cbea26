import type { Core } from '@strapi/strapi';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { ensureLocales } from './bootstrap/locales';
import { grantPublicContent } from './bootstrap/public-content';
import { loadDemoContent } from './demo/load-demo-content';
import { registerSiteRebuild, type SiteRebuild } from './site-rebuild';

let siteRebuild: SiteRebuild | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    siteRebuild = registerSiteRebuild(strapi);
    // News and site settings meet the booking plugin's text rule too: a NUL in a title is a 400, not a 500.
    strapi.plugin('booking').service('textGuard').guard((uid: string) => uid.startsWith('api::'));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureFirstAdmin(strapi);
    await grantPublicContent(strapi);
    if (process.env.DEMO_CONTENT !== 'false') await loadDemoContent(strapi);
    // Loading demo content is not an editor's change: the first build already includes it.
    await siteRebuild?.start();
  },

  async destroy() {
    await siteRebuild?.flush();
  },
};
