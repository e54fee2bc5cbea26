import { factories } from '@strapi/strapi';

/** Readers expect the newest first: without a `sort`, the list is by publishedDate, newest first. */
export const DEFAULT_NEWS_SORT = ['publishedDate:desc', 'createdAt:desc'];

/** API tokens (a server-side preview, say) may ask for drafts; the public and residents never see them. */
const TOKEN_STRATEGIES = ['content-api-token', 'api-token'];

/**
 * Strapi's REST API returns drafts to anyone allowed to read when asked `?status=draft`; an
 * editor's unpublished notice must not reach the public that way, so other callers get the
 * published version whatever they ask.
 */
const publishedOnly = (ctx: { query: Record<string, unknown>; state: { auth?: { strategy?: { name?: string } } } }) => {
  if (TOKEN_STRATEGIES.includes(ctx.state.auth?.strategy?.name ?? '')) return;
  if (ctx.query.status !== undefined) ctx.query = { ...ctx.query, status: 'published' };
};

export default factories.createCoreController('api::news.news', () => ({
  async find(ctx) {
    publishedOnly(ctx);
    if (ctx.query.sort === undefined) ctx.query = { ...ctx.query, sort: DEFAULT_NEWS_SORT };
    return super.find(ctx);
  },
  async findOne(ctx) {
    publishedOnly(ctx);
    return super.findOne(ctx);
  },
}));
