import type { WeeklyHours } from '../core/hours/opening-hours';
import type { BookingRules } from '../core/rules/booking-rules';
import { hoursOfRoom, rulesOfRoom } from '../core/rules/room-rules';
import type { RoomRow } from '../repositories/room-repository';

/**
 * What anyone on the internet may see of a room: no editor fields, no internal ids.
 */
export interface PublicPhoto {
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  formats: Record<string, { url: string; width: number; height: number }> | null;
}

export interface PublicRoom {
  id: string;
  slug: string;
  locale: string;
  name: string;
  description: string | null;
  capacity: number;
  location: string | null;
  amenities: string[];
  accessibility: string | null;
  bookable: boolean;
  photos: PublicPhoto[];
  rules: BookingRules;
  openingHours: WeeklyHours;
}

/** Editors type amenities one per line; the public sees a list. */
const splitLines = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^[-*•·]\s*/, '').trim())
    .filter(Boolean);

export const toPublicRoom = (doc: RoomRow, centreHours: WeeklyHours): PublicRoom => ({
  id: doc.documentId,
  slug: doc.slug,
  locale: doc.locale ?? '',
  name: doc.name,
  description: doc.description ?? null,
  capacity: doc.capacity,
  location: doc.location ?? null,
  amenities: splitLines(doc.amenities),
  accessibility: doc.accessibility ?? null,
  bookable: doc.bookable ?? true,
  photos: (doc.photos ?? []).map((p) => ({
    url: p.url,
    alternativeText: p.alternativeText ?? null,
    width: p.width ?? null,
    height: p.height ?? null,
    formats: p.formats
      ? Object.fromEntries(
          Object.entries(p.formats).map(([k, f]) => [k, { url: f.url, width: f.width, height: f.height }])
        )
      : null,
  })),
  rules: rulesOfRoom(doc).rules,
  openingHours: hoursOfRoom(doc, centreHours),
});
