import { defaultNotifyBy, type NotifyBy } from '../../../shared/notify-by';

/** How a person's contact fields are stored on reservations and enrolments. */
export interface StoredContact {
  phone?: string | null;
  email?: string | null;
  language?: 'zh-CN' | 'en' | null;
  /** Null on rows stored before residents chose. */
  notifyBy?: NotifyBy | null;
}

/**
 * Contact fields as rows carry them: blank means none, mail goes out in Chinese unless asked
 * otherwise, and a row from before the choice is told as it was then (mail, else a call).
 */
export const contactOf = (d: StoredContact) => ({
  phone: d.phone ?? null,
  email: d.email ?? null,
  language: d.language ?? ('zh-CN' as const),
  notifyBy: d.notifyBy ?? defaultNotifyBy(d),
});
