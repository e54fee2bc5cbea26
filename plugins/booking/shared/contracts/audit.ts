/** The audit trail as the staff API answers it and the admin panel reads it. */

/** One staff action. `at` is ISO 8601 with the centre's offset. */
export interface AuditEntryView {
  id: number;
  at: string;
  /** The staff account as it was named then; null for an action no one signed in made. */
  actor: { id: number | null; name: string | null; email: string | null } | null;
  /** `kind.verb`: reservation.approve, enrolment.cancel, role.permissions, person.export, … */
  action: string;
  subject: { kind: string; id: string } | null;
  details: Record<string, unknown> | null;
  ip: string | null;
}

/**
 * GET /booking/audit?actor=<admin user id>&action=<action>&subject=<kind>[:<id>]&from=YYYY-MM-DD&to=YYYY-MM-DD&before=<entry id>&limit=
 * Newest first. `before` pages on: pass the last entry's id.
 */
export namespace ListAudit {
  export interface Response {
    data: AuditEntryView[];
    meta: {
      /** True when more matched than were answered. */
      capped: boolean;
      limit: number;
      /** What the filters can offer: every action and staff account the trail holds. */
      actions: string[];
      actors: Array<{ id: number; name: string | null; email: string | null }>;
    };
  }
}
