import { ShanghaiSql } from '../../platform/database/shanghai-sql.js';

/** SQL shared by the migration and the calendar service: the running working-day count of every date. */
export const WORKING_KINDS_SQL = `('WORKDAY', 'MAKEUP_WORKDAY')`;

export const REFRESH_WORK_SEQ_SQL = `
  UPDATE calendar_day c SET work_seq = s.seq
  FROM (SELECT date, (count(*) FILTER (WHERE kind IN ${WORKING_KINDS_SQL}) OVER (ORDER BY date))::int AS seq FROM calendar_day) s
  WHERE c.date = s.date AND c.work_seq IS DISTINCT FROM s.seq`;

/**
 * Recomputes the due and warning times of every running day-unit clock from its anchor and the
 * calendar's running working-day count, in one statement; only rows whose times change are written.
 * Working days: the due day is the working day `anchor_amount` after the anchor day.
 * Natural days and months: the first working day on or after the unrolled last day.
 */
export const RECOMPUTE_CLOCKS_SQL = `
WITH target AS (
  SELECT c.id, d.date AS due_date, ${ShanghaiSql.endOf('d.date')} AS due_at,
    CASE
      WHEN c.warn_left = 0 THEN ${ShanghaiSql.endOf('d.date')}
      WHEN c.limit_unit = 'WORKING_DAY' THEN greatest(c.anchor_at, coalesce(${ShanghaiSql.endOf('w.date')}, c.anchor_at))
      ELSE greatest(c.anchor_at, ${ShanghaiSql.endOf('d.date')} - c.warn_left * interval '1 millisecond')
    END AS warn_at
  FROM clock c
  JOIN calendar_day f ON f.date = CASE WHEN c.limit_unit = 'WORKING_DAY' THEN c.anchor_day ELSE c.raw_due_date - 1 END
  JOIN calendar_day d ON d.kind IN ${WORKING_KINDS_SQL}
    AND d.work_seq = f.work_seq + CASE WHEN c.limit_unit = 'WORKING_DAY' THEN c.anchor_amount ELSE 1 END
  LEFT JOIN calendar_day w ON c.limit_unit = 'WORKING_DAY' AND c.warn_left > 0 AND w.kind IN ${WORKING_KINDS_SQL}
    AND w.work_seq = d.work_seq - c.warn_left
  WHERE c.state = 'RUNNING' AND c.limit_unit <> 'HOUR' AND c.anchor_amount > 0
)
UPDATE clock c SET due_date = t.due_date, due_at = t.due_at, warn_at = t.warn_at, version = c.version + 1
FROM target t
WHERE c.id = t.id AND (c.due_date <> t.due_date OR c.warn_at <> t.warn_at)`;

/**
 * A warning policy coming into force ($1 its version): every open clock moves onto it and gets the
 * warning allowance of its kind, the SQL twin of `warningLeft` (shared): the larger of "(100 − usedPercent)%
 * of the total" and `minLeft`, never more than the total; working days in days, other units in ms.
 */
export const APPLY_POLICY_SQL = `
WITH p AS (SELECT * FROM deadline_policy WHERE version = $1),
r AS (
  SELECT c.id,
    coalesce((p.by_kind -> c.subject_kind ->> 'usedPercent')::int, p.used_percent) AS pct,
    coalesce((p.by_kind -> c.subject_kind ->> 'minLeft')::int, p.min_left) AS min_left,
    CASE c.limit_unit
      WHEN 'WORKING_DAY' THEN (c.limit_value + c.extension_days)::bigint
      WHEN 'NATURAL_DAY' THEN (c.limit_value + c.extension_days)::bigint * 86400000
      WHEN 'MONTH' THEN ((s.day + make_interval(months => c.limit_value))::date - s.day)::bigint * 86400000
      ELSE c.limit_value::bigint * 3600000
    END AS total,
    CASE c.limit_unit WHEN 'WORKING_DAY' THEN 1 WHEN 'HOUR' THEN 3600000 ELSE 86400000 END AS unit
  FROM clock c CROSS JOIN p
  CROSS JOIN LATERAL (SELECT ${ShanghaiSql.dateOf('c.started_at')} AS day) s
  WHERE c.state IN ('RUNNING', 'PAUSED')
)
UPDATE clock c
SET policy_version = $1, warn_left = least(r.total, greatest(r.total - ceil(r.total * r.pct / 100.0)::bigint, r.min_left * r.unit)), version = c.version + 1
FROM r WHERE c.id = r.id`;

/** Hour-unit clocks: the warning instant is the allowance before the due instant (day units: RECOMPUTE_CLOCKS_SQL). */
export const RECOMPUTE_HOUR_WARNINGS_SQL = `
UPDATE clock SET warn_at = greatest(anchor_at, due_at - warn_left * interval '1 millisecond')
WHERE state = 'RUNNING' AND limit_unit = 'HOUR' AND warn_at <> greatest(anchor_at, due_at - warn_left * interval '1 millisecond')`;

/**
 * A stricter policy can put a clock's warning before the moment the policy came into force ($1 version, $2
 * that moment): the clock warns at that moment instead, so no card claims a crossing under rules not yet in force.
 */
export const FLOOR_WARNINGS_SQL = `
UPDATE clock SET warn_at = $2
WHERE state = 'RUNNING' AND alert_level = 0 AND policy_version = $1 AND warn_at < $2 AND due_at > $2`;
