import { OrganizationSql } from '../organization/organization.module.js';

/**
 * What other modules may use of approval's tables in set-based SQL (the case read, the queues, the sweep).
 * Everything else about them is private to approval, and the table-ownership test keeps it so.
 */
export const ApprovalSql = {
  /** The assignee of the case's first open task that has one (the person a case clock's card names), or NULL. */
  openTaskAssignee: (caseIdExpr: string) =>
    `(SELECT t.assignee_id FROM case_task t
      WHERE t.case_id = ${caseIdExpr} AND t.state = 'OPEN' AND t.assignee_id IS NOT NULL ORDER BY t.seq LIMIT 1)`,

  /** Whether the case has an open task of `kind`. */
  hasOpenTask: (caseIdExpr: string, kind: 'REVIEW' | 'DECIDE') =>
    `EXISTS (SELECT 1 FROM case_task t WHERE t.case_id = ${caseIdExpr} AND t.kind = '${kind}' AND t.state = 'OPEN')`,

  /** The case's tasks in order as a JSON array of `CaseTaskDto`, with the names of who holds and did them. */
  tasksJson: (caseIdExpr: string) => `SELECT coalesce(json_agg(json_build_object('id', t.id, 'kind', t.kind,
      'state', t.state, 'departmentId', t.department_id, 'assigneeId', t.assignee_id, 'assigneeName', a.name,
      'opinion', t.opinion, 'agreed', t.agreed, 'completedByName', t.completed_by_name, 'actingForName', f.name,
      'completedAt', t.completed_at, 'overrideReason', t.override_reason) ORDER BY t.seq), '[]')
    FROM case_task t LEFT JOIN ${OrganizationSql.staff('a')} ON a.id = t.assignee_id
      LEFT JOIN ${OrganizationSql.staff('f')} ON f.id = t.acting_for
    WHERE t.case_id = ${caseIdExpr}`,

  /**
   * `case_subtask <alias>`: id, case_id, department_id, state, silence_is_consent, clock_id, previous_id, opened_at,
   * ended_at, ended_by (NULL when the system ended it: deemed on timeout).
   */
  subtask: (alias: string) => `case_subtask ${alias}`,

  /** The case's sub-tasks in order as a JSON array (`SubtaskDto` without its clock, which is read by `clockId`). */
  subtasksJson: (caseIdExpr: string) => `SELECT coalesce(json_agg(json_build_object('id', t.id, 'caseId', t.case_id,
      'seq', t.seq, 'departmentId', t.department_id, 'departmentName', d.name, 'state', t.state,
      'silenceIsConsent', t.silence_is_consent, 'limit', json_build_object('value', t.limit_value, 'unit', t.limit_unit),
      'clockId', t.clock_id, 'openedAt', t.opened_at, 'endedAt', t.ended_at, 'endedByName', t.ended_by_name,
      'deemed', t.state = 'DEEMED_APPROVED', 'opinion', t.opinion, 'conditions', t.conditions,
      'legalBasis', t.legal_basis, 'previousId', t.previous_id, 'answer', t.answer, 'answeredAt', t.answered_at,
      'answeredByName', a.name) ORDER BY t.seq), '[]')
    FROM case_subtask t JOIN ${OrganizationSql.department('d')} ON d.id = t.department_id
      LEFT JOIN ${OrganizationSql.staff('a')} ON a.id = t.answered_by
    WHERE t.case_id = ${caseIdExpr}`,

  /** Each co-department's latest sub-task for the public progress query: department, state, when it ended. */
  subtaskProgressJson: (caseIdExpr: string) => `SELECT coalesce(json_agg(json_build_object('departmentName', d.name,
      'state', t.state, 'endedAt', t.ended_at) ORDER BY t.seq), '[]')
    FROM case_subtask t JOIN ${OrganizationSql.department('d')} ON d.id = t.department_id
    WHERE t.case_id = ${caseIdExpr} AND NOT EXISTS (SELECT 1 FROM case_subtask n WHERE n.previous_id = t.id)`,

  /** The case's ended sub-tasks for the national exchange export: department, state, who (NULL when deemed), when. */
  subtaskExchangeJson: (caseIdExpr: string) => `SELECT coalesce(json_agg(json_build_object('departmentCode', d.code,
      'departmentName', d.name, 'state', t.state, 'actorName', t.ended_by_name, 'at', t.ended_at, 'opinion', t.opinion)
      ORDER BY t.seq), '[]')
    FROM case_subtask t JOIN ${OrganizationSql.department('d')} ON d.id = t.department_id
    WHERE t.case_id = ${caseIdExpr} AND t.ended_at IS NOT NULL`,

  /** The case's joint inspections with each department's part, as a JSON array of `InspectionDto`. */
  inspectionsJson: (caseIdExpr: string) => `SELECT coalesce(json_agg(json_build_object('id', i.id, 'caseId', i.case_id,
      'date', i.date, 'notice', i.notice, 'state', i.state, 'arrangedByName', a.name, 'arrangedAt', i.arranged_at,
      'completedAt', i.completed_at,
      'parts', (SELECT json_agg(json_build_object('departmentId', p.department_id, 'departmentName', d.name,
                  'findings', p.findings, 'recordedByName', r.name, 'recordedAt', p.recorded_at) ORDER BY d.sort_order, d.code)
                FROM case_inspection_part p JOIN ${OrganizationSql.department('d')} ON d.id = p.department_id
                  LEFT JOIN ${OrganizationSql.staff('r')} ON r.id = p.recorded_by
                WHERE p.inspection_id = i.id)) ORDER BY i.arranged_at), '[]')
    FROM case_inspection i LEFT JOIN ${OrganizationSql.staff('a')} ON a.id = i.arranged_by
    WHERE i.case_id = ${caseIdExpr}`,

  /** The clocks of the case's sub-tasks, as a query of ids. */
  subtaskClockIds: (caseIdExpr: string) => `SELECT t.clock_id FROM case_subtask t WHERE t.case_id = ${caseIdExpr}`,

  /** The co-departments with a sub-task on the case, as a query of ids: their staff may read it. */
  subtaskDepartments: (caseIdExpr: string) =>
    `SELECT t.department_id FROM case_subtask t WHERE t.case_id = ${caseIdExpr}`,
} as const;
