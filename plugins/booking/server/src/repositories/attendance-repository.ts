import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { documentsOf, inChunks } from './documents';

export const ATTENDANCE_UID = UID.attendance;

/** One line of a session's sign-in: an enrolment that came (with how many people), or walk-ins (no enrolment). */
export interface AttendanceRow {
  sessionId: string;
  enrolmentId: string | null;
  people: number;
}

interface AttendanceDocument {
  documentId: string;
  sessionId: string;
  enrolmentId?: string | null;
  people?: number | null;
}

const fromDocument = (d: AttendanceDocument): AttendanceRow => ({ sessionId: d.sessionId, enrolmentId: d.enrolmentId ?? null, people: d.people ?? 0 });

/** Long `$in` lists are split so no database meets its limit on bound parameters. */
const CHUNK = 500;

export const attendanceRepository = (strapi: Core.Strapi) => {
  const docs = () => documentsOf<AttendanceDocument>(strapi, ATTENDANCE_UID);
  const raw = (sessionIds: string[]) => docs().findMany({ filters: { sessionId: { $in: sessionIds } }, sort: [{ id: 'asc' }], limit: 100_000 });

  return {
    async forSessions(sessionIds: string[]): Promise<AttendanceRow[]> {
      return (await inChunks(sessionIds, CHUNK, raw)).map(fromDocument);
    },

    /** Replaces what was recorded for the session; call inside the caller's transaction. */
    async replace(sessionId: string, rows: Omit<AttendanceRow, 'sessionId'>[]): Promise<void> {
      for (const d of await raw([sessionId])) await docs().delete({ documentId: d.documentId });
      for (const r of rows) await docs().create({ data: { sessionId, enrolmentId: r.enrolmentId, people: r.people } });
    },
  };
};
