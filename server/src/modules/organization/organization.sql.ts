/**
 * What other modules may use of organization's tables in set-based SQL (joins a list needs by the thousand).
 * Relations take the alias the caller picks; each lists the columns others may read. Everything else about these
 * tables is private to organization, and the table-ownership test keeps it so.
 */
export const OrganizationSql = {
  /** `department <alias>`: id, code, credit_code, name, active, sort_order. */
  department: (alias: string) => `department ${alias}`,
  /** `service_window <alias>`: id, number, name, department_id, active. */
  window: (alias: string) => `service_window ${alias}`,
  /** `staff <alias>`: id, name, window_id, department_id. */
  staff: (alias: string) => `staff ${alias}`,
  /**
   * The department whose id `idExpr` gives, as one JSON row, for a caller that reads it with its own first
   * statement and hands it to `DepartmentService.prime`.
   */
  departmentJson: (idExpr: string) => `(SELECT to_jsonb(d) FROM department d WHERE d.id = ${idExpr})`,
} as const;
