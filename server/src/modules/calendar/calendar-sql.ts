/** SQL shared by the migration and the calendar service: the running working-day count of every date. */
export const WORKING_KINDS_SQL = `('WORKDAY', 'MAKEUP_WORKDAY')`;

export const REFRESH_WORK_SEQ_SQL = `
  UPDATE calendar_day c SET work_seq = s.seq
  FROM (SELECT date, (count(*) FILTER (WHERE kind IN ${WORKING_KINDS_SQL}) OVER (ORDER BY date))::int AS seq FROM calendar_day) s
  WHERE c.date = s.date AND c.work_seq IS DISTINCT FROM s.seq`;

/** 24:00 Shanghai at the end of a date column/expression, as timestamptz (UTC+8, no DST). */
export const endOfShanghaiDaySql = (dateExpr: string) => `(((${dateExpr}) + 1)::timestamp - interval '8 hours') AT TIME ZONE 'UTC'`;
