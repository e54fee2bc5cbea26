import type { ClosureRequest } from '../../../shared/contracts/closures';
import { wallClockToIso, type WallClock } from './centre-clock';

/** What staff type in the closure form. */
export interface ClosureForm {
  allRooms: boolean;
  rooms: string[];
  start: WallClock;
  end: WallClock;
  reason: string;
  reasonEn: string;
}

export const MAX_REASON = 200;
const MAX_DAYS = 366;

/** Each field's problem as a rule code; the page says it in the reader's language (`closures.errors.<code>`). */
export type ClosureFormErrors = Partial<Record<keyof ClosureForm, string>>;

/**
 * Checks the form as the server does (same rules, same codes) and builds the request; the
 * server's answer stays the judge.
 */
export const checkClosureForm = (form: ClosureForm, tz: string): { errors: ClosureFormErrors; request: ClosureRequest | null } => {
  const errors: ClosureFormErrors = {};
  if (!form.allRooms && form.rooms.length === 0) errors.rooms = 'rooms_required';
  const start = wallClockToIso(form.start, tz);
  const end = wallClockToIso(form.end, tz);
  if (!start) errors.start = 'time_required';
  if (!end) errors.end = 'time_required';
  if (start && end) {
    const ms = Date.parse(end) - Date.parse(start);
    if (ms <= 0) errors.end = 'end_before_start';
    else if (ms > MAX_DAYS * 24 * 3600 * 1000) errors.end = 'too_long';
  }
  const reason = form.reason.trim();
  const reasonEn = form.reasonEn.trim();
  if (!reason && !reasonEn) errors.reason = 'reason_required';
  if (reason.length > MAX_REASON) errors.reason = 'reason_too_long';
  if (reasonEn.length > MAX_REASON) errors.reasonEn = 'reason_too_long';
  if (Object.keys(errors).length > 0 || !start || !end) return { errors, request: null };
  return { errors, request: { allRooms: form.allRooms, rooms: form.allRooms ? [] : form.rooms, start, end, reason, reasonEn } };
};
