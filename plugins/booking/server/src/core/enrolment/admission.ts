import type { Violation } from './violation';

export type { Violation } from './violation';

export interface AdmissionInput {
  capacity: number;
  /** People (not enrolments) already confirmed. */
  confirmedPeople: number;
  waitlistOn: boolean;
  /** Size of the group asking; one enrolment may bring family members. */
  people: number;
  maxPeoplePerEnrolment: number;
  /**
   * Enrolments already waiting. Newcomers queue behind them even when places are
   * free (those places are free only because the first in line does not fit yet),
   * so the waiting list stays first come, first served. Defaults to 0.
   */
  waitingEnrolments?: number;
}

export type Admission = { status: 'confirmed' } | { status: 'waitlisted' } | { refused: Violation };

const refuse = (code: string, message: string): Admission => ({ refused: { path: 'people', code, message } });

/**
 * Whether an enrolment of `people` is confirmed, put on the waiting list or refused.
 * A group is confirmed only when all its places are free: no partial admission,
 * families are not split between confirmed and waiting. A group larger than the
 * whole course is refused, as it would otherwise block the waiting list for good.
 */
export function admit(input: AdmissionInput): Admission {
  const { capacity, confirmedPeople, waitlistOn, people, maxPeoplePerEnrolment } = input;
  const waiting = input.waitingEnrolments ?? 0;

  if (!Number.isInteger(people) || people < 1) {
    return refuse('invalid_people', `people must be a whole number of at least 1, not ${people}`);
  }
  if (people > maxPeoplePerEnrolment) {
    return refuse('too_many_people', `one enrolment may bring at most ${maxPeoplePerEnrolment} people, not ${people}`);
  }
  if (people > capacity) {
    return refuse('too_many_people', `the course has ${capacity} places in all, fewer than the ${people} people asked for`);
  }

  const free = Math.max(0, capacity - confirmedPeople);
  if (people <= free && waiting === 0) return { status: 'confirmed' };
  if (waitlistOn) return { status: 'waitlisted' };
  if (waiting > 0) {
    return refuse('full_no_waitlist', 'the remaining places are held for people already on the waiting list');
  }
  return refuse(
    'full_no_waitlist',
    free === 0
      ? 'the course is full and has no waiting list'
      : `only ${free} ${free === 1 ? 'place is' : 'places are'} left, fewer than the ${people} people asked for, and the course has no waiting list`
  );
}
