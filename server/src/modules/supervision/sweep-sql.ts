import { OVERDUE_REASON } from '@onewindow/shared';
import { ShanghaiSql } from '../../platform/database/shanghai-sql.js';
import { PlatformSql } from '../../platform/outbox/platform.sql.js';
import { AcceptanceSql } from '../acceptance/acceptance.module.js';
import { ApprovalSql } from '../approval/approval.module.js';
import { CalendarSql } from '../calendar/calendar.module.js';
import { OrganizationSql } from '../organization/organization.module.js';

/** The outbox's `card.issued` for every card of CTE `from` (as the violation path writes them), stamped `at`. */
const cardEvents = (from: string, at: string) =>
  PlatformSql.outboxRows(
    'announced',
    `SELECT 'card.issued', ${from}.case_id, ${from}.department_id,
       jsonb_build_object('cardId', ${from}.id, 'caseId', ${from}.case_id, 'level', ${from}.level, 'reason', ${from}.reason,
         'state', 'ISSUED', 'crossedAt', ${from}.crossed_at),
       ${at}::timestamptz
     FROM ${from}`,
  );

/** One key for the sweep's advisory lock: any number of instances, one runner at a time. */
export const SWEEP_LOCK_KEY = 7_346_001;

const overdueReason = `CASE x.subject_kind ${Object.entries(OVERDUE_REASON)
  .map(([kind, reason]) => `WHEN '${kind}' THEN '${reason}'`)
  .join(' ')} END`;

/**
 * One statement: the clocks that crossed their warning or due time and have not had that card yet
 * (found through the partial indexes on unalerted warn_at and due_at, so nothing else is read), marked,
 * and their cards issued, each stamped with the moment the threshold was crossed. Clocks a case action
 * holds locked are skipped and caught by the next sweep with the same stamps. Cards are unique per
 * clock and level, so anything already issued is left alone.
 *
 * $1 the sweep's business time, $2 the run id.
 *
 * The responsible person: the open task's assignee for a case clock or an urge's deadline on a case (督办), else
 * whoever received the case, with their window; a sub-task's card belongs to the co-department. Reads case, task and staff rows set-based: at a million clocks the
 * work has to stay in the database.
 */
export const SWEEP_SQL = `
WITH ${CalendarSql.crossedClocks('cand', '$1')},
crossing AS (
  SELECT cand.*, 'YELLOW' AS level, 'TIME_WARNING' AS reason, cand.warn_at AS crossed_at FROM cand WHERE cand.alert_level = 0 AND cand.warn_at <= $1
  UNION ALL
  SELECT x.*, 'RED', ${overdueReason}, x.due_at FROM cand x WHERE x.due_at <= $1
),
issued AS (
  INSERT INTO supervision_card (level, reason, state, case_id, clock_id, clock_kind, department_id, window_id, staff_id, crossed_at, issued_at, policy_version, run_id)
  SELECT x.level, x.reason, 'ISSUED', coalesce(sc.id, u.case_id, sub.case_id), x.id, x.subject_kind, x.department_id, st.window_id, st.id, x.crossed_at, $1, x.policy_version, $2
  FROM crossing x
  LEFT JOIN supervision_urge u ON x.subject_kind = 'URGE' AND u.id = x.subject_id
  LEFT JOIN ${ApprovalSql.subtask('sub')} ON x.subject_kind = 'SUBTASK' AND sub.id = x.subject_id
  LEFT JOIN ${AcceptanceSql.case('sc')} ON x.subject_kind IN ('ACCEPTANCE', 'CASE', 'DELIVERY') AND sc.id = x.subject_id
  LEFT JOIN ${AcceptanceSql.case('uc')} ON x.subject_kind = 'URGE' AND uc.id = u.case_id
  LEFT JOIN ${OrganizationSql.staff('st')}
    ON st.id = coalesce(CASE WHEN x.subject_kind = 'CASE' THEN ${ApprovalSql.openTaskAssignee('sc.id')}
                             WHEN x.subject_kind = 'URGE' THEN ${ApprovalSql.openTaskAssignee('uc.id')} END,
                        sc.received_by, uc.received_by)
  ON CONFLICT DO NOTHING
  RETURNING id, level, reason, case_id, department_id, crossed_at
),
${cardEvents('issued', '$1')}
SELECT (SELECT count(*) FROM cand)::int AS examined,
       count(*) FILTER (WHERE level = 'YELLOW')::int AS yellow,
       count(*) FILTER (WHERE level = 'RED')::int AS red
FROM issued`;

/** Violation cards for missed 容缺 promises: $1 the case ids just marked, $2 now, $3 the run id. */
export const PROMISE_CARDS_SQL = `
WITH issued AS (
INSERT INTO supervision_card (level, reason, state, case_id, clock_id, clock_kind, department_id, window_id, staff_id, crossed_at, issued_at, policy_version, run_id)
SELECT 'YELLOW', 'PROMISE_MISSED', 'ISSUED', sc.id, NULL, NULL, sc.department_id, st.window_id, st.id,
       ${ShanghaiSql.endOf('sc.deferred_promise_date')}, $2, NULL, $3
FROM ${AcceptanceSql.case('sc')} LEFT JOIN ${OrganizationSql.staff('st')} ON st.id = sc.received_by
WHERE sc.id = ANY($1::uuid[])
ON CONFLICT DO NOTHING
RETURNING id, level, reason, case_id, department_id, crossed_at
),
${cardEvents('issued', '$2')}
SELECT id FROM issued`;
