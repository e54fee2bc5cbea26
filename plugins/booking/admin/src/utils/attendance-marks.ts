import type { MarkAttendanceRequest, Roster } from '../../../shared/contracts/session-roster';

/** What staff tapped for one person: present (with how many of their party came) or absent; unmarked until tapped. */
export type Mark = { state: 'present'; people: number } | { state: 'absent' };
export type Marks = Record<string, Mark | undefined>;

export interface AttendanceDraft {
  marks: Marks;
  walkIns: number;
}

/** The marks as last saved: once attendance was recorded, everyone not present was absent. */
export const draftFromRoster = (roster: Roster): AttendanceDraft => {
  const marks: Marks = {};
  for (const p of roster.confirmed) {
    if (p.present) marks[p.enrolment] = { state: 'present', people: p.presentPeople ?? p.people };
    else if (roster.attendance.marked) marks[p.enrolment] = { state: 'absent' };
  }
  return { marks, walkIns: roster.attendance.walkIns };
};

/** 人次: everyone who came, each enrolment counting the people of its party who came, plus walk-ins. */
export const personVisits = (draft: AttendanceDraft): number =>
  Object.values(draft.marks).reduce((n, m) => n + (m?.state === 'present' ? m.people : 0), 0) + draft.walkIns;

/** The request POST /booking/sessions/:id/attendance takes; the unmarked are not present. */
export const attendanceRequest = (roster: Roster, draft: AttendanceDraft): MarkAttendanceRequest => ({
  data: {
    present: roster.confirmed.flatMap((p) => {
      const m = draft.marks[p.enrolment];
      return m?.state === 'present' ? [{ enrolment: p.enrolment, people: m.people }] : [];
    }),
    walkIns: draft.walkIns,
  },
});
