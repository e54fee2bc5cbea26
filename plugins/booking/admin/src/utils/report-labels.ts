import type { Translate } from './use-t';

/** Report figures as a report prints them: grouped thousands ("1,215"), hours to one decimal. */
export const formatCount = (n: number, locale: string): string => new Intl.NumberFormat(locale).format(n);
export const formatHours = (n: number, locale: string): string => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
export const formatShare = (share: number, locale: string): string => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** A category in the reader's language; activities with none are counted under "no category". */
export const categoryName = (c: { slug: string | null; name: string | null; nameEn?: string | null }, locale: string, t: Translate): string =>
  (locale.startsWith('zh') ? c.name : (c.nameEn ?? c.name)) ?? c.slug ?? t('reports.noCategory', 'No category');

export const roomName = (r: { slug: string | null; name: string | null }, t: Translate): string => r.name ?? r.slug ?? t('reports.noRoom', 'No room');

export const audienceName = (audience: string | null, t: Translate): string => audience ?? t('reports.anyAudience', 'Everyone (not specified)');

export const sessionStatusLabel = (status: 'held' | 'cancelled' | 'upcoming', t: Translate): string =>
  status === 'held' ? t('reports.status.held', 'Held') : status === 'cancelled' ? t('reports.status.cancelled', 'Cancelled') : t('reports.status.upcoming', 'To come');
