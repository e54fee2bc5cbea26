import type { Core } from '@strapi/strapi';
import ipaddr from 'ipaddr.js';
import type { Context } from 'koa';
import { now } from '../utils/clock';
import { auditRepository, type AuditActor, type AuditSubject } from './audit-repository';

export type { AuditActor, AuditSubject } from './audit-repository';

export interface AuditEntry {
  /** What was done, as `kind.verb`: `reservation.approve`, `person.export`, `role.update`, … */
  action: string;
  actor: AuditActor | null;
  ip: string | null;
  subject: AuditSubject | null;
  /** A few facts about the action (a count, a rule overridden, a new time): never a resident's personal data. */
  details?: Record<string, unknown>;
}

const ACTION = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/;
const MAX_DETAILS = 4000;
/**
 * Keys that would carry a resident's personal data into the trail, which erasure never rewrites.
 * A caller passing one is a programming mistake, refused loudly so tests meet it.
 */
const PERSONAL_KEY = /^(name|full_?name|contact_?name|phone|contact_?phone|mobile|e-?mail|contact_?email|recipient|note|address|guardian.*|child.*)$/i;

const personalKeyIn = (value: unknown): string | null => {
  if (Array.isArray(value)) return value.map(personalKeyIn).find(Boolean) ?? null;
  if (!value || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    if (PERSONAL_KEY.test(key)) return key;
    const found = personalKeyIn(inner);
    if (found) return found;
  }
  return null;
};

/** An address as one reads it: an IPv4-mapped IPv6 address as its IPv4 address, no zone. */
const readableIp = (ip: string | null): string | null => {
  const bare = ip?.trim().replace(/%.*$/, '');
  if (!bare) return null;
  return ipaddr.isValid(bare) ? ipaddr.process(bare).toString() : bare.slice(0, 64);
};

/**
 * Records one staff action in the audit trail. Called inside the action's transaction (as the
 * plugin's services do), the entry commits or rolls back with the action.
 */
export const recordAudit = async (strapi: Core.Strapi, entry: AuditEntry): Promise<void> => {
  if (!ACTION.test(entry.action) || entry.action.length > 64) throw new Error(`audit: "${entry.action}" is not an action name (kind.verb, lower case, at most 64 characters)`);
  if (entry.subject && (!entry.subject.kind || entry.subject.kind.length > 32 || String(entry.subject.id).length > 128)) {
    throw new Error(`audit: subject ${JSON.stringify(entry.subject)} needs a kind (at most 32 characters) and an id (at most 128)`);
  }
  const personal = personalKeyIn(entry.details);
  if (personal) throw new Error(`audit: details of "${entry.action}" hold "${personal}"; the trail keeps no resident's personal data`);
  const details = entry.details && Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : null;
  if (details && details.length > MAX_DETAILS) throw new Error(`audit: details of "${entry.action}" exceed ${MAX_DETAILS} characters`);
  await auditRepository(strapi).insert({
    at: now(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ? { kind: entry.subject.kind, id: String(entry.subject.id) } : null,
    details,
    ip: readableIp(entry.ip),
  });
};

interface AdminUser {
  id?: number | string;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string | null;
}

/**
 * Who acts in an admin request, and from which address: spread it into `recordAudit`'s entry.
 * The address is Koa's `ctx.request.ip`, which follows X-Forwarded-For only when Strapi's
 * `server.proxy` is on (set it behind a reverse proxy, or every entry names the proxy).
 */
export const auditActorOf = (ctx: Context | null | undefined): { actor: AuditActor | null; ip: string | null } => {
  const user = (ctx?.state?.user ?? null) as AdminUser | null;
  const actor =
    user && user.id != null
      ? { id: Number(user.id), name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || null, email: user.email ?? null }
      : null;
  return { actor, ip: ctx?.request?.ip || null };
};

/** Records what the staff member signed in to `ctx` just did, from the address they did it from. */
export const recordStaffAction = (strapi: Core.Strapi, ctx: Context, entry: Omit<AuditEntry, 'actor' | 'ip'>): Promise<void> =>
  recordAudit(strapi, { ...auditActorOf(ctx), ...entry });
