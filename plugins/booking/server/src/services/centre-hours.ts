import type { Core } from '@strapi/strapi';
import type { WeeklyHours } from '../core/hours/opening-hours';
import { centreRepository } from '../repositories/centre-repository';
import { bookingConfig } from '../utils/plugin-config';

/**
 * The centre's weekly hours, which every room without its own follows: as staff set them in
 * "Centre hours", or the app's configured `defaultOpeningHours` until they do.
 */
export const centreHours = async (strapi: Core.Strapi): Promise<WeeklyHours> =>
  (await centreRepository(strapi).openingHours()) ?? bookingConfig(strapi).defaultOpeningHours;
