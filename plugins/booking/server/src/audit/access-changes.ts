import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { auditActorOf, recordAudit } from './record';

/** What Strapi's admin services announce on its event hub when roles, permissions or staff accounts change. */
const EVENTS = ['role.create', 'role.update', 'role.delete', 'permission.create', 'permission.update', 'permission.delete', 'user.create', 'user.update', 'user.delete'] as const;
type AccessEvent = (typeof EVENTS)[number];

interface Pending {
  key: string;
  action: string;
  subject: { kind: string; id: string };
  added: string[];
  removed: string[];
  details?: Record<string, unknown>;
}

/** Listed in an entry at most; the counts stay exact. */
const MAX_LISTED = 15;

const roleIdInPath = (ctx: Context): string | null => ctx.path.match(/\/roles\/(\d+)(\/|$)/)?.[1] ?? null;
const userIdInPath = (ctx: Context): string | null => ctx.path.match(/\/users\/(\d+)$/)?.[1] ?? null;

/** A permission as one reads it in a role: the action and, for the content manager, the content type. */
const permissionName = (p: { action?: string; subject?: string | null }) => [p.action, p.subject].filter(Boolean).join(' ');
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The change one event makes, or null for what decides nobody's access (one's own profile, an invitee's registration). */
const changeOf = (ctx: Context, event: AccessEvent, payload: any): Omit<Pending, 'key'> | null => {
  const empty = { added: [], removed: [] };
  if (event.startsWith('role.')) {
    const role = payload?.role as { id?: number; code?: string; name?: string } | undefined;
    if (role?.id == null) return null;
    return { action: event, subject: { kind: 'role', id: String(role.id) }, ...empty, details: { code: role.code, role: role.name } };
  }
  if (event.startsWith('permission.')) {
    // Deleted permissions come back without their role: the request names it (PUT /admin/roles/:id/permissions).
    const permissions = asList(payload?.permissions) as Array<{ action?: string; subject?: string | null; role?: number | { id?: number } }>;
    const roleOf = (p: (typeof permissions)[number]) => (typeof p.role === 'object' ? p.role?.id : p.role) ?? roleIdInPath(ctx);
    const roleId = permissions.map(roleOf).find((id) => id != null);
    if (roleId == null || permissions.length === 0) return null;
    const names = permissions.map(permissionName);
    return {
      action: 'role.permissions',
      subject: { kind: 'role', id: String(roleId) },
      added: event === 'permission.delete' ? [] : names,
      removed: event === 'permission.delete' ? names : [],
    };
  }
  const user = payload?.user as { id?: number; roles?: Array<{ code?: string; id?: number }>; isActive?: boolean } | undefined;
  if (user?.id == null) return null;
  // Only an administrator's change to an account (its roles, active or not): not one's own profile, nor registering.
  if (event === 'user.update' && userIdInPath(ctx) !== String(user.id)) return null;
  const body = (ctx.request as { body?: Record<string, unknown> }).body ?? {};
  if (event === 'user.update' && !('roles' in body) && !('isActive' in body)) return null;
  const action = { 'user.create': 'admin-user.create', 'user.update': 'admin-user.update', 'user.delete': 'admin-user.delete' }[event as 'user.create'];
  return { action, subject: { kind: 'admin-user', id: String(user.id) }, ...empty, details: { roles: user.roles?.map((r) => r.code ?? r.id), active: user.isActive } };
};

/**
 * Changes to roles, permissions and staff accounts made in Strapi's admin panel (Settings → Roles,
 * Users) go to the audit trail: one entry per role or account a request changed, written once the
 * request is answered. Strapi saves a role's permissions as many deletes and inserts; the entry
 * gathers them. Changes the CMS makes by itself at start (the super admin's permissions, the plugin's
 * Front desk role) belong to no request and no staff member, and are not recorded.
 */
export const recordAccessChanges = (strapi: Core.Strapi): void => {
  const pendingOf = new WeakMap<Context, Map<string, Pending>>();

  const flush = async (ctx: Context, pending: Map<string, Pending>) => {
    const who = auditActorOf(ctx);
    const created = new Set([...pending.values()].filter((p) => p.action === 'role.create' || p.action === 'role.delete').map((p) => p.subject.id));
    for (const p of pending.values()) {
      // A role made or deleted takes its permissions with it: that is the one change.
      if (p.action === 'role.permissions' && created.has(p.subject.id)) continue;
      const details =
        p.action === 'role.permissions'
          ? { added: p.added.length, removed: p.removed.length, addedNames: p.added.slice(0, MAX_LISTED), removedNames: p.removed.slice(0, MAX_LISTED) }
          : p.details;
      await recordAudit(strapi, { ...who, action: p.action, subject: p.subject, details });
    }
  };

  for (const event of EVENTS) {
    strapi.eventHub.on(event, async (payload: unknown) => {
      const ctx = strapi.requestContext.get() as Context | undefined;
      if (!ctx?.state?.user) return;
      const change = changeOf(ctx, event, payload);
      if (!change) return;
      let pending = pendingOf.get(ctx);
      if (!pending) {
        const gathered = new Map<string, Pending>();
        pending = gathered;
        pendingOf.set(ctx, gathered);
        ctx.res.once('close', () => {
          flush(ctx, gathered).catch((error: unknown) => strapi.log.error(`[booking] The audit trail could not record a change of roles or permissions: ${String(error)}`));
        });
      }
      const key = `${change.action} ${change.subject.kind}:${change.subject.id}`;
      const seen = pending.get(key);
      if (seen) {
        seen.added.push(...change.added);
        seen.removed.push(...change.removed);
      } else {
        pending.set(key, { key, ...change });
      }
    });
  }
};
