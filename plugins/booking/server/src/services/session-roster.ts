import type { Core } from '@strapi/strapi';
import { absenceRepository } from '../repositories/absence-repository';
import { attendanceRepository } from '../repositories/attendance-repository';
import { enrolmentRepository } from '../repositories/enrolment-repository';
import type { CsvSheet } from '../utils/csv';
import { bookingConfig } from '../utils/plugin-config';
import { rosterSheet } from '../views/roster-sheet';
import { rosterView, type Roster } from '../views/session-staff';
import { staffSession } from './staff-session';

/** Who is coming to one session (and who came), for staff, as JSON or as a sheet to print. */
const sessionRoster = ({ strapi }: { strapi: Core.Strapi }) => {
  const tz = () => bookingConfig(strapi).timezone;
  const reads = staffSession(strapi);

  const roster = async (id: string): Promise<Roster> => {
    const s = await reads.load(id);
    const [activity, room, rows, marks, absences] = await Promise.all([
      reads.activityOf(s),
      reads.roomOf(s.roomId),
      enrolmentRepository(strapi).onRoster(s),
      attendanceRepository(strapi).forSessions([id]),
      absenceRepository(strapi).forSessions([id]),
    ]);
    return rosterView(s, activity, room, rows, marks, tz(), new Set(absences.map((a) => a.enrolmentId)));
  };

  return {
    roster,
    /** A roster already read (its phones masked for the reader) as a sheet. */
    sheetOf: (r: Roster): CsvSheet => rosterSheet(r, tz()),
  };
};

export default sessionRoster;
export type SessionRosterService = ReturnType<typeof sessionRoster>;
