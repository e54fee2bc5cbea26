import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES } from '../constants';

const TABLE = TABLES.audit;

export interface AuditActor {
  /** The admin user's id; null for an action no signed-in staff member made (a job, a script). */
  id: number | null;
  name?: string | null;
  email?: string | null;
}

export interface AuditSubject {
  /** What was acted on: `reservation`, `enrolment`, `session`, `closure`, `role`, `person`, … */
  kind: string;
  /** Its id or reference: never a resident's phone, e-mail or name. */
  id: string;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: { id: number | null; name: string | null; email: string | null } | null;
  action: string;
  subject: AuditSubject | null;
  details: Record<string, unknown> | null;
  ip: string | null;
}

export interface NewAuditRow {
  at: Date;
  actor: AuditActor | null;
  action: string;
  subject: AuditSubject | null;
  details: string | null;
  ip: string | null;
}

const toRow = (r: Record<string, any>): AuditRow => ({
  id: Number(r.id),
  at: new Date(r.at),
  actor: r.actor_id == null && r.actor_name == null && r.actor_email == null ? null : { id: r.actor_id == null ? null : Number(r.actor_id), name: r.actor_name ?? null, email: r.actor_email ?? null },
  action: r.action,
  subject: r.subject_kind == null ? null : { kind: r.subject_kind, id: r.subject_id ?? '' },
  details: r.details == null ? null : JSON.parse(r.details),
  ip: r.ip ?? null,
});

/** The audit trail's rows. It inserts and reads: there is no update or delete here, and the table's triggers refuse them anyway. */
export const auditRepository = (strapi: Core.Strapi) => ({
  /**
   * Writes inside the transaction the caller is in (Strapi keeps it per async context), so an
   * action that rolls back leaves no entry and one that commits leaves exactly one.
   */
  async insert(row: NewAuditRow): Promise<number> {
    return (await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      const ids = await trx(TABLE)
        .insert({
          at: row.at,
          actor_id: row.actor?.id ?? null,
          actor_name: row.actor?.name?.slice(0, 200) ?? null,
          actor_email: row.actor?.email?.slice(0, 320) ?? null,
          action: row.action,
          subject_kind: row.subject?.kind ?? null,
          subject_id: row.subject?.id ?? null,
          details: row.details,
          ip: row.ip,
        })
        .returning('id');
      const first = ids[0] as { id: number } | number;
      return typeof first === 'object' ? Number(first.id) : Number(first);
    })) as number;
  },

  /** Newest first, at most `limit`; `capped` says more matched. */
  async list(filter: { actorId?: number; action?: string; subjectKind?: string; subjectId?: string; since?: Date; until?: Date; limit: number; before?: number }): Promise<{ rows: AuditRow[]; capped: boolean }> {
    const q = strapi.db.connection(TABLE).orderBy('id', 'desc').limit(filter.limit + 1);
    if (filter.actorId !== undefined) q.where('actor_id', filter.actorId);
    if (filter.action) q.where('action', filter.action);
    if (filter.subjectKind) q.where('subject_kind', filter.subjectKind);
    if (filter.subjectId) q.where('subject_id', filter.subjectId);
    if (filter.since) q.where('at', '>=', filter.since);
    if (filter.until) q.where('at', '<', filter.until);
    if (filter.before !== undefined) q.where('id', '<', filter.before);
    const rows = (await q).map(toRow);
    return { rows: rows.slice(0, filter.limit), capped: rows.length > filter.limit };
  },

  /** What the filters offer: the actions and staff members the trail holds. */
  async facets(): Promise<{ actions: string[]; actors: Array<{ id: number; name: string | null; email: string | null }> }> {
    const actions = (await strapi.db.connection(TABLE).distinct('action').orderBy('action')) as Array<{ action: string }>;
    // The latest name each account was recorded under.
    const latest = strapi.db.connection(TABLE).max('id as id').whereNotNull('actor_id').groupBy('actor_id');
    const actors = (await strapi.db.connection(TABLE).whereIn('id', latest).select('actor_id', 'actor_name', 'actor_email').orderBy('actor_name')) as Array<Record<string, any>>;
    return {
      actions: actions.map((a) => a.action),
      actors: actors.map((a) => ({ id: Number(a.actor_id), name: a.actor_name ?? null, email: a.actor_email ?? null })),
    };
  },
});
