import type { Core } from '@strapi/strapi';
import { PERSONAL_DATA_UIDS } from '../constants';

const SUPER_ADMIN_ROLE = 'strapi-super-admin';
const CONTENT_MANAGER_ACTIONS = 'plugin::content-manager.explorer.';

/**
 * Takes the content manager's actions on residents' personal data from every role (and admin token)
 * but the Super Admin. Strapi gave its Editor and Author roles these on every content type at a
 * first start before the types were hidden. Its own clean-up at start drops a hidden type's create,
 * update and delete grants but keeps "read" (a hidden type stays readable as a relation's target),
 * so an Editor would go on reading every name and phone through the content manager's API. Runs on
 * every start: the roles screen cannot grant hidden types, so nothing a centre set on purpose is lost.
 */
export const withdrawPersonalDataFromContentManager = async (strapi: Core.Strapi): Promise<void> => {
  const permissions = strapi.db.query('admin::permission');
  const granted: Array<{ id: number; action: string; subject: string; role: { code: string; name: string } | null }> = await permissions.findMany({
    where: { action: { $startsWith: CONTENT_MANAGER_ACTIONS }, subject: { $in: [...PERSONAL_DATA_UIDS] } },
    populate: ['role'],
  });
  const withdrawn = granted.filter((permission) => permission.role?.code !== SUPER_ADMIN_ROLE);
  if (withdrawn.length === 0) return;
  await strapi.admin!.services.permission.deleteByIds(withdrawn.map((permission) => permission.id));
  const holders = [...new Set(withdrawn.map((permission) => permission.role?.name ?? 'an admin token'))];
  strapi.log.info(`Withdrew ${withdrawn.length} content-manager permissions on reservations, enrolments and attendance from ${holders.join(', ')}`);
};
