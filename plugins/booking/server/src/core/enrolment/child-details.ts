import type { SchoolGrade } from '../../../../shared/school-grade';

/** What a guardian sends for a children's activity (all optional on the wire). */
export interface ChildDetailsInput {
  phone?: string | null;
  people?: number;
  guardianConsent?: boolean | null;
  childName?: string | null;
  childGrade?: SchoolGrade | null;
  collectors?: Array<{ name: string; phone?: string | null }> | null;
}

/** What an enrolment keeps of a child: a given name, a grade, the guardian's consent and who may collect them. */
export interface ChildDetails {
  guardianConsent: boolean;
  childName: string;
  childGrade: SchoolGrade;
  collectors: Array<{ name: string; phone: string }>;
}

export interface ChildDetailsProblem {
  path: string;
  message: string;
  code: string;
}

/**
 * A children's activity takes a guardian's phone and separate consent (PIPL art. 31, under 14s) and
 * one child per enrolment; any other activity takes no child's data at all, so none is kept by mistake.
 */
export const checkChildDetails = (forChildren: boolean, input: ChildDetailsInput): { details: ChildDetails | null; problems: ChildDetailsProblem[] } => {
  const problems: ChildDetailsProblem[] = [];
  if (!forChildren) {
    const given = { guardianConsent: input.guardianConsent === true, childName: !!input.childName, childGrade: !!input.childGrade, collectors: (input.collectors?.length ?? 0) > 0 };
    for (const [path, isGiven] of Object.entries(given)) {
      if (isGiven) problems.push({ path, message: 'must be left out: this activity is not for children', code: 'not_for_children' });
    }
    return { details: null, problems };
  }
  if (!input.phone) problems.push({ path: 'phone', message: "is required: the guardian's phone number", code: 'guardian_phone_required' });
  if (input.guardianConsent !== true) problems.push({ path: 'guardianConsent', message: "is required: the guardian agrees to the centre keeping the child's details", code: 'guardian_consent_required' });
  if (!input.childName) problems.push({ path: 'childName', message: "is required: the child's given name", code: 'child_name_required' });
  if (!input.childGrade) problems.push({ path: 'childGrade', message: "is required: the child's school grade", code: 'child_grade_required' });
  if ((input.people ?? 1) !== 1) problems.push({ path: 'people', message: 'must be 1: enrol each child on their own', code: 'one_child_each' });
  if (problems.length > 0) return { details: null, problems };
  return {
    details: {
      guardianConsent: true,
      childName: input.childName!,
      childGrade: input.childGrade!,
      collectors: (input.collectors ?? []).map((c) => ({ name: c.name, phone: c.phone ?? '' })),
    },
    problems,
  };
};
