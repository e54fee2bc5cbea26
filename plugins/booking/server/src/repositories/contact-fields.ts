/** How a person's contact fields are stored on reservations and enrolments. */
export interface StoredContact {
  phone?: string | null;
  email?: string | null;
  language?: 'zh-CN' | 'en' | null;
}

/** Contact fields as rows carry them: blank means none, and mail goes out in Chinese unless asked otherwise. */
export const contactOf = (d: StoredContact) => ({
  phone: d.phone ?? null,
  email: d.email ?? null,
  language: d.language ?? ('zh-CN' as const),
});
