/** SQL shared by the migration and the calendar service: the running working-day count of every date. */
export const WORKING_KINDS_SQL = `('WORKDAY', 'MAKEUP_WORKDAY')`;

export const REFRESH_WORK_SEQ_SQL = `
  UPDATE calendar_day c SET work_seq = s.seq
  FROM (SELECT date, (count(*) FILTER (WHERE kind IN ${WORKING_KINDS_SQL}) OVER (ORDER BY date))::int AS seq FROM calendar_day) s
  WHERE c.date = s.date AND c.work_seq IS DISTINCT FROM s.seq`;

/** 24:00 Shanghai at the end of a date column/expression, as timestamptz (UTC+8, no DST). */
export const endOfShanghaiDaySql = (dateExpr: string) => `(((${dateExpr}) + 1)::timestamp - interval '8 hours') AT TIME ZONE 'UTC'`;

/**
 * Recomputes the due and warning times of every running day-unit clock from its anchor and the
 * calendar's running working-day count, in one statement; only rows whose times change are written.
 * Working days: the due day is the working day `anchor_amount` after the anchor day.
 * Natural days and months: the first working day on or after the unrolled last day.
 */
export const RECOMPUTE_CLOCKS_SQL = `
WITH target AS (
  SELECT c.id, d.date AS due_date, ${endOfShanghaiDaySql('d.date')} AS due_at,
    CASE
      WHEN c.warn_left = 0 THEN ${endOfShanghaiDaySql('d.date')}
      WHEN c.limit_unit = 'WORKING_DAY' THEN greatest(c.anchor_at, coalesce(${endOfShanghaiDaySql('w.date')}, c.anchor_at))
      ELSE greatest(c.anchor_at, ${endOfShanghaiDaySql('d.date')} - c.warn_left * interval '1 millisecond')
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
