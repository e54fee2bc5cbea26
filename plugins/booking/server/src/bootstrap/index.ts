import type { Core } from '@strapi/strapi';
import { idempotencyRepository } from '../repositories/idempotency-repository';
import { recordAccessChanges } from '../audit/access-changes';
import { migrate } from './migrate';
import { setAdminLabels } from './admin-labels';
import { withdrawPersonalDataFromContentManager } from './content-manager-access';
import { registerAdminPermissions } from './admin-permissions';
import { ensureFrontDeskRole } from './front-desk-role';
import { eraseForGoodOnSqlite } from './secure-delete';
import { grantPublicPermissions } from './public-permissions';
import { getService } from '../utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await eraseForGoodOnSqlite(strapi);
  await migrate(strapi);
  recordAccessChanges(strapi);
  // Stored answers expire after a day; each new one purges the old, and a start purges what waited.
  await idempotencyRepository(strapi).purge(new Date());
  await registerAdminPermissions(strapi);
  await ensureFrontDeskRole(strapi);
  await withdrawPersonalDataFromContentManager(strapi);
  await grantPublicPermissions(strapi);
  await setAdminLabels(strapi);
  // Last: jobs may start running at once, against tables and settings made above.
  await getService(strapi, 'jobs').start();
  await getService(strapi, 'outbox').start();
  await getService(strapi, 'reminderSweep').start();
  await getService(strapi, 'retention').start();
};

export default bootstrap;
