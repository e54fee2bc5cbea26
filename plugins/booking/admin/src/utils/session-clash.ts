import type { SessionClash } from '../../../shared/contracts/activities';
import { occurrenceLabel } from './occurrence-label';
import type { Translate } from './use-t';

/** A 409 from moving a session, in the reader's language: what the new time runs into, and when. */
export const clashMessage = (clash: SessionClash | undefined, t: Translate, locale: string): string => {
  const kinds: Record<string, string> = {
    reservation: t('activities.clash.reservation', 'a room booking'),
    course: t('activities.clash.course', 'a course session'),
    event: t('activities.clash.event', 'an event'),
  };
  const what = (clash?.with ?? []).map((w) => `${kinds[w.kind] ?? w.kind} ${occurrenceLabel(w.start, w.end, locale)}`);
  if (what.length === 0) return t('activities.clash.unknown', 'The room is already taken at that time. Nothing was changed.');
  return t('activities.clash.with', 'The room is already taken at that time: {what}. Nothing was changed.', { what: what.join(locale.startsWith('zh') ? '；' : '; ') });
};
