import { factories } from '@strapi/strapi';

/** GET /api/site-setting (public), PUT and DELETE (API tokens only). */
export default factories.createCoreRouter('api::site-setting.site-setting');
