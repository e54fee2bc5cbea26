import type { ServerFieldError } from './fetch-error';
import type { Translate } from './use-t';

/** What a broken booking rule means, in the reader's language (codes of server/src/core/rules/violations.ts). */
const RULES: Record<string, string> = {
  not_on_slot_grid: 'Pick a time on the room’s time grid.',
  too_short: 'Too short for this room.',
  too_long: 'Too long for this room.',
  end_not_after_start: 'The end must be after the start.',
  outside_opening_hours: 'Outside the opening hours of the centre or room.',
  in_closure: 'The room is closed then.',
  in_the_past: 'This time has already passed. Staff may record a use after the fact with a written reason.',
  under_minimum_notice: 'Too soon: the room needs more notice. Staff may book it anyway with a written reason.',
  too_far_ahead: 'Too far ahead for this room. Staff may book it anyway with a written reason.',
  over_weekly_quota: 'This contact would go over the room’s weekly limit. Staff may book it anyway with a written reason.',
  over_capacity: 'More people than the room holds.',
  series_too_long: 'The weekly series has too many dates: choose an earlier last date.',
};

/** The rules staff may waive with a reason (WAIVABLE_CODES on the server). */
export const WAIVABLE = new Set(['in_the_past', 'under_minimum_notice', 'too_far_ahead', 'over_weekly_quota']);

/** What is wrong with a field when the server gives no rule code, per field of the booking request. */
const FIELDS: Record<string, string> = {
  room: 'Choose a room.',
  start: 'Choose a start time.',
  end: 'Choose an end time.',
  purpose: 'Say what the room is for (at most 200 characters).',
  organization: 'At most 120 characters.',
  contactName: 'Give the name of the person to contact (at most 80 characters).',
  phone: 'Give a phone number of 7 to 15 digits (a mobile number has 11), or an e-mail address.',
  email: 'Give a valid e-mail address, or leave it empty.',
  attendees: 'Give the number of people, at least 1.',
  'repeat.until': 'Give the last date of the weekly series, not before the first.',
  overrideReason: 'At most 500 characters.',
};

/** A field's error as the reader should read it: the rule's meaning, else what the field needs. */
export const bookingFieldMessage = (field: string, error: ServerFieldError, t: Translate): string => {
  if (error.code && RULES[error.code]) return t(`board.rule.${error.code}`, RULES[error.code]);
  if (FIELDS[field]) return t(`board.invalid.${field}`, FIELDS[field]);
  return error.message;
};
