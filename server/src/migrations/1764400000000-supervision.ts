import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Electronic supervision: cards (never deleted), their appeal record, sweep runs and urges. Each clock
 * remembers the highest card level it has been given, so the sweep finds the clocks that crossed a
 * threshold since they were last carded through two small partial indexes, never by scanning.
 */
export class Supervision1764400000000 implements MigrationInterface {
  name = 'Supervision1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE clock ADD COLUMN alert_level smallint NOT NULL DEFAULT 0 CONSTRAINT ck_clock_alert_level CHECK (alert_level BETWEEN 0 AND 2)`,
    );
    await q.query(
      `CREATE INDEX ix_clock_warn_unalerted ON clock (warn_at) WHERE state = 'RUNNING' AND alert_level = 0`,
    );
    await q.query(`CREATE INDEX ix_clock_due_unalerted ON clock (due_at) WHERE state = 'RUNNING' AND alert_level < 2`);
    await q.query(`
      CREATE TABLE sweep_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        as_of timestamptz NOT NULL,
        examined integer NOT NULL DEFAULT 0,
        yellow integer NOT NULL DEFAULT 0,
        red integer NOT NULL DEFAULT 0,
        deemed_accepted integer NOT NULL DEFAULT 0,
        promises_missed integer NOT NULL DEFAULT 0,
        instance varchar(64) NOT NULL,
        status varchar(8) NOT NULL CONSTRAINT ck_sweep_run_status CHECK (status IN ('DONE', 'SKIPPED', 'FAILED')),
        error text
      )`);
    await q.query(`CREATE INDEX ix_sweep_run_started ON sweep_run (started_at)`);
    await q.query(`
      CREATE TABLE supervision_urge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL CONSTRAINT fk_supervision_urge_case REFERENCES service_case (id),
        department_id uuid NOT NULL,
        clock_id uuid NOT NULL,
        message text NOT NULL,
        urged_by uuid NOT NULL,
        urged_by_name varchar(50) NOT NULL,
        urged_at timestamptz NOT NULL,
        state varchar(8) NOT NULL CONSTRAINT ck_supervision_urge_state CHECK (state IN ('OPEN', 'ANSWERED')),
        reply text,
        replied_by uuid,
        replied_by_name varchar(50),
        replied_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_supervision_urge_department ON supervision_urge (department_id, state)`);
    await q.query(`
      CREATE TABLE supervision_card (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        level varchar(8) NOT NULL CONSTRAINT ck_supervision_card_level CHECK (level IN ('YELLOW', 'RED')),
        reason varchar(24) NOT NULL,
        state varchar(12) NOT NULL CONSTRAINT ck_supervision_card_state CHECK (state IN ('ISSUED', 'APPEALED', 'REVOKED', 'UPHELD', 'ESCALATED')),
        case_id uuid,
        clock_id uuid,
        clock_kind varchar(16),
        department_id uuid,
        window_id uuid,
        staff_id uuid,
        crossed_at timestamptz NOT NULL,
        issued_at timestamptz NOT NULL,
        policy_version integer,
        run_id uuid
      )`);
    // At most one card per clock and level, and one violation card per case and reason: a second sweep,
    // or two instances at once, can issue nothing twice.
    await q.query(
      `CREATE UNIQUE INDEX uq_supervision_card_clock ON supervision_card (clock_id, level) WHERE clock_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_supervision_card_violation ON supervision_card (case_id, reason) WHERE clock_id IS NULL`,
    );
    await q.query(`CREATE INDEX ix_supervision_card_issued ON supervision_card (issued_at)`);
    await q.query(`CREATE INDEX ix_supervision_card_department ON supervision_card (department_id, issued_at)`);
    await q.query(`CREATE INDEX ix_supervision_card_run ON supervision_card (run_id)`);
    await q.query(`
      CREATE TABLE supervision_card_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        card_id uuid NOT NULL CONSTRAINT fk_supervision_card_event_card REFERENCES supervision_card (id),
        action varchar(10) NOT NULL,
        reason text NOT NULL,
        actor_id uuid NOT NULL,
        actor_name varchar(50) NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_supervision_card_event_card ON supervision_card_event (card_id)`);
    // Cards are never deleted; their appeal record only grows.
    await q.query(`
      CREATE FUNCTION supervision_record_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is kept for the record: % refused', TG_TABLE_NAME, TG_OP;
      END $$`);
    await q.query(
      `CREATE TRIGGER tr_supervision_card_kept BEFORE DELETE OR TRUNCATE ON supervision_card FOR EACH STATEMENT EXECUTE FUNCTION supervision_record_kept()`,
    );
    await q.query(
      `CREATE TRIGGER tr_supervision_card_event_kept BEFORE UPDATE OR DELETE OR TRUNCATE ON supervision_card_event FOR EACH STATEMENT EXECUTE FUNCTION supervision_record_kept()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supervision_card_event`);
    await q.query(`DROP TABLE supervision_card`);
    await q.query(`DROP FUNCTION supervision_record_kept`);
    await q.query(`DROP TABLE supervision_urge`);
    await q.query(`DROP TABLE sweep_run`);
    await q.query(`DROP INDEX ix_clock_due_unalerted`);
    await q.query(`DROP INDEX ix_clock_warn_unalerted`);
    await q.query(`ALTER TABLE clock DROP COLUMN alert_level`);
  }
}
