/**
 * What other modules may use of acceptance's tables in set-based SQL (the sweep, cards, urges, performance).
 * Relations take the alias the caller picks; each lists the columns others may read. Everything else about these
 * tables is private to acceptance, and the table-ownership test keeps it so.
 */
export const AcceptanceSql = {
  /**
   * `service_case <alias>`: id, case_no, receipt_no, matter_name, department_id, state, received_at, received_by,
   * completed_at, deferred_promise_date, acceptance_clock_id, case_clock_id, delivery_clock_id.
   */
  case: (alias: string) => `service_case ${alias}`,
  /** The assignee of the case's first open task that has one (the person a case clock's card names), or NULL. */
  openTaskAssignee: (caseIdExpr: string) =>
    `(SELECT t.assignee_id FROM case_task t
      WHERE t.case_id = ${caseIdExpr} AND t.state = 'OPEN' AND t.assignee_id IS NOT NULL ORDER BY t.seq LIMIT 1)`,
} as const;
