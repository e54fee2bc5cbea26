import type { Core } from '@strapi/strapi';

export const ATTENDANCE_UID = 'plugin::booking.attendance';

/** One line of a session's sign-in: an enrolment that came (with how many people), or walk-ins (no enrolment). */
export interface AttendanceRow {
  sessionId: string;
  enrolmentId: string | null;
  people: number;
}

const fromDocument = (d: any): AttendanceRow => ({ sessionId: d.sessionId, enrolmentId: d.enrolmentId ?? null, people: d.people ?? 0 });

/** Long `$in` lists are split so no database meets its limit on bound parameters. */
const CHUNK = 500;

export const attendanceRepository = (strapi: Core.Strapi) => {
  const docs = () => strapi.documents(ATTENDANCE_UID as any);
  const raw = (sessionIds: string[]) =>
    docs().findMany({ filters: { sessionId: { $in: sessionIds } }, sort: [{ id: 'asc' }], limit: 100_000 } as any) as Promise<any[]>;

  return {
    async forSessions(sessionIds: string[]): Promise<AttendanceRow[]> {
      const rows: AttendanceRow[] = [];
      for (let i = 0; i < sessionIds.length; i += CHUNK) rows.push(...(await raw(sessionIds.slice(i, i + CHUNK))).map(fromDocument));
      return rows;
    },

    /** Replaces what was recorded for the session; call inside the caller's transaction. */
    async replace(sessionId: string, rows: Omit<AttendanceRow, 'sessionId'>[]): Promise<void> {
      for (const d of await raw([sessionId])) await docs().delete({ documentId: d.documentId } as any);
      for (const r of rows) await docs().create({ data: { sessionId, enrolmentId: r.enrolmentId, people: r.people } } as any);
    },
  };
};
