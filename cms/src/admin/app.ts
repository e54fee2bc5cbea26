import missingFromStrapi from './translations/zh-Hans.json';

/**
 * The admin panel's own configuration. Staff at a centre read Chinese first: Strapi ships `zh-Hans`
 * strings and the booking plugin its own. Strapi 5.54's Chinese has two gaps that leave most of the
 * content manager in English: its content-manager file carries the plugin prefix in its keys, which
 * Strapi prefixes again (so they never match), and it lacks several hundred newer strings of every
 * part of the panel. `translations/zh-Hans.json` holds both: Strapi's own wording under the right
 * keys, and translations of the missing ones. English stays, as Strapi's fallback.
 */
export default {
  config: {
    locales: ['zh-Hans'],
    translations: {
      'zh-Hans': {
        ...missingFromStrapi,
        // The menu's name of the content manager has no key in any of Strapi's translation files.
        'content-manager.plugin.name': '内容管理器',
      },
    },
  },
  bootstrap() {},
};
