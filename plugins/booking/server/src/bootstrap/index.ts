import type { Core } from '@strapi/strapi';
import { ensureBookingTables } from './booking-tables';
import { setAdminLabels } from './admin-labels';
import { withdrawPersonalDataFromContentManager } from './content-manager-access';
import { registerAdminPermissions } from './admin-permissions';
import { ensureFrontDeskRole } from './front-desk-role';
import { grantPublicPermissions } from './public-permissions';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureBookingTables(strapi);
  await registerAdminPermissions(strapi);
  await ensureFrontDeskRole(strapi);
  await withdrawPersonalDataFromContentManager(strapi);
  await grantPublicPermissions(strapi);
  await setAdminLabels(strapi);
};

export default bootstrap;
