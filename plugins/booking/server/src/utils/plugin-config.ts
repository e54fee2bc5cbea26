import type { Core } from '@strapi/strapi';
import type { BookingPluginConfig } from '../config';

/** The plugin's configuration as the app set it (config/plugins.ts), merged over the defaults. */
export const bookingConfig = (strapi: Core.Strapi): BookingPluginConfig =>
  strapi.config.get('plugin::booking') as BookingPluginConfig;
