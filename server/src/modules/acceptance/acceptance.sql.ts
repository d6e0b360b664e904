/**
 * What other modules may use of acceptance's tables in set-based SQL (the sweep, cards, urges, performance).
 * Relations take the alias the caller picks; each lists the columns others may read. Everything else about these
 * tables is private to acceptance, and the table-ownership test keeps it so.
 */
export const AcceptanceSql = {
  /**
   * `service_case <alias>`: id, case_no, receipt_no, matter_name, department_id, state, received_at, received_by,
   * completed_at, handling_kind, matter_code, query_code, applicant_account_id, deferred_promise_date,
   * acceptance_clock_id, case_clock_id, delivery_clock_id, key_project_id (绿色通道: such cases head every queue).
   */
  case: (alias: string) => `service_case ${alias}`,
  /** 绿色通道 first: the leading ORDER BY term of every queue, for the case `alias`. */
  keyProjectFirst: (alias: string) => `(${alias}.key_project_id IS NOT NULL) DESC`,
} as const;
