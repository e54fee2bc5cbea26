import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { weeklyHoursSchema, type WeeklyHours } from '../core/hours/opening-hours';
import { documentsOf } from './documents';

/** The centre as staff set it in "Centre hours"; null where they have set nothing. */
export interface CentreRow {
  openingHours: WeeklyHours | null;
}

/** What the Document Service returns for the single type. */
interface CentreDocument {
  documentId: string;
  openingHours?: unknown;
}

/** Hours are checked when they are written (register.ts); a value that still does not parse counts as unset. */
const fromDocument = (d: CentreDocument | null): CentreRow => {
  const parsed = weeklyHoursSchema.safeParse(d?.openingHours);
  return { openingHours: parsed.success ? parsed.data : null };
};

/** The one owner of the centre single type's reads. */
export const centreRepository = (strapi: Core.Strapi) => ({
  async find(): Promise<CentreRow> {
    return fromDocument(await documentsOf<CentreDocument>(strapi, UID.centre).findFirst({}));
  },
});
