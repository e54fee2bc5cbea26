import type { Core } from '@strapi/strapi';
import { inTransaction } from '../repositories/transaction';
import { zonedDateOf } from '../core/time/zoned';
import { attendanceRepository } from '../repositories/attendance-repository';
import { enrolmentRepository } from '../repositories/enrolment-repository';
import { lockSession } from '../repositories/locks';
import type { AttendanceInput } from '../schemas/sessions';
import { validationError, type FieldError } from '../utils/errors';
import { bookingConfig } from '../utils/plugin-config';
import sessionRoster from './session-roster';
import { staffSession } from './staff-session';

/** Staff mark who came to a session, on the day or after. */
const sessionAttendance = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Records who came, replacing what was recorded before; walk-ins came without enrolling. Answers the roster. */
  async markAttendance(id: string, input: AttendanceInput, now: Date) {
    const tz = bookingConfig(strapi).timezone;
    const s = await staffSession(strapi).load(id);
    if (s.status === 'cancelled') throw validationError([{ path: 'session', message: 'has been cancelled: nobody came to it' }]);
    if (zonedDateOf(s.start, tz) > zonedDateOf(now, tz)) throw validationError([{ path: 'session', message: `takes place on ${zonedDateOf(s.start, tz)}: mark attendance on the day or after` }]);
    const onRoster = new Map((await enrolmentRepository(strapi).onRoster(s)).map((r) => [r.documentId, r]));
    const problems: FieldError[] = [];
    const seen = new Set<string>();
    input.present.forEach((p, i) => {
      if (!onRoster.has(p.enrolment)) problems.push({ path: `present.${i}.enrolment`, message: 'is not on this session’s roster' });
      else if (seen.has(p.enrolment)) problems.push({ path: `present.${i}.enrolment`, message: 'is listed twice' });
      seen.add(p.enrolment);
    });
    if (problems.length > 0) throw validationError(problems);
    const rows = [
      ...input.present.map((p) => ({ enrolmentId: p.enrolment, people: p.people ?? onRoster.get(p.enrolment)!.people })),
      // The walk-in line is written even at 0, so a session where nobody came still reads as marked.
      { enrolmentId: null, people: input.walkIns ?? 0 },
    ];
    await inTransaction(strapi, async (trx) => {
      await lockSession(strapi, trx, id);
      await attendanceRepository(strapi).replace(id, rows);
    });
    return sessionRoster({ strapi }).roster(id);
  },
});

export default sessionAttendance;
export type SessionAttendanceService = ReturnType<typeof sessionAttendance>;
