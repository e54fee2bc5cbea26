import type { Core } from '@strapi/strapi';
import { FRONT_DESK_ROLE, NOT_FOR_FRONT_DESK, PERMISSIONS, permissionAction } from '../constants';

/** The last of the three roles Strapi makes on a first start (its admin bootstrap runs after ours). */
const STRAPI_LAST_DEFAULT_ROLE = 'strapi-author';

const createFrontDeskRole = async (strapi: Core.Strapi): Promise<void> => {
  const roles = strapi.admin!.services.role;
  if (await roles.exists({ code: FRONT_DESK_ROLE.code })) return;
  const role = await roles.create({ ...FRONT_DESK_ROLE });
  await roles.assignPermissions(
    role.id,
    Object.values(PERMISSIONS)
      .filter(({ uid }) => !NOT_FOR_FRONT_DESK.includes(uid))
      .map(({ uid }) => ({ action: permissionAction(uid), subject: null, properties: {}, conditions: [] }))
  );
  strapi.log.info(`Created the admin role "${FRONT_DESK_ROLE.name}"`);
};

/**
 * A centre gets a "Front desk / 前台" role ready to give to staff, holding the plugin's
 * staff actions (not the oversight ones, NOT_FOR_FRONT_DESK). It is made once: a centre that later edits it in Settings → Roles keeps its edits.
 * On a first start Strapi makes its own roles only when none exist, after the plugins' bootstrap,
 * so ours waits for them rather than stopping them.
 */
export const ensureFrontDeskRole = async (strapi: Core.Strapi): Promise<void> => {
  if (await strapi.admin!.services.role.exists()) {
    await createFrontDeskRole(strapi);
    return;
  }
  strapi.db.lifecycles.subscribe({
    models: ['admin::role'],
    async afterCreate(event) {
      if ((event.result as { code?: string } | undefined)?.code === STRAPI_LAST_DEFAULT_ROLE) await createFrontDeskRole(strapi);
    },
  });
};
