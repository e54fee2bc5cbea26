import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { ActivityKind } from './activity-repository';
import { contactOf, type StoredContact } from './contact-fields';
import { documentsOf } from './documents';

/**
 * What the reminder sweep reads: confirmed dates starting soon, and when each was confirmed.
 *
 * "Confirmed at" is the row's last change: a reservation or enrolment is only written by the
 * services (content-manager writes are refused), and a confirmed row's last write is the one that
 * confirmed it (created confirmed, approved by staff, promoted from the waiting list); what comes
 * after (cancelling) takes it out of this list.
 */
interface Confirmed extends ReturnType<typeof contactOf> {
  documentId: string;
  name: string;
  confirmedAt: Date;
}

export interface ReminderReservation extends Confirmed {
  reference: string;
  roomId: string;
  roomName: string;
  start: Date;
  end: Date;
}

export interface ReminderEnrolment extends Confirmed {
  kind: ActivityKind;
  activityId: string;
  sessionId: string | null;
}

interface Timestamps {
  createdAt?: string | null;
  updatedAt?: string | null;
}

interface ReservationDocument extends StoredContact, Timestamps {
  documentId: string;
  reference: string;
  contactName: string;
  room?: { documentId: string; name: string } | null;
  startsAt: string;
  endsAt: string;
}

interface EnrolmentDocument extends StoredContact, Timestamps {
  documentId: string;
  name: string;
  activityKind: ActivityKind;
  activityId: string;
  sessionId?: string | null;
}

const confirmedAtOf = (d: Timestamps): Date => new Date(d.updatedAt ?? d.createdAt ?? 0);

export const reminderRepository = (strapi: Core.Strapi) => ({
  /** Confirmed reserved dates starting in (from, to]. */
  async reservationsStarting(from: Date, to: Date): Promise<ReminderReservation[]> {
    const docs = await documentsOf<ReservationDocument>(strapi, UID.reservation).findMany({
      filters: { status: 'confirmed', startsAt: { $gt: from.toISOString(), $lte: to.toISOString() } },
      populate: { room: { fields: ['documentId', 'name'] } },
      sort: [{ startsAt: 'asc' }],
      limit: 100_000,
    });
    return docs.map((d) => ({
      documentId: d.documentId,
      reference: d.reference,
      name: d.contactName,
      ...contactOf(d),
      roomId: d.room?.documentId ?? '',
      roomName: d.room?.name ?? '',
      start: new Date(d.startsAt),
      end: new Date(d.endsAt),
      confirmedAt: confirmedAtOf(d),
    }));
  },

  /** Confirmed enrolments of these activities (of one kind): the terms' and the sessions' own. */
  async confirmedEnrolments(kind: ActivityKind, activityIds: string[]): Promise<ReminderEnrolment[]> {
    if (activityIds.length === 0) return [];
    const docs = await documentsOf<EnrolmentDocument>(strapi, UID.enrolment).findMany({
      filters: { activityKind: kind, activityId: { $in: activityIds }, status: 'confirmed' },
      sort: [{ createdAt: 'asc' }, { id: 'asc' }],
      limit: 100_000,
    });
    return docs.map((d) => ({
      documentId: d.documentId,
      name: d.name,
      ...contactOf(d),
      kind: d.activityKind,
      activityId: d.activityId,
      sessionId: d.sessionId ?? null,
      confirmedAt: confirmedAtOf(d),
    }));
  },
});
