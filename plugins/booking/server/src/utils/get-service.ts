import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type services from '../services';

type Services = typeof services;

/** One of the plugin's services, typed by its name (as content-releases' getService). */
export const getService = <Name extends keyof Services>(strapi: Core.Strapi, name: Name): ReturnType<Services[Name]> =>
  strapi.plugin(PLUGIN_ID).service(name) as ReturnType<Services[Name]>;
