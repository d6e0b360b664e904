/**
 * What other modules may use of supervision's tables in set-based SQL (evaluation's assessment counts cards).
 * Everything else about these tables is private to supervision, and the table-ownership test keeps it so.
 */
export const SupervisionSql = {
  /** `supervision_card <alias>`: id, level, reason, state, department_id, window_id, staff_id, crossed_at. */
  card: (alias: string) => `supervision_card ${alias}`,
} as const;
