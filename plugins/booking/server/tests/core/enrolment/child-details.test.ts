import { checkChildDetails } from '../../../src/core/enrolment/child-details';

const complete = { phone: '13700000001', people: 1, guardianConsent: true, childName: '小明', childGrade: '3' as const, collectors: [{ name: '外婆', phone: '13600001111' }] };

describe('checkChildDetails', () => {
  it('keeps a children’s enrolment’s child, grade and collectors', () => {
    expect(checkChildDetails(true, complete)).toEqual({
      details: { guardianConsent: true, childName: '小明', childGrade: '3', collectors: [{ name: '外婆', phone: '13600001111' }] },
      problems: [],
    });
  });

  it('names every missing piece of a children’s enrolment', () => {
    const { details, problems } = checkChildDetails(true, { phone: null, people: 2, guardianConsent: false });
    expect(details).toBeNull();
    expect(problems.map((p) => p.path)).toEqual(['phone', 'guardianConsent', 'childName', 'childGrade', 'people']);
  });

  it('takes no child’s details for an activity not for children, and needs none', () => {
    expect(checkChildDetails(false, { phone: null, people: 3 })).toEqual({ details: null, problems: [] });
    expect(checkChildDetails(false, complete).problems.map((p) => p.path)).toEqual(['guardianConsent', 'childName', 'childGrade', 'collectors']);
    // A form that sends the box unticked gives nothing away.
    expect(checkChildDetails(false, { guardianConsent: false, childName: '', collectors: [] }).problems).toEqual([]);
  });
});
