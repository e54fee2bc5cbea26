import type { NotifyBy } from '../../../shared/notify-by';
import { normalisePhone } from '../../../shared/phone';
import type { Translate } from './use-t';

/** The desk's enrolment form: checked here in the reader's language, and the server's refusals put into it too. */

export interface EnrolmentDraft {
  name: string;
  phone: string;
  email: string;
  people: string;
  note: string;
  language: 'zh-CN' | 'en';
  /** How the caller wants to be told; '' leaves it to the server (mail when an address is given, else a call). */
  notifyBy: NotifyBy | '';
  /** Staff confirm the person heard the privacy notice and agreed. */
  consent: boolean;
  /** A children's activity: the guardian's separate consent, the child, and up to two people who may collect them. */
  guardianConsent: boolean;
  childName: string;
  childGrade: string;
  collectors: Array<{ name: string; phone: string }>;
}

export type EnrolmentField = 'name' | 'phone' | 'email' | 'people' | 'note' | 'notifyBy' | 'session' | 'consentConfirmed' | 'guardianConsent' | 'childName' | 'childGrade' | 'collectors' | 'form';

export const emptyDraft = (): EnrolmentDraft => ({
  name: '',
  phone: '',
  email: '',
  people: '1',
  note: '',
  language: 'zh-CN',
  notifyBy: '',
  consent: false,
  guardianConsent: false,
  childName: '',
  childGrade: '',
  collectors: [
    { name: '', phone: '' },
    { name: '', phone: '' },
  ],
});

/** The collectors staff filled in: a row with neither name nor phone is no one. */
export const collectorsOf = (draft: EnrolmentDraft) => draft.collectors.map((c) => ({ name: c.name.trim(), phone: c.phone.trim() })).filter((c) => c.name || c.phone);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with the draft, by field, before anything is sent. */
export const checkDraft = (draft: EnrolmentDraft, maxPeople: number, t: Translate, forChildren = false): Partial<Record<EnrolmentField, string>> => {
  const errors: Partial<Record<EnrolmentField, string>> = {};
  if (!draft.consent) errors.consentConfirmed = t('privacy.error.consent', 'Read them the privacy notice and tick the box once they agree.');
  if (forChildren) {
    if (!draft.guardianConsent) errors.guardianConsent = t('privacy.error.guardianConsent', 'The guardian must agree for the child: tick the box once they do.');
    if (draft.childName.trim() === '') errors.childName = t('privacy.error.childName', 'Enter the child’s given name.');
    else if (draft.childName.trim().length > 20) errors.childName = t('privacy.error.childNameLong', 'The given name may have at most 20 characters.');
    if (draft.childGrade === '') errors.childGrade = t('privacy.error.childGrade', 'Choose the child’s school grade.');
    if (collectorsOf(draft).some((c) => !c.name || normalisePhone(c.phone) === null)) errors.collectors = t('privacy.error.collectors', 'Give each person who may collect the child a name and a phone number.');
  }
  if (draft.name.trim() === '') errors.name = t('activities.error.nameRequired', 'Enter the name of the person taking part.');
  else if (draft.name.trim().length > 80) errors.name = t('activities.error.nameTooLong', 'The name may have at most 80 characters.');
  const phone = draft.phone.trim();
  if (phone === '') errors.phone = t('activities.error.phoneRequired', 'Enter a phone number the centre can call.');
  // Characters first, then the number of digits, so a short number is not told it has wrong characters.
  else if (!/^[+\d\s-]+$/.test(phone)) errors.phone = t('activities.error.phoneShape', 'A phone number has only digits, spaces or dashes.');
  else if (normalisePhone(phone) === null) errors.phone = t('activities.error.phoneDigits', 'This number has too few or too many digits (a mobile number has 11).');
  if (draft.email.trim() !== '' && !EMAIL.test(draft.email.trim())) errors.email = t('activities.error.email', 'This is not an e-mail address.');
  const people = Number(draft.people);
  if (!Number.isInteger(people) || people < 1) errors.people = t('activities.error.people', 'Enter a whole number of at least 1.');
  else if (people > maxPeople) errors.people = t('activities.error.peopleMax', 'One enrolment may bring at most {max} people.', { max: maxPeople });
  // Whether a number takes text messages only the server knows (the phone library's full metadata is too large here).
  if (draft.notifyBy === 'email' && draft.email.trim() === '') errors.notifyBy = t('activities.error.notifyNeedsEmail', 'To tell them by e-mail, enter their e-mail address.');
  if (draft.note.trim().length > 300) errors.note = t('activities.error.noteTooLong', 'The note may have at most 300 characters.');
  return errors;
};

