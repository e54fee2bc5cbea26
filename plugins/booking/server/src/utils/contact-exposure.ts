import type { Context } from 'koa';
import { maskPhoneMiddle } from '../../../shared/mask-contact';
import { PERMISSIONS, permissionAction } from '../constants';

/** Whether the signed-in staff member's role holds "See full contact details". */
export const seesFullContacts = (ctx: Context): boolean => {
  const ability = ctx.state.userAbility as { can(action: string): boolean } | undefined;
  return Boolean(ability?.can(permissionAction(PERMISSIONS.seeFullContacts.uid)));
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** A copy of `data` with every `phone` field masked (138****8000), however deep the view nests it. */
export const withPhonesMasked = <T>(data: T): T => {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!isPlainObject(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key === 'phone' && typeof v === 'string' ? maskPhoneMiddle(v) : walk(v)]));
  };
  return walk(data) as T;
};

/**
 * What a roster, a list or an export shows this reader: phones in full for a role that may see
 * them, masked for any other. One place, so no view can forget it. (The board masks each room's
 * items as it writes them, with `withPhonesMasked` and `seesFullContacts`: services/board.ts.)
 */
export const contactsFor = <T>(ctx: Context, data: T): T => (seesFullContacts(ctx) ? data : withPhonesMasked(data));
