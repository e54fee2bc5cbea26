import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { requestDataVersion } from './request-data-version';

const PERMISSION_UID = 'plugin::users-permissions.permission';
const CACHED_READ = 'plugin::booking.cached-read';

/** What Strapi's auth service keeps of a route on the request. */
interface RouteState {
  config?: { auth?: false | { scope?: string[] }; middlewares?: unknown[] };
}

const answersFromCache = (route: RouteState | undefined): boolean =>
  (route?.config?.middlewares ?? []).some((m) => m === CACHED_READ || (typeof m === 'object' && m !== null && (m as { name?: unknown }).name === CACHED_READ));

/** The actions users-permissions' Public role holds, read once per data version (whose triggers watch its tables). */
const publicGrantsReader = (strapi: Core.Strapi) => {
  let kept: { version: string; grants: Promise<Set<string>> } | undefined;
  return (version: string): Promise<Set<string>> => {
    if (kept?.version !== version) {
      const grants = strapi.db
        .query(PERMISSION_UID)
        .findMany({ select: ['action'], where: { role: { type: 'public' } } })
        .then((rows: { action: string }[]) => new Set(rows.map((row) => row.action)));
      // A failed read is not kept: the next request asks again.
      grants.catch(() => {
        if (kept?.grants === grants) kept = undefined;
      });
      kept = { version, grants };
    }
    return kept.grants;
  };
};

/**
 * A content-API auth strategy for anonymous reads of the routes that answer from the cache (rooms
 * and availability). users-permissions answers an anonymous request by reading every Public role
 * permission from the database and building a CASL ability from them, on every request: at the
 * hundreds of reads a second a foyer screen and the site's pages make, that was most of each
 * read's work and of the memory it left for the collector. This strategy allows exactly what
 * users-permissions would, from the Public role's grants read once per data version, which the
 * database's triggers raise when staff change a role's permissions in any CMS process.
 *
 * It decides nothing else: a request with credentials, another route, or an action the Public role
 * lacks is left to the next strategies (users-permissions), so their answers and errors stay Strapi's.
 * Strapi asks strategies in the order they were registered, so this one must come before
 * users-permissions. Plugins register in config/plugins' order, then the other installed ones in
 * package.json's (the plugin README says when that puts this one first). Were it after, it would be
 * asked only once users-permissions had declined, and reads would simply cost what they did.
 */
export const publicCachedReadStrategy = (strapi: Core.Strapi) => {
  const grantsAt = publicGrantsReader(strapi);
  return {
    name: 'booking-public-cached-read',

    async authenticate(ctx: Context) {
      if (!strapi.plugin('users-permissions') || ctx.request.headers.authorization !== undefined) return { authenticated: false };
      const route = ctx.state.route as RouteState | undefined;
      const scope = route?.config?.auth ? route.config.auth.scope : undefined;
      if (!scope?.length || !answersFromCache(route)) return { authenticated: false };
      let grants: Set<string>;
      try {
        grants = await grantsAt(await requestDataVersion(ctx, strapi));
      } catch {
        // As users-permissions does with an error: not this strategy's request; the next one decides.
        return { authenticated: false };
      }
      if (!scope.every((action) => grants.has(action))) return { authenticated: false };
      return { authenticated: true, credentials: null, ability: { can: (action: string) => grants.has(action) } };
    },

    // As users-permissions' verify for an anonymous request: no scope is unauthorised, a scope not held forbidden.
    verify(auth: { ability: { can(action: string): boolean } }, config: { scope?: string[] }) {
      if (!config.scope) throw new errors.UnauthorizedError();
      if (!config.scope.every((action) => auth.ability.can(action))) throw new errors.ForbiddenError();
    },
  };
};
