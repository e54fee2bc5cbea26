import type { Core } from '@strapi/strapi';
import { releaseSqliteFile } from './bootstrap/sqlite-single-process';
import { getService } from './utils/get-service';

/** Lets running jobs finish, closes the job queue's connections and lets the SQLite file go, so a stop or restart is clean. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  try {
    await getService(strapi, 'jobs').stop();
  } finally {
    releaseSqliteFile(strapi);
  }
};

export default destroy;
