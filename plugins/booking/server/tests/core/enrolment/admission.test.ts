import fc from 'fast-check';
import { admit, type AdmissionInput } from '../../../src/core/enrolment/admission';

const course = { capacity: 10, confirmedPeople: 0, waitlistOn: true, people: 1, maxPeoplePerEnrolment: 4 };
const admitted = (change: Partial<AdmissionInput>) => admit({ ...course, ...change });
const codeOf = (result: ReturnType<typeof admit>) => ('refused' in result ? result.refused.code : result.status);

describe('admit', () => {
  it('confirms while places are left', () => {
    expect(admitted({ confirmedPeople: 9, people: 1 })).toEqual({ status: 'confirmed' });
    expect(admitted({ confirmedPeople: 6, people: 4 })).toEqual({ status: 'confirmed' });
  });

  it('waitlists a group larger than the places left (no partial admission)', () => {
    expect(admitted({ confirmedPeople: 8, people: 3 })).toEqual({ status: 'waitlisted' });
    expect(admitted({ confirmedPeople: 10, people: 1 })).toEqual({ status: 'waitlisted' });
  });

  it('refuses when full and there is no waiting list, saying how many places are left', () => {
    expect(admitted({ confirmedPeople: 10, waitlistOn: false })).toEqual({
      refused: { path: 'people', code: 'full_no_waitlist', message: 'the course is full and has no waiting list' },
    });
    expect(admitted({ confirmedPeople: 8, people: 3, waitlistOn: false })).toEqual({
      refused: {
        path: 'people',
        code: 'full_no_waitlist',
        message: 'only 2 places are left, fewer than the 3 people asked for, and the course has no waiting list',
      },
    });
    expect(admitted({ confirmedPeople: 9, people: 2, waitlistOn: false })).toMatchObject({
      refused: { message: expect.stringContaining('only 1 place is left') },
    });
  });

  it('refuses more people than one enrolment may bring, even with room', () => {
    expect(admitted({ people: 5 })).toEqual({
      refused: { path: 'people', code: 'too_many_people', message: 'one enrolment may bring at most 4 people, not 5' },
    });
  });

  it('refuses a group larger than the whole course, which could never leave the waiting list', () => {
    expect(admitted({ capacity: 3, maxPeoplePerEnrolment: 6, people: 4, confirmedPeople: 3 })).toMatchObject({
      refused: { code: 'too_many_people' },
    });
  });

  it('refuses a number of people that is not a whole number of at least 1', () => {
    for (const people of [0, -1, 1.5, Number.NaN]) expect(codeOf(admitted({ people }))).toBe('invalid_people');
  });

  it('treats a course over capacity (capacity lowered later) as full', () => {
    expect(admitted({ capacity: 5, confirmedPeople: 8 })).toEqual({ status: 'waitlisted' });
    expect(codeOf(admitted({ capacity: 5, confirmedPeople: 8, waitlistOn: false }))).toBe('full_no_waitlist');
  });

  it('sends newcomers behind people already waiting, even when they would fit', () => {
    expect(admitted({ confirmedPeople: 8, people: 1, waitingEnrolments: 1 })).toEqual({ status: 'waitlisted' });
    expect(admitted({ confirmedPeople: 8, people: 1, waitingEnrolments: 0 })).toEqual({ status: 'confirmed' });
    expect(admitted({ confirmedPeople: 8, people: 1, waitingEnrolments: 2, waitlistOn: false })).toMatchObject({
      refused: { code: 'full_no_waitlist', message: expect.stringContaining('held for people already on the waiting list') },
    });
  });

  it('property: confirmed exactly when the whole group fits and nobody waits, never over capacity', () => {
    fc.assert(
      fc.property(
        fc.record({
          capacity: fc.integer({ min: 1, max: 40 }),
          confirmedPeople: fc.integer({ min: 0, max: 45 }),
          waitlistOn: fc.boolean(),
          people: fc.integer({ min: 1, max: 8 }),
          maxPeoplePerEnrolment: fc.integer({ min: 1, max: 6 }),
          waitingEnrolments: fc.nat({ max: 3 }),
        }),
        (input) => {
          const result = admit(input);
          const fits = input.confirmedPeople + input.people <= input.capacity;
          const allowed = input.people <= input.maxPeoplePerEnrolment && input.people <= input.capacity;
          if (!allowed) expect(codeOf(result)).toBe('too_many_people');
          else if (fits && input.waitingEnrolments === 0) expect(result).toEqual({ status: 'confirmed' });
          else expect(codeOf(result)).toBe(input.waitlistOn ? 'waitlisted' : 'full_no_waitlist');
          if (codeOf(result) === 'confirmed') expect(input.confirmedPeople + input.people).toBeLessThanOrEqual(input.capacity);
        }
      ),
      { numRuns: 1000 }
    );
  });
});
