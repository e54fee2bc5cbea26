import { weeklyHoursSchema, type WeeklyHours } from '../hours/opening-hours';
import { bookingRulesSchema, type BookingRules } from './booking-rules';

/** The rule fields a room document carries; empty ones fall back to the defaults. */
export interface RoomRuleFields {
  slotMinutes?: number | null;
  minMinutes?: number | null;
  maxMinutes?: number | null;
  bufferMinutes?: number | null;
  minNoticeMinutes?: number | null;
  maxAdvanceDays?: number | null;
  requiresApproval?: boolean | null;
  weeklyQuotaHours?: number | string | null;
  openingHours?: unknown;
}

const RULE_KEYS = ['slotMinutes', 'minMinutes', 'maxMinutes', 'bufferMinutes', 'minNoticeMinutes', 'maxAdvanceDays', 'requiresApproval', 'weeklyQuotaHours'] as const;

/**
 * A room's booking rules. Editors can save inconsistent numbers (a maximum below the minimum);
 * then the defaults apply rather than a room nobody can book, and the problem is returned so the
 * caller can log it.
 */
export const rulesOfRoom = (room: RoomRuleFields): { rules: BookingRules; problem: string | null } => {
  const given = Object.fromEntries(
    RULE_KEYS.filter((k) => room[k] !== null && room[k] !== undefined).map((k) => [k, k === 'weeklyQuotaHours' ? Number(room[k]) : room[k]])
  );
  const parsed = bookingRulesSchema.safeParse(given);
  if (parsed.success) return { rules: parsed.data, problem: null };
  return { rules: bookingRulesSchema.parse({}), problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
};

/** A room's own opening hours when it has valid ones, else the centre's. */
export const hoursOfRoom = (room: RoomRuleFields, centreHours: WeeklyHours): WeeklyHours => {
  if (room.openingHours === null || room.openingHours === undefined) return centreHours;
  const parsed = weeklyHoursSchema.safeParse(room.openingHours);
  return parsed.success ? parsed.data : centreHours;
};
