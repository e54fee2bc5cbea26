import type { Core } from '@strapi/strapi';
import { storableTextGuard } from '../documents/storable-text-guard';

/**
 * The plugin's text rule for content saved in the admin panel. The plugin guards its own types
 * (register.ts); the app in which it is installed may guard its own with the same rule.
 */
const textGuard = ({ strapi }: { strapi: Core.Strapi }) => ({
  guard(guards: (uid: string) => boolean) {
    strapi.documents.use(storableTextGuard(strapi, guards));
  },
});

export default textGuard;
