import { isSamePerson, type ContactDetails } from '../contact/same-person';

/** The same phone number or email as an existing enrolment; blank details match nothing. */
export function isDuplicateEnrolment(candidate: ContactDetails, existing: ContactDetails[]): boolean {
  return existing.some((e) => isSamePerson(candidate, e));
}
