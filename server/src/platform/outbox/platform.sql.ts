/**
 * What modules may use of the platform's tables in set-based SQL. `outbox_event <alias>`: id, txid, type, case_id,
 * department_id, data, occurred_at; read with `OUTBOX_VISIBLE` and `OUTBOX_ORDER` (outbox.ts).
 */
export const PlatformSql = {
  outbox: (alias: string) => `outbox_event ${alias}`,
} as const;
