import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  // Reverse proxies between the internet and the CMS that append the client's address to
  // X-Forwarded-For (nginx: `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`).
  // 0: the CMS is reached directly and X-Forwarded-For is ignored. The client address (the key of
  // the booking plugin's rate limits) is the entry this many hops from the end of the header, so
  // entries a client writes itself come before it and change nothing.
  const trustedProxyHops = env.int('TRUSTED_PROXY_HOPS', 0);
  if (!Number.isInteger(trustedProxyHops) || trustedProxyHops < 0) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number, 0 or more; got ${JSON.stringify(env('TRUSTED_PROXY_HOPS'))}`);
  }
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    proxy: { koa: trustedProxyHops > 0, maxIpsCount: trustedProxyHops },
    app: {
      keys: env.array('APP_KEYS')!,
    },
    webhooks: {
      populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
    },
  };
};

export default config;
