/**
 * What modules may use of the platform's tables in set-based SQL. `outbox_event <alias>`: id, txid, type, case_id,
 * department_id, data, occurred_at.
 */
export const PlatformSql = {
  outbox: (alias: string) => `outbox_event ${alias}`,
  /**
   * Events a reader may take now: those of transactions older than every one still running. No event of such a
   * transaction can appear later, so a reader going through them in `outboxOrder` with a cursor of (txid, id) (see
   * `OutboxCursor`) never passes one over and never sees one twice. Changes of one case are in commit order (each
   * locks the case first, which gives it its transaction id).
   */
  outboxVisible: (alias: string) => `${alias}.txid < (pg_snapshot_xmin(pg_current_snapshot()))::text::bigint`,
  outboxOrder: (alias: string) => `${alias}.txid, ${alias}.id`,
  /**
   * A data-modifying CTE `name` writing one event per row of `select`, whose columns are, in order: type, case_id,
   * department_id, data (jsonb), occurred_at. For set-based changes (the sweep), in the same statement as the change.
   */
  outboxRows: (name: string, select: string) =>
    `${name} AS (INSERT INTO outbox_event (type, case_id, department_id, data, occurred_at) ${select} RETURNING id)`,
} as const;
