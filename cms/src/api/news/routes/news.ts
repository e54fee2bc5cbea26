import { factories } from '@strapi/strapi';

/** Where readers find news: /api/news and /api/news/:id (documentId). */
export const NEWS_PATH = '/news';

/**
 * The core routes of news (find, findOne, create, update, delete, with their query validation),
 * served at /api/news. Strapi names collection routes after the plural name, and the plural of a
 * content type must differ from its singular ("news"), so the paths are moved from /news-items.
 * A callback: Strapi calls it when it registers routes, once the content type exists.
 */
export default () => {
  const core = factories.createCoreRouter('api::news.news');
  const routes = typeof core.routes === 'function' ? core.routes() : core.routes;
  return {
    type: core.type,
    routes: routes.map((route) => ({ ...route, path: route.path.replace(/^\/news-items(?=\/|$)/, NEWS_PATH) })),
  };
};
