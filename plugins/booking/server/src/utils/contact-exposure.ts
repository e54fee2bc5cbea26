import type { Context } from 'koa';
import { maskPhoneMiddle } from '../../../shared/mask-contact';
import { PERMISSIONS, permissionAction } from '../constants';

/** Whether the signed-in staff member's role holds "See full contact details". */
export const seesFullContacts = (ctx: Context): boolean => {
  const ability = ctx.state.userAbility as { can(action: string): boolean } | undefined;
  return Boolean(ability?.can(permissionAction(PERMISSIONS.seeFullContacts.uid)));
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * `data` with every `phone` field masked (138****8000), however deep the view nests it. Only what
 * holds a phone is copied; the rest is shared with `data`, which is left as it was: the week board
 * masks thousands of items, and copying every object of them was a fifth of what it allocated.
 */
export const withPhonesMasked = <T>(data: T): T => {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const masked = walk(value[i]);
        if (masked !== value[i]) (copy ??= value.slice())[i] = masked;
      }
      return copy ?? value;
    }
    if (!isPlainObject(value)) return value;
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const v = value[key];
      const masked = key === 'phone' && typeof v === 'string' ? maskPhoneMiddle(v) : walk(v);
      if (masked !== v) (copy ??= { ...value })[key] = masked;
    }
    return copy ?? value;
  };
  return walk(data) as T;
};

/**
 * What a roster, a list or an export shows this reader: phones in full for a role that may see
 * them, masked for any other. One place, so no view can forget it. (The board masks each room's
 * items as it writes them, with `withPhonesMasked` and `seesFullContacts`: services/board.ts.)
 */
export const contactsFor = <T>(ctx: Context, data: T): T => (seesFullContacts(ctx) ? data : withPhonesMasked(data));
