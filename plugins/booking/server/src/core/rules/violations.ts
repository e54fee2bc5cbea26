export type ViolationCode =
  | 'not_on_slot_grid'
  | 'too_short'
  | 'too_long'
  | 'end_not_after_start'
  | 'outside_opening_hours'
  | 'in_closure'
  | 'in_the_past'
  | 'under_minimum_notice'
  | 'too_far_ahead'
  | 'over_capacity'
  | 'over_weekly_quota'
  | 'series_too_long';

/**
 * One broken booking rule. `path` names the request field to highlight ('start', 'end',
 * 'attendees', 'repeat.until', …). `message` is plain English naming the limit, phrased to sit
 * next to that field in a form: "must start at least 120 minutes from now".
 */
export interface Violation {
  path: string;
  code: ViolationCode;
  message: string;
}

export function violation(path: string, code: ViolationCode, message: string): Violation {
  return { path, code, message };
}
