import { checkDraft, emptyDraft, formFieldOf, serverFieldMessage } from '../../../../../../../plugins/booking/admin/src/utils/enrolment-form';

/** The message's id stands for its translation. */
const t = (id: string) => id;
const draft = (patch: Partial<ReturnType<typeof emptyDraft>>) => ({ ...emptyDraft(), name: '钱奶奶', phone: '13900000051', consent: true, ...patch });

describe('the desk’s enrolment form', () => {
  it('accepts a name and a phone, with or without an e-mail', () => {
    expect(checkDraft(draft({}), 1, t)).toEqual({});
    expect(checkDraft(draft({ email: 'qian@example.org', phone: '+86 139-0000-0051' }), 1, t)).toEqual({});
  });

  it('names each field that is wrong, with the message saying what to fix', () => {
    expect(checkDraft(draft({ name: '  ', phone: '' }), 1, t)).toEqual({ name: 'activities.error.nameRequired', phone: 'activities.error.phoneRequired' });
    expect(checkDraft(draft({ phone: '打电话' }), 1, t)).toEqual({ phone: 'activities.error.phoneShape' });
    expect(checkDraft(draft({ phone: '139' }), 1, t)).toEqual({ phone: 'activities.error.phoneDigits' });
    expect(checkDraft(draft({ email: 'qian@' }), 1, t)).toEqual({ email: 'activities.error.email' });
    expect(checkDraft(draft({ people: '0' }), 1, t)).toEqual({ people: 'activities.error.people' });
    expect(checkDraft(draft({ people: '3' }), 2, t)).toEqual({ people: 'activities.error.peopleMax' });
  });

  it('says the server’s refusals by their rule code, else by what the field needs, and puts them where they belong', () => {
    expect(serverFieldMessage('phone', { message: 'is already enrolled here', code: 'already_enrolled' }, t)).toBe('activities.error.alreadyEnrolled');
    expect(serverFieldMessage('phone', { message: 'must be a phone number of digits, spaces or dashes' }, t)).toBe('activities.error.phoneInvalid');
    expect(serverFieldMessage('activity', { message: 'enrolment closed', code: 'closed' }, t)).toBe('activities.error.closed');
    expect(formFieldOf('phone')).toBe('phone');
    expect(formFieldOf('activity')).toBe('form');
  });

  it('lets staff record how the caller wants to be told, refusing mail without an address before it is sent', () => {
    expect(checkDraft(draft({ notifyBy: 'sms' }), 1, t)).toEqual({});
    expect(checkDraft(draft({ notifyBy: 'call' }), 1, t)).toEqual({});
    expect(checkDraft(draft({ notifyBy: 'email', email: 'qian@example.org' }), 1, t)).toEqual({});
    expect(checkDraft(draft({ notifyBy: 'email' }), 1, t)).toEqual({ notifyBy: 'activities.error.notifyNeedsEmail' });
    // Only the server can tell a fixed line from a mobile; its refusal lands beside the choice.
    expect(serverFieldMessage('notifyBy', { message: 'is sms: the phone number is not a mobile number', code: 'notify_not_mobile' }, t)).toBe('activities.error.notifyNotMobile');
    expect(formFieldOf('notifyBy')).toBe('notifyBy');
  });

  it('asks staff to confirm the caller agreed to the privacy notice, and for a child the guardian’s consent, name and grade', () => {
    expect(checkDraft(draft({ consent: false }), 1, t)).toEqual({ consentConfirmed: 'privacy.error.consent' });
    expect(checkDraft(draft({}), 1, t, true)).toEqual({ guardianConsent: 'privacy.error.guardianConsent', childName: 'privacy.error.childName', childGrade: 'privacy.error.childGrade' });
    const child = { guardianConsent: true, childName: '小明', childGrade: '3' };
    expect(checkDraft(draft(child), 1, t, true)).toEqual({});
    expect(checkDraft(draft({ ...child, collectors: [{ name: '外婆', phone: '' }, { name: '', phone: '' }] }), 1, t, true)).toEqual({ collectors: 'privacy.error.collectors' });
    expect(checkDraft(draft({ ...child, collectors: [{ name: '外婆', phone: '13600001111' }, { name: '', phone: '' }] }), 1, t, true)).toEqual({});
    expect(formFieldOf('collectors.1.phone')).toBe('collectors');
    expect(formFieldOf('consentConfirmed')).toBe('consentConfirmed');
  });
});
