import { getEntry } from 'astro:content';
import type { Locale } from '../i18n/locales';

/** The centre's phone and address from Site settings, or null where staff left them empty. */
export const centreContact = async (locale: Locale): Promise<{ phone: string | null; address: string | null }> => {
  const settings = (await getEntry('settings', locale))?.data;
  return { phone: settings?.phone?.trim() || null, address: settings?.address?.trim() || null };
};
