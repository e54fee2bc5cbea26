import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // The public site's origin (comma-separated for several); no other origin may call the API.
      origin: env.array('CORS_ORIGINS', ['http://localhost:4321']),
      // The site's forms send an Idempotency-Key, the manage page the link's X-Manage-Token, the "I can't
      // come" page a reminder's X-Cant-Come-Code, and they read Retry-After when they are told to wait.
      headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'Idempotency-Key', 'X-Manage-Token', 'X-Cant-Come-Code'],
      expose: ['Retry-After'],
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