/** The server's refusal of one field, in the reader's language: its rule code if it has one, else what that field needs. */
export const serverFieldMessage = (field: string, error: { message: string; code?: string }, t: Translate): string => {
  switch (error.code) {
    case 'already_enrolled':
      return t('activities.error.alreadyEnrolled', 'Someone with this phone number or e-mail is already enrolled here.');
    case 'too_many_people':
      return t('activities.error.tooManyPeople', 'Too many people for one enrolment here.');
    case 'full_no_waitlist':
      return t('activities.error.full', 'It is full and has no waiting list.');
    case 'no_registration':
      return t('activities.error.noRegistration', 'This activity takes no registration: people just come along.');
    case 'closed':
      return t('activities.error.closed', 'Enrolment has closed.');
    case 'not_open_yet':
      return t('activities.error.notOpen', 'Enrolment has not opened yet.');
    case 'session_required':
      return t('activities.error.sessionRequired', 'Choose a session: this activity takes enrolments one session at a time.');
    case 'session_cancelled':
      return t('activities.error.sessionCancelled', 'This session has been cancelled.');
    case 'notify_needs_email':
      return t('activities.error.notifyNeedsEmail', 'To tell them by e-mail, enter their e-mail address.');
    case 'notify_not_mobile':
      return t('activities.error.notifyNotMobile', 'This number cannot receive text messages: enter a mobile number, or choose a phone call.');
    case 'notify_needs_mobile':
    case 'notify_needs_phone':
      return t('activities.error.phoneRequired', 'Enter a phone number the centre can call.');
    case 'guardian_consent_required':
      return t('privacy.error.guardianConsent', 'The guardian must agree for the child: tick the box once they do.');
    case 'child_name_required':
      return t('privacy.error.childName', 'Enter the child’s given name.');
    case 'child_grade_required':
      return t('privacy.error.childGrade', 'Choose the child’s school grade.');
    case 'one_child_each':
      return t('privacy.error.oneChild', 'Enrol each child on their own.');
    case 'already_cancelled':
      return t('activities.error.alreadyCancelled', 'This enrolment is already cancelled.');
    default:
  }
  const byField: Record<string, [string, string]> = {
    name: ['activities.error.nameRequired', 'Enter the name of the person taking part.'],
    phone: ['activities.error.phoneInvalid', 'Enter a phone number the centre can call: digits only, 11 for a mobile.'],
    email: ['activities.error.email', 'This is not an e-mail address.'],
    people: ['activities.error.people', 'Enter a whole number of at least 1.'],
    note: ['activities.error.noteTooLong', 'The note may have at most 300 characters.'],
    session: ['activities.error.session', 'This session cannot take enrolments.'],
    consentConfirmed: ['privacy.error.consent', 'Read them the privacy notice and tick the box once they agree.'],
    collectors: ['privacy.error.collectors', 'Give each person who may collect the child a name and a phone number.'],
  };
  const [id, fallback] = byField[field] ?? ['activities.error.other', 'The centre’s server refused this: {message}'];
  return t(id, fallback, { message: error.message });
};

/** Where the form shows a server refusal: its own field, or the form as a whole (the activity, the enrolment). */
export const formFieldOf = (field: string): EnrolmentField => {
  const known = ['name', 'phone', 'email', 'people', 'note', 'notifyBy', 'session', 'consentConfirmed', 'guardianConsent', 'childName', 'childGrade'];
  if (field.startsWith('collectors')) return 'collectors';
  return known.includes(field) ? (field as EnrolmentField) : 'form';
};
