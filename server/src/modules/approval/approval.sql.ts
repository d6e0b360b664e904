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
      'opinion', t.opinion, 'agreed', t.agreed, 'completedByName', b.name, 'actingForName', f.name,
      'completedAt', t.completed_at) ORDER BY t.seq), '[]')
    FROM case_task t LEFT JOIN ${OrganizationSql.staff('a')} ON a.id = t.assignee_id
      LEFT JOIN ${OrganizationSql.staff('b')} ON b.id = t.completed_by
      LEFT JOIN ${OrganizationSql.staff('f')} ON f.id = t.acting_for
    WHERE t.case_id = ${caseIdExpr}`,
} as const;
