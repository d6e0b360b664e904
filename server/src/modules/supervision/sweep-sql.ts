import { OVERDUE_REASON } from '@onewindow/shared';
import { endOfShanghaiDaySql } from '../calendar/calendar-sql.js';

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
 * The responsible person: the open task's assignee for a case clock, else whoever received the case;
 * an urge belongs to the department. Reads case, task and staff rows set-based: at a million clocks the
 * work has to stay in the database.
 */
export const SWEEP_SQL = `
WITH cand AS (
  SELECT c.id, c.alert_level, c.subject_kind, c.subject_id, c.department_id, c.warn_at, c.due_at, c.policy_version
  FROM clock c
  WHERE c.state = 'RUNNING' AND ((c.alert_level = 0 AND c.warn_at <= $1) OR (c.alert_level < 2 AND c.due_at <= $1))
  FOR UPDATE SKIP LOCKED
),
marked AS (
  UPDATE clock c SET alert_level = CASE WHEN cand.due_at <= $1 THEN 2 ELSE 1 END
  FROM cand WHERE c.id = cand.id
),
crossing AS (
  SELECT cand.*, 'YELLOW' AS level, 'TIME_WARNING' AS reason, cand.warn_at AS crossed_at FROM cand WHERE cand.alert_level = 0 AND cand.warn_at <= $1
  UNION ALL
  SELECT x.*, 'RED', ${overdueReason}, x.due_at FROM cand x WHERE x.due_at <= $1
),
issued AS (
  INSERT INTO supervision_card (level, reason, state, case_id, clock_id, clock_kind, department_id, window_id, staff_id, crossed_at, issued_at, policy_version, run_id)
  SELECT x.level, x.reason, 'ISSUED', coalesce(sc.id, u.case_id), x.id, x.subject_kind, x.department_id, st.window_id, st.id, x.crossed_at, $1, x.policy_version, $2
  FROM crossing x
  LEFT JOIN supervision_urge u ON x.subject_kind = 'URGE' AND u.id = x.subject_id
  LEFT JOIN service_case sc ON x.subject_kind IN ('ACCEPTANCE', 'CASE', 'DELIVERY') AND sc.id = x.subject_id
  LEFT JOIN LATERAL (
    SELECT t.assignee_id FROM case_task t
    WHERE x.subject_kind = 'CASE' AND t.case_id = sc.id AND t.state = 'OPEN' AND t.assignee_id IS NOT NULL ORDER BY t.seq LIMIT 1
  ) t ON true
  LEFT JOIN staff st ON st.id = coalesce(t.assignee_id, sc.received_by)
  ON CONFLICT DO NOTHING
  RETURNING level
)
SELECT (SELECT count(*) FROM cand)::int AS examined,
       count(*) FILTER (WHERE level = 'YELLOW')::int AS yellow,
       count(*) FILTER (WHERE level = 'RED')::int AS red
FROM issued`;

/** Violation cards for missed 容缺 promises: $1 the case ids just marked, $2 now, $3 the run id. */
export const PROMISE_CARDS_SQL = `
INSERT INTO supervision_card (level, reason, state, case_id, clock_id, clock_kind, department_id, window_id, staff_id, crossed_at, issued_at, policy_version, run_id)
SELECT 'YELLOW', 'PROMISE_MISSED', 'ISSUED', sc.id, NULL, NULL, sc.department_id, st.window_id, st.id,
       ${endOfShanghaiDaySql('sc.deferred_promise_date')}, $2, NULL, $3
FROM service_case sc LEFT JOIN staff st ON st.id = sc.received_by
WHERE sc.id = ANY($1::uuid[])
ON CONFLICT DO NOTHING
RETURNING id`;
