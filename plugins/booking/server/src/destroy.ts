import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Lets running jobs finish and closes the job queue's connections, so a stop or restart is clean. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'jobs').stop();
};

export default destroy;
