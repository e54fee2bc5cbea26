import type { Violation } from './violation';

export interface EnrolmentWindowInput {
  now: Date;
  /** Null: open as soon as the course is published. */
  opensAt: Date | null;
  /** Null: closes when the first session starts (see below). */
  closesAt: Date | null;
  firstSessionStart: Date | null;
  courseEnded: boolean;
}

/**
 * Whether enrolment is open at `now`: the window is [opensAt, close), close being
 * closesAt, or else the first session's start. Courses are taken as a whole term, so
 * by default nobody joins once it has begun; a course that accepts late joiners sets
 * closesAt later explicitly. With neither closesAt nor a session, there is no close.
 *
 * Gives at most one violation: 'closed' for an ended course or a passed close,
 * otherwise 'not_open_yet' before opensAt.
 */
export function checkEnrolmentWindow(input: EnrolmentWindowInput): Violation[] {
  const { now, opensAt, closesAt, firstSessionStart, courseEnded } = input;
  if (courseEnded) {
    return [{ path: 'course', code: 'closed', message: 'the course has ended' }];
  }
  const closes = closesAt ?? firstSessionStart;
  if (closes && now.getTime() >= closes.getTime()) {
    const why = closesAt ? `enrolment closed at ${closes.toISOString()}` : `enrolment closed when the course began, at ${closes.toISOString()}`;
    return [{ path: 'course', code: 'closed', message: why }];
  }
  if (opensAt && now.getTime() < opensAt.getTime()) {
    return [{ path: 'course', code: 'not_open_yet', message: `enrolment opens at ${opensAt.toISOString()}` }];
  }
  return [];
}
