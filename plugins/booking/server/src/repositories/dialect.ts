import type { Core } from '@strapi/strapi';

/** PostgreSQL guards with constraints and row locks; SQLite has one writer at a time instead. */
export const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';
