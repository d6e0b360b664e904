import { DEFAULT_WARNING_POLICY, OFFICIAL_CALENDAR, officialDays } from '@onewindow/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REFRESH_WORK_SEQ_SQL } from '../modules/calendar/calendar-sql.js';

const FIRST_YEAR = 2024;
const LAST_YEAR = 2035;

/** Working-day calendar (2024–2035; years without a notice provisional), deadline clocks and the warning policy. */
export class CalendarClocks1763900000000 implements MigrationInterface {
  name = 'CalendarClocks1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_day (
        date date PRIMARY KEY,
        kind varchar(16) NOT NULL CONSTRAINT ck_calendar_day_kind CHECK (kind IN ('WORKDAY', 'REST_DAY', 'HOLIDAY', 'MAKEUP_WORKDAY')),
        holiday_name varchar(40),
        work_seq integer NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_calendar_day_work_seq ON calendar_day (work_seq) WHERE kind IN ('WORKDAY', 'MAKEUP_WORKDAY')`,
    );
    await q.query(`
      CREATE TABLE calendar_year (
        year integer PRIMARY KEY,
        confirmed boolean NOT NULL,
        notice varchar(200),
        updated_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE TABLE calendar_revision (id smallint PRIMARY KEY CONSTRAINT ck_calendar_revision_single CHECK (id = 1), revision bigint NOT NULL)`,
    );
    await q.query(`INSERT INTO calendar_revision VALUES (1, 1)`);

    const days = officialDays(FIRST_YEAR, LAST_YEAR);
    for (let i = 0; i < days.length; i += 500) {
      const batch = days.slice(i, i + 500);
      const params = batch.flatMap((d) => [d.date, d.kind, d.holidayName]);
      const values = batch.map((_, j) => `($${j * 3 + 1}::date, $${j * 3 + 2}, $${j * 3 + 3}, 0)`).join(',');
      await q.query(`INSERT INTO calendar_day (date, kind, holiday_name, work_seq) VALUES ${values}`, params);
    }
    await q.query(REFRESH_WORK_SEQ_SQL);
    const published = new Map(OFFICIAL_CALENDAR.map((y) => [y.year, y.notice]));
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      await q.query(`INSERT INTO calendar_year (year, confirmed, notice, updated_at) VALUES ($1, $2, $3, now())`, [
        y,
        published.has(y),
        published.get(y) ?? null,
      ]);
    }

    await q.query(`
      CREATE TABLE deadline_policy (
        version serial PRIMARY KEY,
        used_percent integer NOT NULL,
        min_left integer NOT NULL,
        note varchar(200),
        created_by uuid,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `INSERT INTO deadline_policy (used_percent, min_left, note, created_at) VALUES ($1, $2, '默认：已用 80% 或仅剩 1 个工作日，以先到者为准', now())`,
      [DEFAULT_WARNING_POLICY.usedPercent, DEFAULT_WARNING_POLICY.minLeft],
    );

    await q.query(`
      CREATE TABLE clock (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_kind varchar(16) NOT NULL,
        subject_id uuid NOT NULL,
        department_id uuid,
        limit_value integer NOT NULL,
        limit_unit varchar(16) NOT NULL CONSTRAINT ck_clock_unit CHECK (limit_unit IN ('WORKING_DAY', 'NATURAL_DAY', 'HOUR', 'MONTH')),
        joint boolean NOT NULL DEFAULT false,
        extension_days integer NOT NULL DEFAULT 0,
        state varchar(8) NOT NULL CONSTRAINT ck_clock_state CHECK (state IN ('RUNNING', 'PAUSED', 'STOPPED')),
        started_at timestamptz NOT NULL,
        anchor_at timestamptz NOT NULL,
        anchor_day date NOT NULL,
        anchor_amount bigint NOT NULL,
        raw_due_date date,
        due_date date NOT NULL,
        due_at timestamptz NOT NULL,
        warn_left bigint NOT NULL,
        warn_at timestamptz NOT NULL,
        policy_version integer NOT NULL CONSTRAINT fk_clock_policy REFERENCES deadline_policy(version),
        stopped_at timestamptz,
        stop_reason varchar(32),
        previous_clock_id uuid CONSTRAINT fk_clock_previous REFERENCES clock(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_clock_subject ON clock (subject_kind, subject_id)`);
    await q.query(`CREATE INDEX ix_clock_due_running ON clock (due_at) WHERE state = 'RUNNING'`);
    await q.query(`CREATE INDEX ix_clock_warn_running ON clock (warn_at) WHERE state = 'RUNNING'`);
    await q.query(`
      CREATE TABLE clock_pause (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clock_id uuid NOT NULL CONSTRAINT fk_clock_pause_clock REFERENCES clock(id),
        reason varchar(16) NOT NULL,
        reason_text varchar(200),
        legal_basis varchar(200) NOT NULL,
        notice text NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        remaining_at_pause bigint NOT NULL,
        due_date_before date NOT NULL,
        due_date_after date,
        started_by uuid,
        ended_by uuid
      )`);
    await q.query(`CREATE INDEX ix_clock_pause_clock ON clock_pause (clock_id)`);
    // One open pause per clock, by construction.
    await q.query(`CREATE UNIQUE INDEX uq_clock_pause_open ON clock_pause (clock_id) WHERE ended_at IS NULL`);
    await q.query(`
      CREATE TABLE clock_extension (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clock_id uuid NOT NULL CONSTRAINT fk_clock_extension_clock REFERENCES clock(id),
        days integer NOT NULL,
        reason varchar(500) NOT NULL,
        approver_id uuid NOT NULL,
        approver_name varchar(50) NOT NULL,
        notice text NOT NULL,
        due_date_before date NOT NULL,
        due_date_after date NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_clock_extension_clock ON clock_extension (clock_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'clock_extension',
      'clock_pause',
      'clock',
      'deadline_policy',
      'calendar_revision',
      'calendar_year',
      'calendar_day',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
  }
}
