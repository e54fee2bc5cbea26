import type { Roster, RosterPerson } from '../../../../../../../plugins/booking/shared/contracts/session-roster';
import { attendanceRequest, draftFromRoster, personVisits } from '../../../../../../../plugins/booking/admin/src/utils/attendance-marks';

const person = (enrolment: string, people: number, present: number | null = null): RosterPerson => ({
  enrolment,
  status: 'confirmed',
  position: null,
  name: enrolment,
  phone: null,
  email: null,
  notifyBy: 'call',
  people,
  note: null,
  child: null,
  language: 'zh-CN',
  enrolledAt: null,
  present: present !== null,
  presentPeople: present,
  away: false,
});

const roster = (confirmed: RosterPerson[], attendance: Roster['attendance']): Roster => ({
  activity: { kind: 'course', id: 'c', slug: 'c', title: 'C', enrolmentMode: 'term', capacity: 10 },
  session: { id: 's', start: '2026-12-01T16:30:00+08:00', end: '2026-12-01T18:00:00+08:00', status: 'scheduled', note: null, capacity: 10, room: null, roomOverride: false, scheduled: null },
  confirmed,
  waitlist: [],
  totals: { confirmed: confirmed.length, confirmedPeople: 0, waiting: 0, waitingPeople: 0 },
  attendance,
});

describe('attendance marks', () => {
  it('start unmarked before anyone saved, and as saved afterwards (the rest absent)', () => {
    const fresh = roster([person('wang', 1), person('chen', 2)], { marked: false, present: 0, walkIns: 0, personVisits: 0 });
    expect(draftFromRoster(fresh)).toEqual({ marks: {}, walkIns: 0 });
    const saved = roster([person('wang', 1, 1), person('chen', 2)], { marked: true, present: 1, walkIns: 3, personVisits: 4 });
    expect(draftFromRoster(saved)).toEqual({ marks: { wang: { state: 'present', people: 1 }, chen: { state: 'absent' } }, walkIns: 3 });
  });

  it('count 人次 as the people of each party who came, plus walk-ins', () => {
    expect(personVisits({ marks: { wang: { state: 'present', people: 1 }, chen: { state: 'present', people: 2 }, li: { state: 'absent' }, zhao: undefined }, walkIns: 3 })).toBe(6);
  });

  it('send only the present, in roster order, with the walk-ins', () => {
    const r = roster([person('wang', 1), person('chen', 2), person('li', 1)], { marked: false, present: 0, walkIns: 0, personVisits: 0 });
    expect(attendanceRequest(r, { marks: { chen: { state: 'present', people: 2 }, li: { state: 'absent' } }, walkIns: 3 })).toEqual({ data: { present: [{ enrolment: 'chen', people: 2 }], walkIns: 3 } });
  });
});
