import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { ActivityKind } from './activity-repository';
import type { NotifyBy } from '../../../shared/notify-by';
import { contactOf, type StoredContact } from './contact-fields';
import { documentsOf } from './documents';
import type { ChildDetails } from '../core/enrolment/child-details';
import type { ConsentRecord } from '../core/privacy/notice';

export const ENROLMENT_UID = UID.enrolment;

export type EnrolmentStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** Why an enrolment was cancelled when the person did not cancel it: staff withdrew the activity. */
export type EnrolmentCancelReason = 'activity_withdrawn';

/** What places are counted against: a whole course term or event, or one session. */
export interface EnrolmentTarget {
  kind: ActivityKind;
  activityId: string;
  sessionId: string | null;
}

export interface EnrolmentRow extends EnrolmentTarget {
  documentId: string;
  name: string;
  phone: string | null;
  email: string | null;
  notifyBy: NotifyBy;
  people: number;
  note: string | null;
  status: EnrolmentStatus;
  position: number | null;
  language: 'zh-CN' | 'en';
  createdAt: Date | null;
  cancelReason?: EnrolmentCancelReason | null;
  /** A children's activity: the child's given name and grade, the people allowed to collect them. Staff only. */
  childName?: string | null;
  childGrade?: string | null;
  collectors?: Array<{ name: string; phone: string }> | null;
  consentVersion?: string | null;
  consentBy?: 'person' | 'staff' | null;
}

interface EnrolmentDocument extends StoredContact {
  documentId: string;
  activityKind: ActivityKind;
  activityId: string;
  sessionId?: string | null;
  name: string;
  people: number;
  note?: string | null;
  status: EnrolmentStatus;
  position?: number | null;
  createdAt?: string | null;
  cancelReason?: EnrolmentCancelReason | null;
  childName?: string | null;
  childGrade?: string | null;
  collectors?: unknown;
  consentVersion?: string | null;
  consentBy?: 'person' | 'staff' | null;
}

const fromDocument = (d: EnrolmentDocument): EnrolmentRow => ({
  documentId: d.documentId,
  kind: d.activityKind,
  activityId: d.activityId,
  sessionId: d.sessionId ?? null,
  name: d.name,
  ...contactOf(d),
  people: d.people,
  note: d.note ?? null,
  status: d.status,
  position: d.position ?? null,
  createdAt: d.createdAt ? new Date(d.createdAt) : null,
  cancelReason: d.cancelReason ?? null,
  childName: d.childName ?? null,
  childGrade: d.childGrade ?? null,
  collectors: Array.isArray(d.collectors) ? (d.collectors as Array<{ name: string; phone: string }>) : null,
  consentVersion: d.consentVersion ?? null,
  consentBy: d.consentBy ?? null,
});

export const targetKey = (t: EnrolmentTarget) => `${t.kind}:${t.activityId}:${t.sessionId ?? 'term'}`;

const targetFilter = (t: EnrolmentTarget) => ({ activityKind: t.kind, activityId: t.activityId, sessionId: t.sessionId === null ? { $null: true } : t.sessionId });

export const enrolmentRepository = (strapi: Core.Strapi) => {
  const docs = () => documentsOf<EnrolmentDocument>(strapi, ENROLMENT_UID);
  const findMany = async (filters: Record<string, unknown>) => (await docs().findMany({ filters, sort: [{ createdAt: 'asc' }, { id: 'asc' }], limit: 100_000 })).map(fromDocument);

  return {
    /** Everyone enrolled on or waiting for a target (not the cancelled). */
    active: (t: EnrolmentTarget) => findMany({ ...targetFilter(t), status: { $in: ['confirmed', 'waitlisted'] } }),

    /** Everyone on a session's roster: the term's enrolments, then the session's own (drop-in). */
    async onRoster(s: { activityKind: ActivityKind; activityId: string; documentId: string }): Promise<EnrolmentRow[]> {
      return [
        ...(await this.active({ kind: s.activityKind, activityId: s.activityId, sessionId: null })),
        ...(await this.active({ kind: s.activityKind, activityId: s.activityId, sessionId: s.documentId })),
      ];
    },

    /** Confirmed and waiting enrolments of several activities of one kind, read at once (the board counts them). */
    forActivities: (kind: ActivityKind, activityIds: string[]) =>
      activityIds.length === 0 ? Promise.resolve([] as EnrolmentRow[]) : findMany({ activityKind: kind, activityId: { $in: activityIds }, status: { $in: ['confirmed', 'waitlisted'] } }),

    forActivity: (kind: ActivityKind, activityId: string) => findMany({ activityKind: kind, activityId, status: { $in: ['confirmed', 'waitlisted'] } }),

    async findById(documentId: string): Promise<EnrolmentRow | null> {
      const d = await docs().findOne({ documentId });
      return d ? fromDocument(d) : null;
    },

    /** The enrolment a manage link opens: its own link, or the one "find my booking" last sent. */
    findByTokenHash: async (tokenHash: string) => (await findMany({ $or: [{ manageTokenHash: tokenHash }, { foundTokenHash: tokenHash }] }))[0] ?? null,

    /** Every enrolment still holding a place or a waiting-list position, whoever made it. */
    allActive: () => findMany({ status: { $in: ['confirmed', 'waitlisted'] } }),

    /** The link "find my booking" sent: it replaces the one sent before, never the enrolment's own. */
    async setFoundTokenHash(documentId: string, foundTokenHash: string): Promise<void> {
      await docs().update({ documentId, data: { foundTokenHash } });
    },

    async activeCountBySession(kind: ActivityKind, activityId: string): Promise<Map<string, number>> {
      const rows = await findMany({ activityKind: kind, activityId, sessionId: { $notNull: true }, status: { $in: ['confirmed', 'waitlisted'] } });
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r.sessionId!, (counts.get(r.sessionId!) ?? 0) + r.people);
      return counts;
    },

    async create(row: Omit<EnrolmentRow, 'documentId' | 'createdAt' | 'consentVersion' | 'consentBy'> & { manageTokenHash: string } & ConsentRecord & Partial<ChildDetails>) {
      const { kind, ...rest } = row;
      return fromDocument(await docs().create({ data: { ...rest, activityKind: kind } }));
    },

    async update(documentId: string, data: { status?: EnrolmentStatus; position?: number | null; cancelReason?: EnrolmentCancelReason | null }) {
      return fromDocument(await docs().update({ documentId, data }));
    },
  };
};
