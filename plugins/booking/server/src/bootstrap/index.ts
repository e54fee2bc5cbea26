import type { Core } from '@strapi/strapi';
import { grantPublicPermissions } from './public-permissions';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await grantPublicPermissions(strapi);
};

export default bootstrap;
