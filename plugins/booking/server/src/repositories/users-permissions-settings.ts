import type { Core } from '@strapi/strapi';

/** The users & permissions plugin's advanced settings, as far as the booking plugin reads them. */
export const usersPermissionsSettings = (strapi: Core.Strapi) => ({
  /** True while accounts must confirm their e-mail address before they count as verified. */
  async emailsAreVerified(): Promise<boolean> {
    const advanced = (await strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' }).get({})) as { email_confirmation?: boolean } | null;
    return advanced?.email_confirmation === true;
  },
});
