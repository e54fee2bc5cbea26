import type { Core } from '@strapi/strapi';
import { isPostgres } from '../repositories/dialect';
import type { JobQueue } from './job-queue';
import { memoryQueue } from './memory-queue';
import { pgBossQueue, type PgConnection } from './pg-boss-queue';

export type { JobContext, JobDefinition, JobHandler, JobQueue, SendOptions } from './job-queue';

/** The queue for this app's database: pg-boss on PostgreSQL, memory on SQLite. */
export const createJobQueue = (strapi: Core.Strapi): JobQueue => {
  const onError = (error: Error) => strapi.log.error(`[booking] jobs: ${error.message}`);
  if (!isPostgres(strapi)) return memoryQueue({ onError });
  const connection = strapi.config.get('database.connection.connection') as PgConnection;
  return pgBossQueue({ connection, onError });
};
