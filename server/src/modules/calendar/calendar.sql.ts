/**
 * What other modules may use of the calendar's tables in set-based SQL: the case reads that bring clocks with
 * their case, the sweep, the performance counts. Relations take the alias the caller picks; each lists the columns
 * others may read. Everything else about these tables is private to the calendar, and the table-ownership test
 * keeps it so.
 */

/** The revision of the calendar in force, read with the clocks to check the cached calendar against. */
const REVISION = '(SELECT revision FROM calendar_revision WHERE id = 1)';

export const CalendarSql = {
  /**
   * `clock <alias>`: id, subject_kind, subject_id, department_id, state, due_at, warn_at, stopped_at, policy_version.
   * A caller may lock the rows it joins (`FOR UPDATE OF <alias>`), taking them after the subject's own row.
   */
  clock: (alias: string) => `clock ${alias}`,

  REVISION,

  /**
   * How the clock `alias` (possibly NULL from an outer join) stands at `now`, as `ClockStanding` (NONE, PAUSED,
   * OVERDUE, WARNING, NORMAL): the queues' rule, the one `clockStanding` in shared applies to a clock in hand.
   */
  standing: (alias: string, now: string) => `CASE WHEN ${alias}.id IS NULL OR ${alias}.state = 'STOPPED' THEN 'NONE'
  WHEN ${alias}.state = 'PAUSED' THEN 'PAUSED' WHEN ${alias}.due_at <= ${now} THEN 'OVERDUE'
  WHEN ${alias}.warn_at <= ${now} THEN 'WARNING' ELSE 'NORMAL' END`,

  /** The due time of the clock `alias` while it still counts (running or paused), else NULL. */
  openDueAt: (alias: string) => `CASE WHEN ${alias}.state = 'STOPPED' THEN NULL ELSE ${alias}.due_at END`,

  /**
   * A CTE `name` stopping, as of the moment each ran out, the running clocks whose ids the CTE `source` gives (column
   * `clock_id`, rows the caller has locked with their subjects) and that are past due at `asOf`: for subjects the
   * timeout itself concludes (a sub-task deemed approved). Returns `id, due_at` of each clock stopped.
   */
  stopAtDue: (name: string, source: string, asOf: string, now: string, reason: string) => `${name} AS (
  UPDATE clock ck SET state = 'STOPPED', stopped_at = ck.due_at, stop_reason = '${reason}', updated_at = ${now},
         version = ck.version + 1
  FROM ${source} WHERE ck.id = ${source}.clock_id AND ck.state = 'RUNNING' AND ck.due_at <= ${asOf}
  RETURNING ck.id, ck.due_at
)`,

  /** The calendar revision and the policy version in force, as JSON (`ClockContext`): what starting a clock reads. */
  CONTEXT: `json_build_object('revision', ${REVISION},
  'policy', (SELECT version FROM deadline_policy WHERE state = 'IN_FORCE'))`,

  /** The clocks whose ids `ids` (an SQL list or subquery) gives, as a JSON array of `ClockJson`. */
  clocksJson: (ids: string) => `(SELECT coalesce(json_agg(json_build_object('clock', to_jsonb(ck),
    'pauses', (SELECT coalesce(json_agg(p ORDER BY p.started_at), '[]') FROM clock_pause p WHERE p.clock_id = ck.id),
    'extensions', (SELECT coalesce(json_agg(e ORDER BY e.created_at), '[]') FROM clock_extension e WHERE e.clock_id = ck.id))), '[]')
  FROM clock ck WHERE ck.id IN (${ids}))`,

  /**
   * Whether any of the clocks `ids` (an SQL list) ran past its due time as of `now`: running (or stopped) after
   * due_at. A clock stopped while paused stopped counting when the pause began, so it ran over only if the pause
   * began after due.
   */
  anyRanOver: (ids: string, now: string) => `EXISTS (SELECT 1 FROM clock k WHERE k.id IN (${ids})
    AND k.state <> 'PAUSED' AND coalesce(k.stopped_at, ${now}) > k.due_at
    AND NOT EXISTS (SELECT 1 FROM clock_pause p WHERE p.clock_id = k.id AND p.ended_at = k.stopped_at AND p.started_at <= k.due_at))`,

  /**
   * The oldest crossing the sweep has not carded yet as of `now` (a running clock past its warning without its
   * warning card, or past its due time without its overdue card), or NULL: the sweep's lag is `now` minus it.
   */
  oldestUncardedCrossing: (
    now: string,
  ) => `(SELECT min(CASE WHEN c.alert_level = 0 AND c.warn_at <= ${now} THEN c.warn_at ELSE c.due_at END)
    FROM clock c WHERE c.state = 'RUNNING'
      AND ((c.alert_level = 0 AND c.warn_at <= ${now}) OR (c.alert_level < 2 AND c.due_at <= ${now})))`,

  /**
   * The sweep's two CTEs: `<name>`, the running clocks that crossed their warning or due time (`now`) and have not
   * had that alert yet (found through the partial indexes on unalerted warn_at and due_at, so nothing else is read),
   * locked, skipping those a case action holds; and `<name>_marked`, which raises their alert level, so the same
   * crossing is never carded twice. Columns of `<name>`: id, alert_level (before), subject_kind, subject_id,
   * department_id, warn_at, due_at, policy_version.
   */
  crossedClocks: (name: string, now: string) => `${name} AS (
  SELECT c.id, c.alert_level, c.subject_kind, c.subject_id, c.department_id, c.warn_at, c.due_at, c.policy_version
  FROM clock c
  WHERE c.state = 'RUNNING' AND ((c.alert_level = 0 AND c.warn_at <= ${now}) OR (c.alert_level < 2 AND c.due_at <= ${now}))
  FOR UPDATE SKIP LOCKED
),
${name}_marked AS (
  UPDATE clock c SET alert_level = CASE WHEN ${name}.due_at <= ${now} THEN 2 ELSE 1 END
  FROM ${name} WHERE c.id = ${name}.id
)`,
} as const;
